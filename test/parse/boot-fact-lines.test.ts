import { archHint, isSplatStart, parseCpuFeature, parseKasanInit, parseKaslr, parseLayoutLine, parseLinuxVersion, parseNodeLine, parsePgtable, parsePhysOffset, parseKimageVaddr, parseZoneLine } from '../../src/parse/boot-fact-lines.js';

describe('parseLinuxVersion', () => {
  test.each([
    ['Linux version 4.4.38-tegra (buildbrain@mobile-u64-553) (gcc version 4.8.5 (GCC) ) #1 SMP PREEMPT', '4.4.38-tegra', 'gcc version 4.8.5 (GCC)'],
    ['Linux version 6.1.0 (gcc (GCC) 12.2.0, GNU ld 2.39) #1 SMP', '6.1.0', 'gcc (GCC) 12.2.0, GNU ld 2.39'],
    ['Linux version 6.1.0', '6.1.0', undefined],
  ])('%s', (line, release, compiler) => {
    expect(parseLinuxVersion(line)).toEqual(compiler === undefined ? { release } : { release, compiler });
  });
});

test('zone and node lines', () => {
  expect(parseZoneLine('  Normal   [mem 0x0000000100000000-0x000000087fffffff]')).toEqual({
    zone: 'Normal',
    range: { start: 0x100000000n, end: 0x87fffffffn },
  });
  expect(parseZoneLine('  DMA32    empty')).toEqual({ zone: 'DMA32' });
  expect(parseZoneLine('Movable zone start for each node')).toBeUndefined();
  expect(parseNodeLine('  node   1: [mem 0x0000000880000000-0x00000009ffffffff]')).toEqual({
    node: 1,
    range: { start: 0x880000000n, end: 0x9ffffffffn },
  });
});

test('virtual layout lines', () => {
  expect(parseLayoutLine('    PCI I/O : 0xffffffbffae00000 - 0xffffffbffbe00000   (    16 MB)')).toEqual({
    region: 'PCI I/O',
    start: 0xffffffbffae00000n,
    end: 0xffffffbffbe00000n,
    kind: 'plain',
  });
  expect(parseLayoutLine('              0xffff7e0000000000 - 0xffff7e0026000000   (   608 MB actual)')).toEqual({
    start: 0xffff7e0000000000n,
    end: 0xffff7e0026000000n,
    kind: 'actual',
  });
  expect(parseLayoutLine('SLUB: HWalign=64, Order=0-3')).toBeUndefined();
});

test('pgtable, KASLR, arch', () => {
  expect(parsePgtable('user pgtable: 64k pages, 52-bit VAs, pgdp=00000000abcd0000')).toEqual({ pageSizeKiB: 64, vaBits: 52 });
  expect(parseKaslr('KASLR disabled on command line')).toBe(false);
  expect(parseKaslr('CPU features: kernel page table isolation forced ON by KASLR')).toBeUndefined();
});

test('KASAN init line, with its `kasan: ` prefix or without: its mode (5.16 on), or unnamed', () => {
  expect(parseKasanInit('kasan: KernelAddressSanitizer initialized (generic)')).toBe('generic');
  expect(parseKasanInit('KernelAddressSanitizer initialized (generic)')).toBe('generic');
  expect(parseKasanInit('kasan: KernelAddressSanitizer initialized (sw-tags)')).toBe('sw-tags');
  expect(parseKasanInit('kasan: KernelAddressSanitizer initialized (sw-tags, stacktrace=on)')).toBe('sw-tags');
  expect(parseKasanInit('kasan: KernelAddressSanitizer initialized (hw-tags, mode=sync, vmalloc=on, stacktrace=on)')).toBe('hw-tags');
  expect(parseKasanInit('kasan: KernelAddressSanitizer initialized')).toBe('unnamed');
  expect(parseKasanInit('KernelAddressSanitizer initialized (bogus)')).toBeUndefined();
  expect(parseKasanInit('foo: KernelAddressSanitizer initialized')).toBeUndefined();
});

test('KIMAGE_VADDR from a KASLR kernel\'s `Kernel Offset:` line (dump_kernel_offset: "0x%lx from 0x%lx")', () => {
  expect(parseKimageVaddr('Kernel Offset: 0x17ef800000 from 0xffffff8008000000')).toBe(0xffff_ff80_0800_0000n);
  expect(parseKimageVaddr('Kernel Offset: disabled')).toBeUndefined();
  expect(parseKimageVaddr('Kernel Offset: 0x17ef800000 from 0x8000000')).toBeUndefined();
});

test('PHYS_OFFSET after a panic: memstart_addr as the kernel printed it (%llx of an s64)', () => {
  expect(parsePhysOffset('PHYS_OFFSET: 0x80000000')).toBe(0x8000_0000n);
  // kernelci linux_boot_008 line 2073: a 52-bit kernel on a 48-bit CPU, its memstart negative.
  expect(parsePhysOffset('PHYS_OFFSET: 0xfff081e440000000')).toBe(0xfff0_81e4_4000_0000n);
  expect(parsePhysOffset('PHYS_OFFSET: 0x80000000 ')).toBe(0x8000_0000n);
  expect(parsePhysOffset('PHYS_OFFSET: 80000000')).toBeUndefined();
  expect(parsePhysOffset('PHYS_OFFSET: 0x10000000000000000')).toBeUndefined();
  expect(parsePhysOffset('#define PHYS_OFFSET: 0x80000000')).toBeUndefined();
  expect(archHint('Booting Linux on physical CPU 0x0')).toEqual({ arch: 'arm', strong: false });
  expect(archHint('Booting Linux on physical CPU 0x0000000000 [0x410fd034]')).toEqual({ arch: 'arm64', strong: true });
  expect(archHint('Linux version 5.2.0-2-amd64 (x) (gcc) #1', { release: '5.2.0-2-amd64' })).toEqual({ arch: 'x86_64', strong: true });
});

test('isSplatStart skips bootloader warnings', () => {
  expect(isSplatStart('WARNING: CPU: 3 PID: 1 at arch/arm64/mm/mmu.c:1171 vmemmap_populate+0x30/0x48')).toBe(true);
  expect(isSplatStart('------------[ cut here ]------------')).toBe(true);
  expect(isSplatStart('Internal error: Oops: 96000004 [#1] PREEMPT SMP')).toBe(true);
  expect(isSplatStart('WARNING: No OPTEE provided by BL2')).toBe(false);
});

test('parseLayoutLine skips a line far longer than any layout row (its regex is quadratic in blank runs)', () => {
  const blanks = ' '.repeat(200_000);
  expect(parseLayoutLine(`    vmalloc : 0xffff000000000000 - 0xffff7bdfffff0000${blanks}x`)).toBeUndefined();
  expect(parseLayoutLine(`    vmalloc${blanks}: 0xffff000000000000 - 0xffff7bdfffff0000`)).toBeUndefined();
});

describe('parseCpuFeature', () => {
  test.each([
    ['CPU features: detected: 52-bit Virtual Addressing (LVA)', '52-bit Virtual Addressing (LVA)'],
    ['CPU features: kernel page table isolation forced ON by KASLR', 'kernel page table isolation forced ON by KASLR'],
  ])('%s', (line, feature) => {
    expect(parseCpuFeature(line)).toBe(feature);
  });

  // kernelci-logspec__linux_boot_008_arm64_mt8186-steelix_6.13.0_LAVA.txt line 2074, after its Kernel panic.
  test.each(['CPU features: 0x300,00006170,00901250,8200720b', 'CPU features: 0x0000000000000000'])('the capability bitmap printed at panic is no feature: %s', (line) => {
    expect(parseCpuFeature(line)).toBeUndefined();
  });
});
