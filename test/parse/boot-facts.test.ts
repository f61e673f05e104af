import { existsSync, readFileSync } from 'node:fs';
import { BOOT_FACT_TRIGGERS } from '../../src/parse/boot-fact-triggers.js';
import { BootFactCollector, bootByIndex, DETAILED_BOOTS, LISTED_BOOTS } from '../../src/parse/boot-facts.js';
import type { LogRecord, Splat } from '../../src/parse/types.js';
import { frames, makeSplat } from '../analyze/vmemmap/make-splat.js';
import { UsageError } from '../../src/errors.js';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const describeCorpus = existsSync(corpus) ? describe : describe.skip;

/** Records from a raw dmesg: only the printk `[ts]` prefix is stripped (the real stripper is not under test here). */
function records(lines: string[]): LogRecord[] {
  return lines.map((line, i) => ({ lineNo: i + 1, text: line.replace(/^\[\s*\d+\.\d+\] ?/, '') }));
}

function collect(lines: string[]): BootFactCollector {
  const c = new BootFactCollector();
  for (const rec of records(lines)) c.push(rec);
  return c;
}

/** Feeds only what a fast reader must deliver: trigger lines, plus every line while the collector asks for it. */
function collectFast(lines: string[]): BootFactCollector {
  const c = new BootFactCollector();
  for (const rec of records(lines)) {
    if (c.wantsEveryLine || BOOT_FACT_TRIGGERS.some((t) => rec.text.includes(t))) c.push(rec);
  }
  return c;
}

function corpusLines(name: string): string[] {
  return readFileSync(new URL(name, corpus), 'latin1').split(/\r?\n/);
}

describe('BootFactCollector on synthetic lines', () => {
  // A real boot log mailed to linux-arm-kernel (2022): busybox printed /proc/version on the console, which had opened
  // a boot of its own and cut the memory map off from the vmemmap WARNING after it (memstart 0, pfns off by 0x80000).
  test('in a log of printk times, an unstamped `Linux version` line is user space: no boot, no fact', () => {
    const c = new BootFactCollector();
    const lines: LogRecord[] = [
      { lineNo: 1, ts: 0, text: 'Booting Linux on physical CPU 0x0000000000 [0x410fd034]' },
      { lineNo: 2, ts: 0, text: 'Linux version 6.1.0 (u@h) (gcc 12) #1 SMP' },
      { lineNo: 3, ts: 0.7, text: 'Run /init as init process' },
      { lineNo: 4, text: 'Linux version 6.2.0 (u@h) (gcc 12) #1 SMP' },
    ];
    for (const rec of lines) c.push(rec);
    expect(c.bootCount).toBe(1);
    expect(c.current.release?.value).toBe('6.1.0');
    // Without printk times anywhere (a journal, a mail without stamps) the line is the kernel's, as before.
    expect(collect(['Linux version 6.1.0 (u@h) #1', 'WARNING: x', 'Linux version 6.2.0 (u@h) #1']).bootCount).toBe(2);
  });

  // An audit of that rule: a stamped log followed by one captured without stamps had lost its boot split, and the
  // second boot's storm had read the first's memory map.
  test('an unstamped `Linux version` followed by unstamped kernel lines starts their boot', () => {
    const c = new BootFactCollector();
    const lines: LogRecord[] = [
      { lineNo: 1, ts: 0, text: 'Linux version 6.1.0 (u@h) (gcc 12) #1 SMP' },
      { lineNo: 2, ts: 0, text: '  node   0: [mem 0x0000000080000000-0x00000008ffffffff]' },
      { lineNo: 3, ts: 5, text: 'WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2' },
      { lineNo: 4, text: 'Linux version 6.2.0 (u@h) (gcc 12) #1 SMP' },
      { lineNo: 5, text: '  node   0: [mem 0x0000000040000000-0x00000000ffffffff]' },
    ];
    for (const rec of lines) c.push(rec);
    expect(c.bootCount).toBe(2);
    expect([c.current.release?.value, c.current.firstLine]).toEqual(['6.2.0', 4]);
    expect(c.settled).toBe(true);
  });

  test('a second boot starts at a boot-start line once the first has a release', () => {
    const c = collect([
      'Booting Linux on physical CPU 0x0000000000 [0x410fd034]',
      'Linux version 6.1.0 (u@h) (gcc 12) #1 SMP',
      'Machine model: Board A',
      'Booting Linux on physical CPU 0x0000000000 [0x410fd034]',
      'Linux version 6.9.0 (u@h) (gcc 13) #2 SMP',
      'Machine model: Board B',
    ]);
    expect(c.boots.map((b) => [b.index, b.firstLine, b.release?.value, b.machineModel?.value])).toEqual([
      [0, 1, '6.1.0', 'Board A'],
      [1, 4, '6.9.0', 'Board B'],
    ]);
    expect(c.current.index).toBe(1);
  });

  test('a splat header seen by the collector also closes a boot without a release', () => {
    const c = collect([
      'WARNING: No OPTEE provided by BL2',
      'Booting Linux on physical CPU 0x0',
      'WARNING: CPU: 3 PID: 1 at arch/arm64/mm/mmu.c:1171 vmemmap_populate+0x30/0x48',
      'Booting Linux on physical CPU 0x0',
    ]);
    expect(c.boots.map((b) => b.firstLine)).toEqual([2, 4]);
  });

  test('an unparsable layout line (hashed pointer) does not end the block', () => {
    const c = collect([
      'Virtual kernel memory layout:',
      '      .text : 0x(ptrval) - 0x(ptrval)   ( 12992 KB)',
      '    vmemmap : 0xffff7e0000000000 - 0xffff800000000000   (  2048 GB maximum)',
      'SLUB: HWalign=64',
    ]);
    expect(c.current.virtualLayout.map((f) => [f.value.region, f.lineNo])).toEqual([['vmemmap', 3]]);
    expect(c.wantsEveryLine).toBe(false);
  });

  test.each([collect, collectFast])('the KASAN init line, its first in a boot (%p)', (run) => {
    const c = run([
      '[    0.000000] Linux version 6.6.0 (u@h) (gcc) #1 SMP',
      '[    0.000000] cma: Reserved 64 MiB at 0x00000000fc000000',
      '[    0.000000] kasan: KernelAddressSanitizer initialized (generic)',
      '[    0.000000] KernelAddressSanitizer initialized (sw-tags, stacktrace=on)',
    ]);
    expect(c.current.kasan).toMatchObject({ value: 'generic', lineNo: 3 });
  });

  test('the first KASAN report of a boot that shows its mode becomes a fact of that boot; one that shows whose tags replaces one that did not', () => {
    const c = collect(['[    0.000000] Linux version 6.1.0 (u@h) (gcc) #1 SMP', '[    5.000000] Booting Linux on physical CPU 0x0', '[    5.000000] Linux version 6.1.0 (u@h) (gcc) #2 SMP']);
    const report = (bootIndex: number, lineNo: number, text: string, over: Partial<Splat> = {}): Splat =>
      makeSplat({ kind: 'kasan', title: 'KASAN: slab-out-of-bounds Read in foo', header: 'BUG: KASAN: slab-out-of-bounds in foo+0x1/0x2', bootIndex, lines: [{ lineNo, text }], ...over });
    const hw = { frames: frames('kasan_report', 'do_tag_check_fault', 'foo') };
    c.noteReport(report(0, 40, 'Pointer tag: [f4], memory tag: [fe]', { kind: 'warning' }));
    expect(c.boots[0]!.kasanReport).toBeUndefined();
    c.noteReport(report(0, 50, 'Pointer tag: [f4], memory tag: [fe]'));
    expect(c.boots[0]!.kasanReport).toMatchObject({ value: 'tags', lineNo: 50 });
    c.noteReport(report(0, 60, 'no mode shown here'));
    c.noteReport(report(0, 70, 'Pointer tag: [f4], memory tag: [fe]', hw));
    c.noteReport(report(0, 80, 'Pointer tag: [f4], memory tag: [fe]', { frames: frames('kasan_report', '__hwasan_load8_noabort', 'foo') }));
    c.noteReport(report(7, 90, 'Pointer tag: [f4], memory tag: [fe]', hw));
    expect(c.boots[0]!.kasanReport).toEqual({ value: 'hw-tags', lineNo: 70, text: 'Pointer tag: [f4], memory tag: [fe]', why: "a pointer tag, and MTE's fault handler in the trace" });
    expect(c.boots[1]!.kasanReport).toBeUndefined();
  });

  test('foreign records never become facts', () => {
    const c = new BootFactCollector();
    c.push({ lineNo: 1, text: 'Linux version 6.1.0 (u@h) (gcc) #1', foreign: true });
    expect(c.current.release).toBeUndefined();
  });

  test('wantsEveryLine only inside a block', () => {
    const c = new BootFactCollector();
    expect(c.wantsEveryLine).toBe(false);
    c.push({ lineNo: 1, text: 'Zone ranges:' });
    expect(c.wantsEveryLine).toBe(true);
    c.push({ lineNo: 2, text: '  DMA      [mem 0x0000000080000000-0x00000000ffffffff]' });
    c.push({ lineNo: 3, text: '  DMA32    empty' });
    expect(c.wantsEveryLine).toBe(true);
    c.push({ lineNo: 4, text: 'Movable zone start for each node' });
    expect(c.wantsEveryLine).toBe(false);
    expect(c.current.zoneRanges.map((z) => z.value)).toEqual([
      { zone: 'DMA', range: { start: 0x80000000n, end: 0xffffffffn } },
      { zone: 'DMA32' },
    ]);
  });

  test('PHYS_OFFSET printed after a panic belongs to the boot it ends; the first one counts', () => {
    const c = collect(['Kernel Offset: 0x3aaa1de00000 from 0xffff800080000000', 'PHYS_OFFSET: 0xfff081e440000000', 'PHYS_OFFSET: 0x80000000']);
    expect(c.current.physOffset).toEqual({ value: 0xfff0_81e4_4000_0000n, lineNo: 2, text: 'PHYS_OFFSET: 0xfff081e440000000' });
  });

  test("the dentry cache's hash table line after the command line, read on the fast path too", () => {
    const lines = ['Kernel command line: console=ttyAMA0', 'Unknown kernel command line parameters "foo", will be passed to user space.',
      'Dentry cache hash table entries: 524288 (order: 10, 4194304 bytes, linear)', 'Inode-cache hash table entries: 262144 (order: 9, 2097152 bytes, linear)',
      'Memory: 3946184K/4194304K available'];
    for (const c of [collect(lines), collectFast(lines)]) {
      expect(c.current.dentryHash).toEqual({ value: { order: 10, bytes: 4194304 }, lineNo: 3, text: lines[2] });
      expect(c.current.memory?.lineNo).toBe(5);
      expect(c.wantsEveryLine).toBe(false);
    }
    // 4.x prints no `, linear`.
    expect(collect(['Kernel command line: x', 'Dentry cache hash table entries: 1048576 (order: 11, 8388608 bytes)']).current.dentryHash?.value)
      .toEqual({ order: 11, bytes: 8388608 });
  });

  test('the command line\'s tail ends at a fact line or after 64 lines; a dentry line elsewhere is not read', () => {
    const dentry = 'Dentry cache hash table entries: 524288 (order: 10, 4194304 bytes, linear)';
    const afterMemory = collectFast(['Kernel command line: x', 'Memory: 1K/2K available', dentry]);
    expect(afterMemory.current.dentryHash).toBeUndefined();
    const far = collect(['Kernel command line: x', ...Array.from({ length: 64 }, (_, i) => `line ${i}`), dentry]);
    expect(far.current.dentryHash).toBeUndefined();
    expect(far.wantsEveryLine).toBe(false);
    const near = collect(['Kernel command line: x', ...Array.from({ length: 63 }, (_, i) => `line ${i}`), dentry]);
    expect(near.current.dentryHash?.lineNo).toBe(65);
  });

  test('a console that doubles line ends leaves a blank line after each line of a block: the block goes on', () => {
    const c = collect(['Zone ranges:', '', '  DMA      [mem 0x0000000080000000-0x00000000ffffffff]', '', 'Early memory node ranges', '',
      '  node   0: [mem 0x0000000080000000-0x000000087fffffff]', '', 'Movable zone start for each node']);
    expect(c.current.zoneRanges.map((z) => z.lineNo)).toEqual([3]);
    expect(c.current.nodeRanges.map((n) => n.value.range.start)).toEqual([0x8000_0000n]);
    expect(c.wantsEveryLine).toBe(false);
  });

  test('52-bit and LPA2 CPU features, memory too big, swapper pgtable', () => {
    const c = collect([
      'CPU features: detected: 52-bit Virtual Addressing (LVA)',
      'CPU features: detected: 52-bit Virtual Addressing for KVM (LPA2)',
      "Memory doesn't fit in the linear mapping, VA_BITS too small",
      'swapper pgtable: 16k pages, 47-bit VAs, pgdp=0000000041d1c000',
    ]);
    expect(c.current.cpuFeatures.map((f) => f.value)).toEqual([
      '52-bit Virtual Addressing (LVA)',
      '52-bit Virtual Addressing for KVM (LPA2)',
    ]);
    expect(c.current.memoryTooBig).toEqual({ value: true, lineNo: 3, text: "Memory doesn't fit in the linear mapping, VA_BITS too small" });
    expect(c.current.pgtable?.value).toEqual({ pageSizeKiB: 16, vaBits: 47 });
    expect(c.current.arch?.value).toBe('arm64');
  });
});

describeCorpus('BootFactCollector on corpus boot logs (expected values read from each log)', () => {
  test.each([collect, collectFast])('Jetson TX2 4.4.38-tegra: E0 virtual layout block (%p)', (run) => {
    const c = run(corpusLines('boot__jetson-tx2_4.4.38-tegra_dmesg.txt'));
    expect(c.boots).toHaveLength(1);
    const b = c.current;
    expect(b.firstLine).toBe(1);
    expect(b.release).toMatchObject({ value: '4.4.38-tegra', lineNo: 5 });
    expect(b.compiler?.value).toBe('gcc version 4.8.5 (GCC)');
    expect(b.memory?.lineNo).toBe(29);
    expect(b.cmdline?.value.startsWith('root=/dev/mmcblk0p1 rw rootwait')).toBe(true);
    expect(b.arch?.value).toBe('arm64');
    const layout = b.virtualLayout.map((f) => [f.value.region, f.value.kind, f.value.start, f.value.end, f.lineNo]);
    expect(layout).toHaveLength(10);
    expect(layout).toContainEqual(['vmemmap', 'maximum', 0xffffffbdc0000000n, 0xffffffbfc0000000n, 32]);
    expect(layout).toContainEqual(['vmemmap', 'actual', 0xffffffbdc2000000n, 0xffffffbdc9d7c400n, 33]);
    expect(layout).toContainEqual(['memory', 'plain', 0xffffffc000000000n, 0xffffffc1f5f10000n, 37]);
    expect(layout).toContainEqual(['PCI I/O', 'plain', 0xffffffbffae00000n, 0xffffffbffbe00000n, 35]);
  });

  test.each([collect, collectFast])('ClearFog GT 8K 5.8: zones, 21 node ranges, KASLR off (%p)', (run) => {
    const b = run(corpusLines('boot__clearfog-gt-8k_armada8040_5.8_debian_dmesg.txt')).current;
    expect(b.release).toMatchObject({ value: '5.8.0-0.bpo.2-arm64', lineNo: 14 });
    expect(b.compiler?.value).toBe('gcc-8 (Debian 8.3.0-6) 8.3.0, GNU ld (GNU Binutils for Debian) 2.31.1');
    expect(b.firstLine).toBe(13);
    expect(b.machineModel?.value).toBe('SolidRun ClearFog GT 8K');
    expect(b.zoneRanges.map((z) => [z.value.zone, z.value.range?.start, z.lineNo])).toEqual([
      ['DMA', 0x0n, 24],
      ['DMA32', 0x40000000n, 25],
      ['Normal', 0x100000000n, 26],
    ]);
    expect(b.nodeRanges).toHaveLength(21);
    expect(b.nodeRanges[0]?.value).toEqual({ node: 0, range: { start: 0n, end: 0x3ffffffn } });
    expect(b.nodeRanges[20]?.value.range).toEqual({ start: 0x100000000n, end: 0x13fffffffn });
    expect(b.kaslr).toMatchObject({ value: false, lineNo: 134 });
    expect(b.arch?.value).toBe('arm64');
  });

  test('Orange Pi 5 5.10.110: user pgtable 4k/39-bit, DMA32 empty', () => {
    const b = collect(corpusLines('boot__orangepi5_rk3588_5.10.110_dmesg.txt')).current;
    expect(b.release?.value).toBe('5.10.110+');
    expect(b.pgtable).toMatchObject({ value: { pageSizeKiB: 4, vaBits: 39 }, lineNo: 1289 });
    expect(b.zoneRanges.map((z) => z.value)).toEqual([
      { zone: 'DMA', range: { start: 0x200000n, end: 0xffffffffn } },
      { zone: 'DMA32' },
      { zone: 'Normal', range: { start: 0x100000000n, end: 0x1ffffffffn } },
    ]);
    expect(b.nodeRanges.map((n) => n.value.range.start)).toEqual([0x200000n, 0x100000000n]);
    expect(b.kaslr).toMatchObject({ value: false, lineNo: 133 });
  });

  test('Juno 4.14.156: E1 vmemmap maximum/actual', () => {
    const b = collect(corpusLines('squad__linux_log_parser_rcu_warning_arm64_juno_4.14.156.txt')).current;
    expect(b.release?.value).toBe('4.14.156-rc1');
    expect(b.machineModel?.value).toBe('ARM Juno development board (r2)');
    const vmemmap = b.virtualLayout.filter((f) => f.value.region === 'vmemmap').map((f) => [f.value.kind, f.value.start, f.value.end]);
    expect(vmemmap).toEqual([
      ['maximum', 0xffff7e0000000000n, 0xffff800000000000n],
      ['actual', 0xffff7e0000000000n, 0xffff7e0026000000n],
    ]);
    expect(b.nodeRanges[0]?.value.range.start).toBe(0x80000000n);
  });

  test('MT8186 Steelix 6.13 LAVA: two boots (the log reboots at line 4951), KASLR enabled, arm64', () => {
    const c = collect(corpusLines('kernelci-logspec__linux_boot_008_arm64_mt8186-steelix_6.13.0_LAVA.txt'));
    expect(c.boots.map((b) => [b.index, b.firstLine, b.release?.lineNo, b.kaslr?.lineNo])).toEqual([
      [0, 1573, 1574, 1575],
      [1, 4951, 4952, 4953],
    ]);
    const b = c.boots[0];
    expect(b?.release?.value).toBe('6.13.0');
    expect(b?.kaslr?.value).toBe(true);
    expect(b?.machineModel?.value).toBe('Google Steelix board');
    expect(b?.arch).toMatchObject({ value: 'arm64', lineNo: 1573 });
    expect(b?.nodeRanges[0]?.value.range.start).toBe(0x40000000n);
  });

  test.each([
    ['kernelci-logspec__linux_boot_004_arm64_mt8183-juniper_6.6.33-rc1_LAVA.txt', '6.6.33-rc1'],
    ['kernelci-logspec__test_baseline_001_arm64_mt8183-juniper_6.10-rc3-next_LAVA.txt', '6.10.0-rc3-next-20240611'],
    ['boot__rg353v_rk3566_6.6.0-rc2_dmesg.txt', '6.6.0-rc2-nextOS-00386-g3aba70aed91f'],
    ['boot__rg353v_rk3566_6.4.0_mainline.txt', '6.4.0-nextOS-g8689f4f2ea56'],
    ['boot__uz801-msm8916_5.10.33_postmarketos_dmesg.txt', '5.10.33'],
  ])('%s → release %s, arm64', (name, release) => {
    const c = collect(corpusLines(name));
    expect(c.boots).toHaveLength(1);
    expect(c.current.release?.value).toBe(release);
    expect(c.current.arch?.value).toBe('arm64');
  });

  test('x86 LAVA log is x86_64', () => {
    const b = collect(corpusLines('kernelci-logspec__linux_boot_005_x86_coral_5.10.219-rc1_WARNINGs_LAVA.txt')).current;
    expect(b.release?.value).toBe('5.10.219-rc1');
    expect(b.arch?.value).toBe('x86_64');
  });
});

describe('absorb: a log read in two parts that share the cut-here line', () => {
  const CUT = '------------[ cut here ]------------';

  /** Boots of `lines` read whole, and read as two parts that both hold line `cut` (as analyze/parts/ does). */
  function bothWays(lines: string[], cut: number): { whole: unknown; parts: unknown } {
    const all = records(lines);
    const [early, later] = [new BootFactCollector(), new BootFactCollector()];
    all.slice(0, cut + 1).forEach((rec) => early.push(rec));
    all.slice(cut).forEach((rec) => later.push(rec));
    const shift = early.absorb(structuredClone(later.part()));
    return { whole: collect(lines).boots, parts: shift === undefined ? 'not absorbed' : early.boots };
  }

  test('facts after the cut join the boot before it; a weak arch yields to a strong one', () => {
    const lines = [
      'Booting Linux on physical CPU 0x0',
      'Linux version 6.6.0 (gcc version 12)',
      CUT,
      'WARNING: CPU: 0 PID: 1 at mm/x.c:1 f+0x0/0x4',
      'Kernel command line: console=ttyS0',
      'CPU features: detected: Privileged Access Never',
      'Memory: 1024K/2048K available',
    ];
    const { whole, parts } = bothWays(lines, 2);
    expect(parts).toEqual(whole);
    expect((whole as { arch?: { value: string } }[])[0]?.arch?.value).toBe('arm64');
  });

  test('a boot that starts after the cut is numbered on from the boots before it', () => {
    const lines = [
      'Linux version 6.6.0 (gcc version 12)',
      CUT,
      'Machine model: First',
      'Booting Linux on physical CPU 0x0000000000 [0x410fd034]',
      'Linux version 6.7.0 (gcc version 13)',
      'Machine model: Second',
      CUT,
      'Booting Linux on physical CPU 0x0000000000 [0x410fd034]',
      'Linux version 6.8.0 (gcc version 13)',
    ];
    const { whole, parts } = bothWays(lines, 1);
    expect((whole as unknown[]).length).toBe(3);
    expect(parts).toEqual(whole);
  });

  test('a later part that does not open with a splat start is not taken in', () => {
    const lines = ['Linux version 6.6.0 (gcc version 12)', 'plain line', 'Booting Linux on physical CPU 0x0'];
    expect(bothWays(lines, 1).parts).toBe('not absorbed');
  });
});

describe('bounded over boots', () => {
  /** `n` boots, each with a release and a zone line. */
  const bootLines = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      'Booting Linux on physical CPU 0x0000000000 [0x410fd034]',
      `Linux version 6.1.${i} (u@h) (gcc 12) #1 SMP`,
      'Zone ranges:',
      '  DMA      [mem 0x0000000080000000-0x00000000ffffffff]',
      'Movable zone start for each node',
    ]).flat();

  test('past DETAILED_BOOTS, a closed boot keeps its start, release and arch only; the two newest stay whole', () => {
    const c = collect(bootLines(DETAILED_BOOTS + 6));
    const boots = c.boots;
    expect(boots).toHaveLength(DETAILED_BOOTS + 6);
    expect(boots[DETAILED_BOOTS - 1]!.zoneRanges).toHaveLength(1);
    expect(boots[DETAILED_BOOTS]!.zoneRanges).toHaveLength(0);
    expect(boots[DETAILED_BOOTS]!.release?.value).toBe(`6.1.${DETAILED_BOOTS}`);
    expect(boots[DETAILED_BOOTS]!.versionLine).toBeUndefined();
    expect(boots.at(-2)!.zoneRanges).toHaveLength(1);
    expect(boots.at(-1)!.zoneRanges).toHaveLength(1);
    expect(c.slimmedBoots).toBe(4);
  });

  test('a boot a vmemmap finding wants keeps its facts, even when wanted after it closed', () => {
    const c = new BootFactCollector();
    const lines = records(bootLines(DETAILED_BOOTS + 6));
    for (const rec of lines) {
      c.push(rec);
      // The splat of boot DETAILED_BOOTS + 1 ends on the next boot's first line, as a report cut by a reboot does.
      if (c.current.index === DETAILED_BOOTS + 2 && rec.text.startsWith('Booting')) c.want(DETAILED_BOOTS + 1);
    }
    expect(c.boots[DETAILED_BOOTS + 1]!.zoneRanges).toHaveLength(1);
    expect(c.boots[DETAILED_BOOTS]!.zoneRanges).toHaveLength(0);
    expect(c.slimmedBoots).toBe(3);
  });
  test('past LISTED_BOOTS, a closed boot no finding reads is counted, not listed; the newest always is', () => {
    const c = collect(bootLines(LISTED_BOOTS + 10));
    expect(c.bootCount).toBe(LISTED_BOOTS + 10);
    // While reading, the boot before the newest is kept too: a splat cut by the reboot may still want it.
    expect(c.boots.map((b) => b.index).slice(-3)).toEqual([LISTED_BOOTS - 1, LISTED_BOOTS + 8, LISTED_BOOTS + 9]);
    c.slimAllBut(new Set());
    expect(c.boots).toHaveLength(LISTED_BOOTS + 1);
    expect(c.boots.at(-1)!.index).toBe(LISTED_BOOTS + 9);
    expect(c.unlistedBoots).toBe(9);
    expect(bootByIndex(c.boots, LISTED_BOOTS + 9)?.release?.value).toBe(`6.1.${LISTED_BOOTS + 9}`);
    expect(bootByIndex(c.boots, LISTED_BOOTS)).toBeUndefined();
  });

  test('past LISTED_BOOTS, a boot a finding reads stays listed with its facts', () => {
    const c = new BootFactCollector();
    for (const rec of records(bootLines(LISTED_BOOTS + 10))) {
      c.push(rec);
      if (c.current.index === LISTED_BOOTS + 3) c.want(LISTED_BOOTS + 3);
    }
    c.slimAllBut(new Set([LISTED_BOOTS + 3]));
    expect(bootByIndex(c.boots, LISTED_BOOTS + 3)?.zoneRanges).toHaveLength(1);
    expect(c.unlistedBoots).toBe(8);
  });

  /** LISTED_BOOTS + 10 boots, a report of boot LISTED_BOOTS + 3 open from that boot on, closed when `closedAt` starts. */
  function readWithReportOpen(closedAt?: number): BootFactCollector {
    let open: number | undefined;
    const c = new BootFactCollector(() => open);
    for (const rec of records(bootLines(LISTED_BOOTS + 10))) {
      c.push(rec);
      if (c.current.index === LISTED_BOOTS + 3) open = LISTED_BOOTS + 3;
      if (c.current.index === closedAt) open = undefined;
    }
    return c;
  }

  test('a boot a report still open belongs to is left whole, though no finding wanted it yet', () => {
    const c = readWithReportOpen();
    expect(bootByIndex(c.boots, LISTED_BOOTS + 3)?.zoneRanges).toHaveLength(1);
    expect(bootByIndex(c.boots, LISTED_BOOTS + 2)).toBeUndefined();
  });

  test('once the report is closed, a boot left whole for it is slimmed or unlisted at the next boot start', () => {
    const c = readWithReportOpen(LISTED_BOOTS + 7);
    expect(bootByIndex(c.boots, LISTED_BOOTS + 3)).toBeUndefined();
    expect(bootByIndex(c.boots, LISTED_BOOTS + 4)).toBeUndefined();
    // Bounded while reading: the first LISTED_BOOTS and the two newest.
    expect(c.boots).toHaveLength(LISTED_BOOTS + 2);
  });

  test('read in two parts, the same boots are listed and counted as read whole', () => {
    const lines = bootLines(LISTED_BOOTS + 10);
    const cut = 5 * 700 + 3;
    lines.splice(cut, 0, '------------[ cut here ]------------', 'WARNING: CPU: 0 PID: 1 at mm/x.c:1 f+0x0/0x4');
    const all = records(lines);
    const [early, later] = [new BootFactCollector(), new BootFactCollector()];
    all.slice(0, cut + 1).forEach((rec) => early.push(rec));
    all.slice(cut).forEach((rec) => later.push(rec));
    expect(early.absorb(structuredClone(later.part()))).toBe(700);
    const whole = collect(lines);
    for (const c of [early, whole]) c.slimAllBut(new Set());
    expect(early.boots).toEqual(whole.boots);
    expect([early.bootCount, early.unlistedBoots]).toEqual([whole.bootCount, whole.unlistedBoots]);
    expect(whole.unlistedBoots).toBe(9);
  });

  test('bootByIndex finds a boot by its index across gaps', () => {
    const boots = [0, 1, 2, 1000, 4711].map((index) => ({ index }));
    expect(bootByIndex(boots, 1000)).toBe(boots[3]);
    expect(bootByIndex(boots, 0)).toBe(boots[0]);
    expect(bootByIndex(boots, 4711)).toBe(boots[4]);
    expect(bootByIndex(boots, 3)).toBeUndefined();
    expect(bootByIndex([], 0)).toBeUndefined();
  });
});

// Found by a review of the library API: BootFactCollector.absorb of anything but a collector's part was a raw
// TypeError from inside it (`undefined is not iterable`, `head[key] is not iterable`).
describe('Found by a review: absorb refuses what is no part', () => {
  test.each([
    ['undefined', undefined, /^BootFactCollector\.absorb: later must be a collector's part \(another BootFactCollector's part\(\)\), not undefined$/],
    ['an empty object', {}, /not an empty object$/],
    ['a part whose boot lacks its lists', { ...new BootFactCollector().part(), boots: [{ index: 0 }], openedWithSplat: true }, /^BootFactCollector\.absorb: later must be a collector's part/],
  ])('%s', (_what, later, message) => {
    const call = () => new BootFactCollector().absorb(later as never);
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
  });
});

// Found by a review of the library API: BootFactCollector.push of anything but a record, and noteReport of anything
// but a splat, were raw TypeErrors from inside (`rec.text.trim`, `splat.kind`, kasanReportMode's `includes`); a
// record without its line number made facts of line undefined, want('1') and want(NaN) kept boots '1' and NaN as
// wanted, and slimAllBut of an array was `read.has is not a function`.
describe('Found by a review: push, noteReport, want and slimAllBut refuse wrong arguments', () => {
  test.each([
    ['push(undefined)', (b: BootFactCollector) => b.push(undefined as never), /^BootFactCollector\.push: record must be a log record \(\{ lineNo, text \}, as RecordAssembler gives it\), not undefined$/],
    ['push of a record without its line number', (b: BootFactCollector) => b.push({ text: 'Linux version 6.1.0 (x@y) #1 SMP', ts: 1 } as never), /^BootFactCollector\.push: record must be a log record/],
    ['push of a text that is no string', (b: BootFactCollector) => b.push({ lineNo: 1, text: 5 } as never), /^BootFactCollector\.push: record must be a log record .*, not an object with keys lineNo, text$/],
    ['push(record, "no")', (b: BootFactCollector) => b.push({ lineNo: 1, text: 'x' }, 'no' as never), /^BootFactCollector\.push: holdsNeedle must be a boolean, not the string 'no'$/],
    ['noteReport(undefined)', (b: BootFactCollector) => b.noteReport(undefined as never), /^BootFactCollector\.noteReport: splat must be a splat/],
    ['noteReport of a splat without its boot', (b: BootFactCollector) => b.noteReport({ ...makeSplat({ kind: 'kasan' }), bootIndex: undefined } as never), /^BootFactCollector\.noteReport: splat\.bootIndex must be a whole number, not undefined$/],
    ['want("1")', (b: BootFactCollector) => b.want('1' as never), /^BootFactCollector\.want: index must be a whole number of at least 0 \(a splat's bootIndex\), not the string '1'$/],
    ['want(NaN)', (b: BootFactCollector) => b.want(NaN), /^BootFactCollector\.want: index must be a whole number/],
    ['slimAllBut([0])', (b: BootFactCollector) => b.slimAllBut([0] as never), /^BootFactCollector\.slimAllBut: read must be a set of boot indices, not an array$/],
  ])('%s', (_what, call, message) => {
    const b = new BootFactCollector();
    expect(() => call(b)).toThrow(UsageError);
    expect(() => call(b)).toThrow(message);
    expect(b.part().wanted).toEqual([]);
  });
});

// Found by a review of the library API: absorb of the collector's own part (of a log opening with a splat) walked its
// own lists while pushing onto them, each fact repeated up to the cap, and counted its boots again.
test('Found by a review: BootFactCollector.absorb of its own part is a UsageError', () => {
  const b = new BootFactCollector();
  b.push({ lineNo: 1, text: '------------[ cut here ]------------' });
  b.push({ lineNo: 2, text: 'CPU features: detected: Privileged Access Never' });
  const call = () => b.absorb(b.part());
  expect(call).toThrow(UsageError);
  expect(call).toThrow(/^BootFactCollector\.absorb: later is this collector's own part, whose facts would count twice$/);
  expect(b.boots[0]?.cpuFeatures).toHaveLength(1);
});
