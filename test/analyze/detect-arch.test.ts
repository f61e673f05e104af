import { archOfSplat, detectArch } from '../../src/analyze/detect-arch.js';
import type { BootFacts, LogRecord, Splat } from '../../src/parse/types.js';

/** A splat that tells nothing about its architecture, with what the case adds. */
function splat(opts: { file?: string; regs?: string[]; lines?: string[]; frames?: string[] } = {}): Splat {
  return {
    kind: 'warning',
    title: 'WARNING in foo',
    header: 'WARNING: CPU: 0 PID: 1 at foo.c:1 foo+0x0/0x4',
    site: opts.file === undefined ? {} : { file: opts.file },
    // The value plays no part in the decision, only the register's name.
    regs: new Map((opts.regs ?? []).map((name) => [name, 0n])),
    frames: (opts.frames ?? []).map((func, i) => ({ func, lineNo: i + 2 })),
    firstLine: 1,
    lastLine: 1,
    bootIndex: 0,
    lines: (opts.lines ?? []).map((text, i): LogRecord => ({ lineNo: i + 1, text })),
  };
}

function boot(index: number, arch?: string): BootFacts {
  return {
    index,
    firstLine: 1,
    zoneRanges: [],
    nodeRanges: [],
    virtualLayout: [],
    cpuFeatures: [],
    ...(arch !== undefined && { arch: { value: arch, lineNo: 2, text: `arch line of boot ${index}` } }),
  };
}

describe('archOfSplat', () => {
  test.each([
    // arm64 dumps print x29 (frame pointer) and, on old kernels, x30.
    ['arm64: x29 in the register dump', { regs: ['x29', 'x0'] }, 'arm64'],
    ['arm64: x30 in the register dump', { regs: ['x30'] }, 'arm64'],
    ['arm64: site under arch/arm64/', { file: 'arch/arm64/mm/mmu.c' }, 'arm64'],
    ['arm64: arch/arm64/ after a build-tree prefix', { file: '/build/linux-6.1/arch/arm64/mm/mmu.c' }, 'arm64'],
    ['x86_64: site under arch/x86/', { file: 'arch/x86/kernel/cpu/bugs.c' }, 'x86_64'],
    // Reports without a register dump (syzkaller__report_353 trusty, 4.9; report_1000, 6.x): entry frames tell.
    ['arm64: el1_dbg in the trace', { file: 'drivers/trusty/trusty.c', frames: ['nop_work_func', 'el1_dbg'] }, 'arm64'],
    ['arm64: el0t_64_sync and __arm64_sys_*', { frames: ['__arm64_sys_openat', 'el0_svc', 'el0t_64_sync'] }, 'arm64'],
    ['x86_64: entry_SYSCALL_64', { frames: ['do_syscall_64', 'entry_SYSCALL_64_after_hwframe'] }, 'x86_64'],
    ['a generic frame tells nothing', { frames: ['process_one_work', 'worker_thread', 'kthread', 'ret_from_fork'] }, undefined],
    ['x86_64: a RIP line `RIP: 0010:`', { lines: ['WARNING: CPU: 1', 'RIP: 0010:foo+0x4/0x10'] }, 'x86_64'],
    ['riscv64: epc register', { regs: ['epc'] }, 'riscv64'],
    ['riscv64: ra register', { regs: ['ra', 'sp'] }, 'riscv64'],
    ['riscv64: site under arch/riscv/', { file: 'arch/riscv/mm/init.c' }, 'riscv64'],
    ['arm: r0 register', { regs: ['r0', 'r1'] }, 'arm'],
    ['arm: fp register', { regs: ['fp'] }, 'arm'],
    // `arch/arm/` must not be read as the start of `arch/arm64/` nor the other way round.
    ['arm: site under arch/arm/', { file: 'arch/arm/mm/fault.c' }, 'arm'],
    ['powerpc: the directory name itself', { file: 'arch/powerpc/kernel/traps.c' }, 'powerpc'],
    ['s390: the directory name itself', { file: 'arch/s390/mm/fault.c' }, 's390'],
    ['loongarch: the directory name itself', { file: 'arch/loongarch/kernel/traps.c' }, 'loongarch'],
  ])('%s', (_name, opts, arch) => {
    expect(archOfSplat(splat(opts))).toBe(arch);
  });

  test.each([
    ['no site, no registers, no lines', {}],
    ['a site outside arch/', { file: 'mm/memremap.c' }],
    // `(?:^|/)arch/`: a directory that merely ends in "arch" is not the arch tree.
    ['a directory ending in "arch"', { file: 'drivers/myarch/arm64/foo.c' }],
    ['an architecture the list does not name', { file: 'arch/sparc/kernel/traps.c' }],
    ['arch/arm64 without the slash after it', { file: 'arch/arm64' }],
    // Only `RIP: xxxx:` with four hex digits of code segment is the x86 register line.
    ['a RIP line without the segment', { lines: ['RIP: foo+0x4/0x10'] }],
    ['x86 registers the parser does not keep', { regs: ['rax'] }],
  ])('undefined for %s', (_name, opts) => {
    expect(archOfSplat(splat(opts))).toBeUndefined();
  });

  describe('order of the checks', () => {
    test('the site directory wins over registers and lines of another arch', () => {
      expect(archOfSplat(splat({ regs: ['x29'], file: 'arch/x86/mm/init.c', lines: ['RIP: 0010:f+0x0/0x4'] }))).toBe('x86_64');
    });
    test('without an arch site, arm64 registers win over a RIP line', () => {
      expect(archOfSplat(splat({ regs: ['x29'], file: 'drivers/foo/bar.c', lines: ['RIP: 0010:f+0x0/0x4'] }))).toBe('arm64');
    });
    test('an x86 RIP line wins over riscv and arm registers', () => {
      expect(archOfSplat(splat({ regs: ['ra', 'r0'], lines: ['RIP: 0010:f+0x0/0x4'] }))).toBe('x86_64');
    });
    test('riscv registers win over arm registers', () => {
      expect(archOfSplat(splat({ regs: ['ra', 'fp'] }))).toBe('riscv64');
    });
    test('an arm64 site wins over arm registers', () => {
      expect(archOfSplat(splat({ regs: ['r0'], file: 'arch/arm64/kernel/traps.c' }))).toBe('arm64');
    });
  });

  // MIPS __show_regs (arch/mips/kernel/traps.c) prints `epc   : ...` and `ra    : ...`, as riscv does: the arch
  // directory of the site decides before any shared register name.
  test('a MIPS splat (site under arch/mips/, ra register) is mips, not riscv64', () => {
    expect(archOfSplat(splat({ file: 'arch/mips/kernel/traps.c', regs: ['ra'] }))).toBe('mips');
  });
});

describe('detectArch', () => {
  test('the first boot that names an arch decides, before any splat', () => {
    const x86Splat = splat({ file: 'arch/x86/kernel/traps.c' });
    expect(detectArch([boot(0), boot(1, 'arm64'), boot(2, 'riscv64')], [x86Splat])).toBe('arm64');
  });

  test('without a boot arch, the first splat that tells decides', () => {
    const silent = splat();
    const arm = splat({ regs: ['r0'] });
    const arm64 = splat({ regs: ['x29'] });
    expect(detectArch([boot(0)], [silent, arm, arm64])).toBe('arm');
  });

  test('an arch directory the list names is passed through', () => {
    expect(detectArch([], [splat({ file: 'arch/powerpc/mm/fault.c' })])).toBe('powerpc');
  });

  test.each([
    ['no boots and no splats', [], []],
    ['boots without arch and silent splats', [boot(0), boot(1)], [splat(), splat({ file: 'kernel/sched/core.c' })]],
  ])('unknown for %s', (_name, boots, splats) => {
    expect(detectArch(boots, splats)).toBe('unknown');
  });
});
