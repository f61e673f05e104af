import { inferShape, type ShapeInference } from '../../src/layout/infer-shape.js';
import { inferred } from '../../src/layout/inferred.js';
import { parseKernelConfig, type KernelConfig } from '../../src/layout/kconfig.js';
import type { RegisterValue } from '../../src/layout/register-match.js';
import type { Inferred, LayoutOverrides } from '../../src/layout/types.js';
import { BootFactCollector } from '../../src/parse/boot-facts.js';
import type { BootFacts } from '../../src/parse/types.js';

/** Boot facts of these log lines, numbered from 1. */
function boot(lines: string[]): BootFacts {
  const c = new BootFactCollector();
  lines.forEach((text, i) => c.push({ lineNo: i + 1, text }));
  return c.current;
}

/** The release as inferLayout hands it on when it comes from a `Linux version` line. */
function logRelease(release: string, lineNo = 1): Inferred<string> {
  return inferred(release, 'log', 'high', { lineNo, text: `Linux version ${release} (u@h) (gcc) #1 SMP` });
}

interface Evidence {
  boot?: BootFacts;
  release?: Inferred<string>;
  config?: string;
  regs?: RegisterValue[];
  o?: LayoutOverrides;
  largestCall?: bigint;
  startStep?: bigint;
}

function shapeOf(e: Evidence): ShapeInference {
  const config: KernelConfig = e.config === undefined ? {} : parseKernelConfig(e.config);
  return inferShape(e.boot, e.release, config, e.regs ?? [], 64, e.o ?? {}, e.largestCall, e.startStep);
}

/** (era, PAGE_SHIFT, VA_BITS) of a result, for one-line comparisons. */
function triple(s: ShapeInference): [string, number, number] {
  return [s.era.value, s.pageShift.value, s.vaBits.value];
}

// Layout constants used below, from arm64-layout.md §2 with sizeof(struct page) = 64, STRUCT_PAGE_MAX_SHIFT = 6:
// E3 48/4K VMEMMAP_START = -2^(VA_BITS - (PAGE_SHIFT - 6)) = -2^(48 - 6) = -2^42.
const E3_48_4K_START = 0xffff_fc00_0000_0000n;
// E3 48/4K VMEMMAP_END = START + ((_PAGE_END(48) - _PAGE_OFFSET(48)) >> 6) = -2^42 + (2^47 >> 6) = -2^42 + 2^41 = -2^41.
const E3_48_4K_END = 0xffff_fe00_0000_0000n;
// E4 48/4K VMEMMAP_START = VMEMMAP_END - (2^47 >> 12) * 64 = -2^30 - 2^41.
const E4_48_4K_START = 0xffff_fdff_c000_0000n;
// E4 VMEMMAP_END = -SZ_1G for every shape (also PUD_MASK for 4K pages: weak evidence).
const E4_END = 0xffff_ffff_c000_0000n;
// E2 VMEMMAP_END = START + SIZE = (-SIZE - SZ_2M) + SIZE = -SZ_2M for every shape (also PMD_MASK for 4K: weak).
const E2_END = 0xffff_ffff_ffe0_0000n;

describe('inferShape: defaults when nothing is known', () => {
  const s = shapeOf({});

  test('E3, 4K, 48-bit, each a low-confidence default that says what it assumed', () => {
    expect(s.era).toEqual({ value: 'E3', source: { kind: 'default', text: 'no kernel version known: assuming 5.11–6.8 (E3)' }, confidence: 'low' });
    expect(s.pageShift).toEqual({ value: 12, source: { kind: 'default', text: 'no page size known: assuming 4K' }, confidence: 'low' });
    expect(s.vaBits).toEqual({ value: 48, source: { kind: 'default', text: 'no VA size known: assuming 48-bit' }, confidence: 'low' });
  });

  test('no notes and no virtual-layout match', () => {
    expect(s.notes).toEqual([]);
    expect(s.layoutMatch).toBeUndefined();
  });

  test('an empty boot (no fact lines) is the same as no boot', () => {
    expect(triple(shapeOf({ boot: boot(['random line', 'another']) }))).toEqual(['E3', 12, 48]);
  });
});

describe('inferShape: the era from the release (version default)', () => {
  // Era boundaries of arm64-layout.md §2: E0 ≤ 4.4, E0b 4.5 (assumed), E1 4.6–5.3, E2 5.4–5.10, E3 5.11–6.8, E4 6.9+.
  test.each([
    ['4.4.38-tegra', 'E0'],
    ['4.5.0', 'E0b'],
    ['4.14.156', 'E1'],
    ['5.3.18', 'E1'],
    ['5.4.0', 'E2'],
    ['5.10.110', 'E2'],
    ['5.11.0', 'E3'],
    ['6.8.12', 'E3'],
    ['6.9.0', 'E4'],
    ['6.13.0', 'E4'],
  ])('%s → %s, medium (vendor trees backport layouts), with the Linux version line', (release, era) => {
    const s = shapeOf({ release: logRelease(release, 7) });
    expect(s.era).toEqual({ value: era, source: { kind: 'version-default', lineNo: 7, text: `era of ${release} (log)` }, confidence: 'medium' });
  });

  test('a release from --kernel has no line number; the text names its source kind', () => {
    const s = shapeOf({ release: inferred('6.1', 'user', 'high', { text: '--kernel 6.1' }) });
    expect(s.era.source).toEqual({ kind: 'version-default', text: 'era of 6.1 (user)' });
  });

  test('a release that is not a version (no major.minor) falls back to the E3 default', () => {
    const s = shapeOf({ release: inferred('unknown', 'log', 'high', { lineNo: 1 }) });
    expect(s.era).toMatchObject({ value: 'E3', source: { kind: 'default' }, confidence: 'low' });
  });

  test('--era beats the release', () => {
    const s = shapeOf({ release: logRelease('6.1.0'), o: { era: 'E4' } });
    expect(s.era).toEqual({ value: 'E4', source: { kind: 'user', text: '--era E4' }, confidence: 'high' });
  });
});

describe('inferShape: page size, user > config > pgtable line > default', () => {
  const pgtable4k = 'user pgtable: 4k pages, 48-bit VAs, pgdp=0000000041d1c000';

  test('--page-size beats the config and the log', () => {
    const s = shapeOf({ boot: boot([pgtable4k]), config: 'CONFIG_ARM64_16K_PAGES=y\n', o: { pageSizeBytes: 65536 } });
    // 65536 = 2^16.
    expect(s.pageShift).toEqual({ value: 16, source: { kind: 'user', text: '--page-size 64k' }, confidence: 'high' });
  });

  test('the config beats the log, with the config line and its number', () => {
    const s = shapeOf({ boot: boot([pgtable4k]), config: '# Kernel Configuration\nCONFIG_ARM64_16K_PAGES=y\n' });
    // 16K = 2^14.
    expect(s.pageShift).toEqual({ value: 14, source: { kind: 'config', lineNo: 2, text: 'CONFIG_ARM64_16K_PAGES=y' }, confidence: 'high' });
  });

  test('the pgtable line alone decides, with its line number and text', () => {
    const s = shapeOf({ boot: boot(['Linux version 6.1.0 (u@h) (gcc) #1', 'swapper pgtable: 64k pages, 42-bit VAs, pgdp=00000000411b0000']) });
    expect(s.pageShift).toEqual({
      value: 16,
      source: { kind: 'log', lineNo: 2, text: 'swapper pgtable: 64k pages, 42-bit VAs, pgdp=00000000411b0000' },
      confidence: 'high',
    });
  });

  test('an unsupported --page-size is a usage error', () => {
    expect(() => shapeOf({ o: { pageSizeBytes: 8192 } })).toThrow('unsupported page size 8192');
  });
});

describe('inferShape: the default page size follows the VA size (arch/arm64/Kconfig VA choices)', () => {
  // Kconfig: 4K offers 39/48/52, 16K 36/47/48/52, 64K 42/48/52; 52-bit needs 64K before E4 (LPA2 in 6.9).
  test.each([
    [39, undefined, 12, 'no page size known: assuming 4K'],
    [48, undefined, 12, 'no page size known: assuming 4K'],
    [36, undefined, 14, 'no page size known: 36-bit VAs in E3 need 16K pages or larger'],
    [47, undefined, 14, 'no page size known: 47-bit VAs in E3 need 16K pages or larger'],
    [42, undefined, 16, 'no page size known: 42-bit VAs in E3 need 64K pages or larger'],
    [52, '5.10.0', 16, 'no page size known: 52-bit VAs in E2 need 64K pages or larger'],
    [52, '6.1.0', 16, 'no page size known: 52-bit VAs in E3 need 64K pages or larger'],
    [52, '6.9.0', 12, 'no page size known: assuming 4K'],
  ])('--va-bits %i with release %s → PAGE_SHIFT %i', (vaBits, release, pageShift, text) => {
    const s = shapeOf({ ...(release !== undefined && { release: logRelease(release) }), o: { vaBits } });
    expect(s.pageShift).toEqual({ value: pageShift, source: { kind: 'default', text }, confidence: 'low' });
    expect(s.vaBits).toEqual({ value: vaBits, source: { kind: 'user', text: `--va-bits ${vaBits}` }, confidence: 'high' });
  });

  test('a 52-bit LVA feature line on a 6.1 kernel means 64K pages', () => {
    const s = shapeOf({ boot: boot(['Linux version 6.1.0 (u@h) (gcc) #1', 'CPU features: detected: 52-bit Virtual Addressing (LVA)']), release: logRelease('6.1.0') });
    expect(triple(s)).toEqual(['E3', 16, 52]);
    expect(s.notes).toEqual([]);
  });
});

describe('inferShape: VA bits, user > config > 52-bit CPU feature > pgtable line > default', () => {
  const lines = [
    'Linux version 6.10.0 (u@h) (gcc) #1',
    'CPU features: detected: 52-bit Virtual Addressing (LVA)',
    'user pgtable: 4k pages, 48-bit VAs, pgdp=0000000041d1c000',
  ];

  test('--va-bits beats the config and the log', () => {
    const s = shapeOf({ boot: boot(lines), config: 'CONFIG_ARM64_VA_BITS=48\n', o: { vaBits: 39 } });
    expect(s.vaBits).toEqual({ value: 39, source: { kind: 'user', text: '--va-bits 39' }, confidence: 'high' });
  });

  test('the config beats the CPU feature and the pgtable line', () => {
    const s = shapeOf({ boot: boot(lines), config: 'CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_VA_BITS=39\n' });
    expect(s.vaBits).toEqual({ value: 39, source: { kind: 'config', lineNo: 2, text: 'CONFIG_ARM64_VA_BITS=39' }, confidence: 'high' });
  });

  test('the 52-bit LVA feature beats the pgtable line', () => {
    const s = shapeOf({ boot: boot(lines), release: logRelease('6.10.0') });
    expect(s.vaBits).toEqual({ value: 52, source: { kind: 'log', lineNo: 2, text: lines[1] }, confidence: 'high' });
    // The page size still comes from the pgtable line; 52-bit/4K exists in E4 (6.10), so nothing conflicts.
    expect(s.pageShift).toMatchObject({ value: 12, source: { kind: 'log', lineNo: 3 } });
    expect(s.notes).toEqual([]);
  });

  test('the LPA2 feature also means 52-bit', () => {
    const s = shapeOf({ boot: boot(['CPU features: detected: 52-bit Virtual Addressing (LPA2)']), release: logRelease('6.9.0') });
    expect(s.vaBits).toMatchObject({ value: 52, source: { kind: 'log', lineNo: 1 } });
  });

  test('"52-bit Virtual Addressing for KVM (LPA2)" says nothing about the host kernel: 48-bit default', () => {
    const s = shapeOf({ boot: boot(['CPU features: detected: 52-bit Virtual Addressing for KVM (LPA2)']) });
    expect(s.vaBits).toMatchObject({ value: 48, source: { kind: 'default' }, confidence: 'low' });
  });

  test('the pgtable line alone gives vabits_actual', () => {
    const s = shapeOf({ boot: boot(['user pgtable: 16k pages, 47-bit VAs, pgdp=0000000041d1c000']) });
    expect(s.vaBits).toEqual({
      value: 47,
      source: { kind: 'log', lineNo: 1, text: 'user pgtable: 16k pages, 47-bit VAs, pgdp=0000000041d1c000' },
      confidence: 'high',
    });
    expect(s.pageShift.value).toBe(14);
  });
});

describe('inferShape: VA bits from a PHYS_OFFSET line', () => {
  // With VA_BITS <= 48 the linear region is at most 2^47, so memstart_addr is at least DRAM start - 2^47; only a
  // 52-bit kernel's adjustment (2^52 - 2^vabits_actual) and randomization go further below zero.
  test('more than 2^47 below zero: a 52-bit kernel', () => {
    const s = shapeOf({ boot: boot(['PHYS_OFFSET: 0xfff0826440000000']), release: logRelease('6.13.0') });
    expect(s.vaBits).toMatchObject({ value: 52, confidence: 'medium', source: { kind: 'log', lineNo: 1 } });
    expect(s.vaBits.source.text).toContain('PHYS_OFFSET: 0xfff0826440000000');
  });

  test.each([
    // Exactly -2^47: still possible with 48-bit VAs.
    ['0xffff800000000000'],
    ['0x80000000'],
  ])('PHYS_OFFSET %s says nothing about the VA size', (value) => {
    expect(shapeOf({ boot: boot([`PHYS_OFFSET: ${value}`]) }).vaBits.source.kind).toBe('default');
  });

  // The pgtable line prints vabits_actual: with such a PHYS_OFFSET its 48 is a 52-bit kernel's on a 48-bit CPU.
  test('with a 48-bit pgtable line it still says 52; with another VA size the pgtable line stands', () => {
    const s = shapeOf({ boot: boot(['user pgtable: 64k pages, 48-bit VAs, pgdp=0000000041d1c000', 'PHYS_OFFSET: 0xfff0826440000000']) });
    expect(s.vaBits).toMatchObject({ value: 52, source: { lineNo: 2 } });
    expect(s.pageShift).toMatchObject({ value: 16, source: { lineNo: 1 } });
    const t = shapeOf({ boot: boot(['user pgtable: 4k pages, 39-bit VAs, pgdp=0000000041d1c000', 'PHYS_OFFSET: 0xfff0826440000000']) });
    expect(t.vaBits).toMatchObject({ value: 39, source: { lineNo: 1 } });
  });
});

describe('inferShape: one constant of two shapes, and the size of a call', () => {
  // E3 VMEMMAP_START = -2^(VA_BITS - (PAGE_SHIFT - 6)): 39/4K and 42/64K both give -2^32.
  const SHARED_START = 0xffff_ffff_0000_0000n;
  const regs = [{ reg: 'x5', value: SHARED_START, lineNo: 7 }];

  test('without a call, the common configuration (4K) is taken, and both are named', () => {
    const s = shapeOf({ release: logRelease('6.1.0'), regs });
    expect(triple(s)).toEqual(['E3', 12, 39]);
    expect(s.notes).toEqual(['x5 = 0xffffffff00000000 fits E3 39-bit/4K and E3 42-bit/64K: E3 39-bit/4K is taken as the common configuration (--page-size and --va-bits settle it)']);
  });

  // Found by a review: where the shapes share their page size, only --va-bits can settle it.
  test('shapes that differ only in VA size name only --va-bits', () => {
    // E3 64K: VMEMMAP_END - 1 is 0xffffffdfffffffff for 48-bit and for 52-bit VAs.
    const s = shapeOf({ release: logRelease('6.6.0'), regs: [{ reg: 'x9', value: 0xffff_ffdf_ffff_ffffn, lineNo: 7 }] });
    expect(s.notes.find((n) => n.startsWith('x9 = '))).toMatch(/fits E3 48-bit\/64K and E3 52-bit\/64K: .* \(--va-bits settles it\)$/);
  });

  // Found by a second audit: one 32 MiB region on a 4K kernel calls with 0x80000 bytes too, and had been read as 64K.
  test('one call of that length says nothing: the common configuration', () => {
    const s = shapeOf({ release: logRelease('6.1.0'), regs, largestCall: (1n << 13n) * 64n });
    expect(triple(s)).toEqual(['E3', 12, 39]);
  });

  test('a storm of calls of one whole 64K section (2^(29-16) struct pages of 64 bytes), end to end, speaks for 64K', () => {
    const s = shapeOf({ release: logRelease('6.1.0'), regs, largestCall: (1n << 13n) * 64n, startStep: -((1n << 13n) * 64n) });
    expect(triple(s)).toEqual(['E3', 16, 42]);
    expect(s.pageShift.confidence).toBe('medium');
    expect(s.notes).toEqual(['x5 = 0xffffffff00000000 fits E3 42-bit/64K and E3 39-bit/4K: E3 42-bit/64K is taken: a call of 0x80000 bytes of memmap is one whole section there (--page-size and --va-bits settle it)']);
  });
});

describe('inferShape: a 52-bit kernel on a CPU without 52-bit VAs', () => {
  // E3 52/64K: VMEMMAP_START = -2^(52 - (16 - 6)) = -2^42, a constant no 48-bit 64K layout has (E3 48/64K: -2^38).
  const E3_52_64K_START = 0xffff_fc00_0000_0000n;
  const pgtable48 = 'user pgtable: 64k pages, 48-bit VAs, pgdp=0000000041d1c000';

  test('a 48-bit pgtable line and a 52-bit VMEMMAP_START: VA_BITS 52, said why', () => {
    const s = shapeOf({ boot: boot([pgtable48]), release: logRelease('6.1.0'), regs: [{ reg: 'x5', value: E3_52_64K_START, lineNo: 9 }] });
    expect(triple(s)).toEqual(['E3', 16, 52]);
    expect(s.vaBits).toMatchObject({ source: { kind: 'register', reg: 'x5', lineNo: 9 } });
    expect(s.notes).toContain("the pgtable: line's 48-bit VAs are vabits_actual: a 52-bit kernel on a CPU without 52-bit VAs");
  });

  // Found by an audit: from 6.9 a 16K 52-bit kernel runs with VA_BITS_MIN 47 on a CPU without LPA2, and says so.
  test('16K pages: a 47-bit pgtable line and an E4 52/16K VMEMMAP_START: VA_BITS 52', () => {
    // E4: VMEMMAP_START = -1G - ((_PAGE_END(47) - _PAGE_OFFSET(52)) >> 14) * 64.
    const start = BigInt.asUintN(64, -(1n << 30n) - (((1n << 52n) - (1n << 46n)) >> 14n) * 64n);
    expect(start).toBe(0xfffff03fc0000000n);
    const s = shapeOf({ boot: boot(['swapper pgtable: 16k pages, 47-bit VAs, pgdp=0000000041d1c000']), release: logRelease('6.10.0'), regs: [{ reg: 'x5', value: start }] });
    expect(triple(s)).toEqual(['E4', 14, 52]);
    const t = shapeOf({ boot: boot(['swapper pgtable: 16k pages, 47-bit VAs, pgdp=0000000041d1c000', 'PHYS_OFFSET: 0xfff0800080000000']), release: logRelease('6.10.0') });
    expect(t.vaBits).toMatchObject({ value: 52, source: { lineNo: 2 } });
  });

  test('without such a register the pgtable line gives 48', () => {
    const s = shapeOf({ boot: boot([pgtable48]), release: logRelease('6.1.0') });
    expect(s.vaBits).toMatchObject({ value: 48, source: { kind: 'log', lineNo: 1 } });
    expect(s.notes).toEqual([]);
  });
});

describe('inferShape: a pgtable line that is no arm64 geometry is ignored', () => {
  // PAGE_SHIFT 12/14/16 only; VA sizes per page size from arch/arm64/Kconfig (4K: 39/48/52, 16K: 36/47/48/52, 64K: 42/48/52).
  test.each([
    'swapper pgtable: 0k pages, 0-bit VAs, pgdp=00000008812c4000',
    'user pgtable: 8k pages, 48-bit VAs, pgdp=00000008812c4000',
    'user pgtable: 4k pages, 41-bit VAs, pgdp=00000008812c4000',
    'user pgtable: 64k pages, 39-bit VAs, pgdp=00000008812c4000',
    'user pgtable: 4k pages, 47-bit VAs, pgdp=00000008812c4000',
  ])('%s: page size and VA bits both stay defaults', (line) => {
    const b = boot([line]);
    // The collector did keep the line: the rejection is inferShape's.
    expect(b.pgtable?.lineNo).toBe(1);
    const s = shapeOf({ boot: b });
    expect(s.pageShift).toMatchObject({ value: 12, source: { kind: 'default' }, confidence: 'low' });
    expect(s.vaBits).toMatchObject({ value: 48, source: { kind: 'default' }, confidence: 'low' });
    expect(s.notes).toEqual([]);
  });
});

describe('inferShape: evidence that cannot be together', () => {
  test('52-bit LVA with --page-size 4096 on 6.1: 52-bit/4K needs E4, so the log VA size gives way to 48', () => {
    const s = shapeOf({
      boot: boot(['CPU features: detected: 52-bit Virtual Addressing (LVA)']),
      release: logRelease('6.1.0'),
      o: { pageSizeBytes: 4096 },
    });
    expect(s.vaBits).toEqual({ value: 48, source: { kind: 'default', text: 'conflicting VA evidence (52-bit): assuming 48-bit' }, confidence: 'low' });
    expect(s.notes).toEqual(['52-bit VAs with 4K pages do not exist in E3: the evidence conflicts']);
  });

  test('a 4K/52-bit pgtable line in a 6.1 log (another machine\'s line) gives way to 48', () => {
    const s = shapeOf({ boot: boot(['user pgtable: 4k pages, 52-bit VAs, pgdp=0000000041d1c000']), release: logRelease('6.1.0') });
    expect(triple(s)).toEqual(['E3', 12, 48]);
    expect(s.vaBits.source.kind).toBe('default');
    expect(s.notes).toEqual(['52-bit VAs with 4K pages do not exist in E3: the evidence conflicts']);
  });

  test('a config with 64K pages and a 39-bit pgtable line: 39-bit is no 64K size', () => {
    const s = shapeOf({ boot: boot(['user pgtable: 4k pages, 39-bit VAs, pgdp=0000000041d1c000']), config: 'CONFIG_ARM64_64K_PAGES=y\n' });
    expect(s.pageShift).toMatchObject({ value: 16, source: { kind: 'config' } });
    expect(s.vaBits).toMatchObject({ value: 48, source: { kind: 'default' } });
    expect(s.notes).toEqual(['39-bit VAs with 64K pages do not exist in E3: the evidence conflicts']);
  });

  // 52-bit VAs with 4K pages exist from 6.9 (LPA2, E4): a VA size the user or a config gives wins over the release.
  test.each([
    ['--va-bits', { o: { vaBits: 52, pageSizeBytes: 4096 } }, 'user', '--va-bits 52'],
    ['the config', { config: 'CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_VA_BITS=52\n' }, 'config', 'CONFIG_ARM64_VA_BITS=52'],
  ] as const)('52-bit/4K from %s on a 6.1 release: the first era that has it, E4, with a note', (_name, e, kind, given) => {
    const s = shapeOf({ ...e, release: logRelease('6.1.0') });
    expect(triple(s)).toEqual(['E4', 12, 52]);
    expect(s.era).toMatchObject({ source: { kind }, confidence: 'medium' });
    expect(s.vaBits.source.kind).toBe(kind);
    expect(s.notes).toEqual([`the release suggests E3, but ${given} with 4K pages needs E4 or later: taken as E4 (a backport?)`]);
  });

  // Found by an adversarial run: a log without a `Linux version` line made this config a usage error.
  test('52-bit/16K from a config with no release: E4 instead of the E3 default, no note', () => {
    const s = shapeOf({ config: 'CONFIG_ARM64_16K_PAGES=y\nCONFIG_ARM64_VA_BITS=52\n' });
    expect(s.era).toEqual({
      value: 'E4',
      source: { kind: 'config', lineNo: 2, text: 'CONFIG_ARM64_VA_BITS=52 with 16K pages: E4 is the first era that has them' },
      confidence: 'medium',
    });
    expect(s.notes).toEqual([]);
  });

  test('52-bit/64K, which E2 on have, keeps the release\'s era', () => {
    const s = shapeOf({ config: 'CONFIG_ARM64_64K_PAGES=y\nCONFIG_ARM64_VA_BITS=52\n', release: logRelease('5.10.0') });
    expect(triple(s)).toEqual(['E2', 16, 52]);
    expect(s.era.source.kind).toBe('version-default');
  });
});

describe('inferShape: a register equal to a layout constant', () => {
  test('E4 48/4K VMEMMAP_START in a 6.1 splat: E4 from the register, high, with a backport note', () => {
    const s = shapeOf({ release: logRelease('6.1.0'), regs: [{ reg: 'x4', value: E4_48_4K_START, lineNo: 40 }] });
    const source = { kind: 'register', reg: 'x4', lineNo: 40, text: 'x4 = 0xfffffdffc0000000 is VMEMMAP_START of E4 48-bit/4K' };
    expect(s.era).toEqual({ value: 'E4', source, confidence: 'high' });
    expect(s.pageShift).toEqual({ value: 12, source, confidence: 'high' });
    expect(s.vaBits).toEqual({ value: 48, source, confidence: 'high' });
    expect(s.notes).toEqual(['register constant says E4 but the release suggests E3: a backport?']);
  });

  // Found by the second audit of the struct page work: GENMASK(63, 32), a common mask, is E3 39/4K's VMEMMAP_END
  // (-2^33 + (2^38 >> 6) = -2^32) and E3 42/64K's VMEMMAP_START (-2^(42 - 10)); in a 6.10 splat it made the layout E3.
  test('a constant of an era before the release\'s is not taken: a kernel never goes back to an older layout', () => {
    const genmask = 0xffff_ffff_0000_0000n;
    expect(genmask).toBe(-(1n << 32n) & ((1n << 64n) - 1n));
    const s = shapeOf({ release: logRelease('6.10.0'), regs: [{ reg: 'x5', value: genmask, lineNo: 44 }] });
    expect(triple(s)).toEqual(['E4', 12, 48]);
    expect(s.era.source.kind).toBe('version-default');
    expect(s.notes).toEqual(['x5 = 0xffffffff00000000 is VMEMMAP_END of E3 39-bit/4K and VMEMMAP_START of E3 42-bit/64K: not taken, as 6.10.0 has a later layout (E4)']);
  });

  test('an older era\'s constant in a register that also holds one of the release\'s era gives no note', () => {
    const s = shapeOf({ release: logRelease('6.10.0'), regs: [{ reg: 'x4', value: E4_48_4K_START, lineNo: 40 }, { reg: 'x5', value: E3_48_4K_START, lineNo: 41 }] });
    expect(triple(s)).toEqual(['E4', 12, 48]);
    expect(s.era.source.kind).toBe('register');
    expect(s.notes).toEqual(['x5 = 0xfffffc0000000000 is VMEMMAP_START of E3 48-bit/4K and VMEMMAP_START of E3 52-bit/64K: not taken, as 6.10.0 has a later layout (E4)']);
  });

  test('--era E3 keeps an E3 constant usable in a 6.10 log: what the user says is not second-guessed', () => {
    const s = shapeOf({ release: logRelease('6.10.0'), regs: [{ reg: 'x5', value: E3_48_4K_START, lineNo: 41 }], o: { era: 'E3' } });
    expect(triple(s)).toEqual(['E3', 12, 48]);
    expect(s.pageShift.source.kind).toBe('register');
  });

  test('a hit that agrees with the release adds no backport note; a register without a line number has none', () => {
    const s = shapeOf({ release: logRelease('6.1.0'), regs: [{ reg: 'x5', value: E3_48_4K_START }] });
    expect(s.era).toEqual({
      value: 'E3',
      source: { kind: 'register', reg: 'x5', text: 'x5 = 0xfffffc0000000000 is VMEMMAP_START of E3 48-bit/4K' },
      confidence: 'high',
    });
    expect(s.notes.some((n) => n.includes('backport'))).toBe(false);
  });

  // E3: VMEMMAP_START = -2^(VA_BITS_MIN - PAGE_SHIFT + STRUCT_PAGE_SHIFT) (reference §3): 48-bit/4K gives
  // -2^(48 - 12 + 6) = -2^42, and so does 52-bit/64K (-2^(52 - 16 + 6)).
  test('a value that is the constant of two layouts leaves what they differ in at medium, and says so', () => {
    expect(E3_48_4K_START).toBe(-(1n << 42n) & ((1n << 64n) - 1n));
    const s = shapeOf({ release: logRelease('6.1.0'), regs: [{ reg: 'x5', value: E3_48_4K_START, lineNo: 46 }] });
    expect(triple(s)).toEqual(['E3', 12, 48]);
    expect([s.era.confidence, s.pageShift.confidence, s.vaBits.confidence]).toEqual(['high', 'medium', 'medium']);
    expect(s.notes).toContain(
      'x5 = 0xfffffc0000000000 fits E3 48-bit/4K and E3 52-bit/64K: E3 48-bit/4K is taken as the common configuration (--page-size and --va-bits settle it)',
    );
  });

  test('a range larger than one 64K section\'s memmap rules 64K pages out: the same value is then high', () => {
    // One call covers one section: 64K pages, sections of at most 2^30 bytes: 2^(30 - 16) * 64 = 1 MiB of memmap;
    // the amdgpu sample's x1 - x0 = 0x200000 (a 4K section of 2^27 bytes: 2^15 * 64).
    const s = shapeOf({ release: logRelease('6.1.0'), regs: [{ reg: 'x5', value: E3_48_4K_START, lineNo: 46 }], largestCall: 0x20_0000n });
    expect([s.era.confidence, s.pageShift.confidence, s.vaBits.confidence]).toEqual(['high', 'high', 'high']);
    expect(s.notes.some((n) => n.includes('fits'))).toBe(false);
    // Found by review: the provenance named only x5, which alone fits both; the call's size is said too.
    expect(s.pageShift.source.text).toBe(
      "x5 = 0xfffffc0000000000 is VMEMMAP_START of E3 48-bit/4K; not E3 52-bit/64K: a call of 0x200000 bytes of memmap is more than one section's there",
    );
  });

  test('another register that fits only one of the layouts settles it', () => {
    // E3 48-bit/4K VMEMMAP_END = START + 2^(48 - 12 - 1 + 6) = 0xfffffe0000000000; E3 52/64K ends at 0xffffffe000000000.
    const s = shapeOf({ release: logRelease('6.1.0'), regs: [{ reg: 'x5', value: E3_48_4K_START }, { reg: 'x6', value: 0xfffffe0000000000n }] });
    expect([s.pageShift.confidence, s.vaBits.confidence]).toEqual(['high', 'high']);
  });

  const otherForms = [
    // cmn-style compares: -END = -(-2^41) = 2^41.
    ['negated END', 0x200_0000_0000n, 'VMEMMAP_END (negated)'],
    ['END - 1', E3_48_4K_END - 1n, 'VMEMMAP_END (minus-one)'],
    ['START + 1', E3_48_4K_START + 1n, 'VMEMMAP_START (plus-one)'],
  ] as const;

  test.each(otherForms)('%s of E3 48/4K counts as E3 48-bit/4K from that register', (_name, value, what) => {
    const s = shapeOf({ regs: [{ reg: 'x9', value }] });
    expect(triple(s)).toEqual(['E3', 12, 48]);
    expect(s.era).toMatchObject({ source: { kind: 'register', reg: 'x9' }, confidence: 'high' });
    expect(s.era.source.text).toContain(`is ${what} of E3 48-bit/4K`);
  });

  // The provenance quotes what the log printed, not the constant it stands for.
  test.each(otherForms)('%s: the provenance text quotes the register value the log printed', (_name, value, what) => {
    const s = shapeOf({ regs: [{ reg: 'x9', value }] });
    expect(s.era.source.text).toBe(`x9 = 0x${value.toString(16)} is ${what} of E3 48-bit/4K`);
  });

  test('-2^42 is START of both E3 48/4K and E3 52/64K: without other evidence 4K/48 is preferred', () => {
    // E3 52/64K: -2^(52 - (16 - 6)) = -2^42 as well (8c96400d6a39: "48-bit/4k and 52-bit/64k … the same placement").
    expect(triple(shapeOf({ regs: [{ reg: 'x5', value: E3_48_4K_START }] }))).toEqual(['E3', 12, 48]);
  });

  test('…and a config with 64K pages picks 52/64K: VA bits come from the register', () => {
    const s = shapeOf({ config: 'CONFIG_ARM64_64K_PAGES=y\n', regs: [{ reg: 'x5', value: E3_48_4K_START }] });
    expect(triple(s)).toEqual(['E3', 16, 52]);
    expect(s.pageShift.source.kind).toBe('config');
    expect(s.vaBits).toMatchObject({ source: { kind: 'register', reg: 'x5' }, confidence: 'high' });
  });

  test('a register hit that does not fit the pgtable line is dropped', () => {
    // E3 48/4K and 52/64K both have START -2^42; neither is 16K/47-bit.
    const s = shapeOf({
      boot: boot(['user pgtable: 16k pages, 47-bit VAs, pgdp=0000000041d1c000']),
      release: logRelease('6.1.0'),
      regs: [{ reg: 'x5', value: E3_48_4K_START }],
    });
    expect(s.era.source.kind).toBe('version-default');
    expect(triple(s)).toEqual(['E3', 14, 47]);
    expect(s.notes).toEqual([]);
  });

  test('--era rules out hits of other eras', () => {
    const s = shapeOf({ o: { era: 'E3' }, regs: [{ reg: 'x4', value: E4_48_4K_START }] });
    expect(s.era.source.kind).toBe('user');
    expect(s.pageShift.source.kind).toBe('default');
    expect(s.vaBits.source.kind).toBe('default');
  });

  test('a hit fills in only what the user left open', () => {
    // E4 48/4K START with --page-size 4096: the era and VA bits come from the register, the page size from the user.
    const s = shapeOf({ o: { pageSizeBytes: 4096 }, regs: [{ reg: 'x4', value: E4_48_4K_START }] });
    expect([s.era.source.kind, s.pageShift.source.kind, s.vaBits.source.kind]).toEqual(['register', 'user', 'register']);
  });

  test('-1G (E4 END, also PUD_MASK) is weak: medium confidence', () => {
    const s = shapeOf({ regs: [{ reg: 'x3', value: E4_END }] });
    expect(s.era).toEqual({
      value: 'E4',
      source: { kind: 'register', reg: 'x3', text: 'x3 = 0xffffffffc0000000 is VMEMMAP_END of E4 48-bit/4K' },
      confidence: 'medium',
    });
  });

  test('a strong hit beats a weak one whatever the register order', () => {
    const s = shapeOf({ regs: [{ reg: 'x3', value: E4_END }, { reg: 'x5', value: E3_48_4K_START }] });
    expect(s.era).toMatchObject({ value: 'E3', source: { reg: 'x5' }, confidence: 'high' });
  });

  test.each([
    ['5.10.0', 'E2', 'x2'],
    ['6.9.0', 'E4', 'x3'],
  ])('among weak hits (-2M of E2, -1G of E4) the release %s picks %s', (release, era, reg) => {
    const s = shapeOf({ release: logRelease(release), regs: [{ reg: 'x2', value: E2_END }, { reg: 'x3', value: E4_END }] });
    expect(s.era).toMatchObject({ value: era, source: { kind: 'register', reg }, confidence: 'medium' });
    expect(s.notes).toEqual([]);
  });

  // SZ_2M is -(E2 VMEMMAP_END) and also the 4K/27 memmap per section ((2^27 >> 12) * 64 = 0x200000, reference
  // §5.1); SZ_1G is -(E4 VMEMMAP_END) and PUD_SIZE. Neither is evidence of an era.
  test.each([
    ['SZ_2M', 0x20_0000n],
    ['SZ_1G', 0x4000_0000n],
  ])('%s in a register does not override the era of a 6.1 release', (_name, value) => {
    const s = shapeOf({ release: logRelease('6.1.0'), regs: [{ reg: 'x2', value }] });
    expect(s.era).toMatchObject({ value: 'E3', source: { kind: 'version-default' } });
  });

  test.each([
    ['-2M (E2 END, PMD_MASK)', E2_END],
    ['-1G (E4 END, PUD_MASK)', E4_END],
  ])('%s, a weak hit of another era than the release, leaves the era to the release', (_name, value) => {
    const s = shapeOf({ release: logRelease('6.1.0'), regs: [{ reg: 'x3', value }] });
    expect(s.era).toMatchObject({ value: 'E3', source: { kind: 'version-default' } });
    expect(s.notes).toEqual([]);
  });

  test('a value that is no layout constant is no evidence', () => {
    // 0xffff80000a4bb9b0 is an ordinary linear-map pointer (sp of the sample storm).
    expect(shapeOf({ regs: [{ reg: 'x29', value: 0xffff_8000_0a4b_b9b0n }] }).era.source.kind).toBe('default');
  });
});

describe('inferShape: the `Virtual kernel memory layout` block (≤ 4.16)', () => {
  // E0 39/4K: PAGE_OFFSET = -2^38 = 0xffffffc000000000; PUD_SIZE = 1G (3 levels, PUD folded into the PGD);
  // SIZE = ALIGN(2^(39-12) * 64, 1G) = 8G; START = PAGE_OFFSET - 1G - 8G = 0xffffffbdc0000000, END = START + 8G.
  const jetson = [
    'Linux version 4.4.38-tegra (u@h) (gcc) #1 SMP PREEMPT',
    'Virtual kernel memory layout:',
    '    vmemmap : 0xffffffbdc0000000 - 0xffffffbfc0000000   (     8 GB maximum)',
    '              0xffffffbdc2000000 - 0xffffffbdc9d7c400   (   125 MB actual)',
  ];

  test('the 8 GB window is E0 39-bit/4K, from the log line, high', () => {
    const s = shapeOf({ boot: boot(jetson), release: logRelease('4.4.38-tegra') });
    const source = { kind: 'log', lineNo: 3, text: 'vmemmap : 0xffffffbdc0000000 - 0xffffffbfc0000000   (     8 GB maximum)' };
    expect(s.era).toEqual({ value: 'E0', source, confidence: 'high' });
    expect(s.pageShift).toEqual({ value: 12, source, confidence: 'high' });
    expect(s.vaBits).toEqual({ value: 39, source, confidence: 'high' });
  });

  test('the match is handed on, with the DRAM start of the actual line', () => {
    const s = shapeOf({ boot: boot(jetson) });
    expect(s.layoutMatch).toMatchObject({ era: 'E0', pageShift: 12, vaBits: 39, actualFact: { lineNo: 4 } });
    // (0xffffffbdc2000000 - 0xffffffbdc0000000) / 64 = pfn 0x80000 → 0x80000 << 12.
    expect(s.layoutMatch?.dramStart).toBe(0x8000_0000n);
  });

  test('the block beats the version: a 4 GB window at ...bf00000000 is E1 even if the release says 4.4 (E0)', () => {
    // E1 39/4K: SIZE = 2^(39 - 12 - 1 + 6) = 4G; START = PAGE_OFFSET - SIZE = 0xffffffc000000000 - 2^32.
    const b = boot(['Virtual kernel memory layout:', '    vmemmap : 0xffffffbf00000000 - 0xffffffc000000000   (     4 GB maximum)']);
    const s = shapeOf({ boot: b, release: logRelease('4.4.0') });
    expect(s.era).toMatchObject({ value: 'E1', source: { kind: 'log', lineNo: 2 }, confidence: 'high' });
    expect(triple(s)).toEqual(['E1', 12, 39]);
  });

  test('a window that does not fit the pgtable line is dropped', () => {
    const s = shapeOf({ boot: boot([...jetson, 'user pgtable: 4k pages, 48-bit VAs, pgdp=0000000041d1c000']), release: logRelease('4.4.38-tegra') });
    expect(s.layoutMatch).toBeUndefined();
    expect(s.era.source.kind).toBe('version-default');
    expect(triple(s)).toEqual(['E0', 12, 48]);
  });

  test('a window of no known layout gives no match', () => {
    const b = boot(['Virtual kernel memory layout:', '    vmemmap : 0xffffffbdc0000000 - 0xffffffbdc1000000   (     0 GB maximum)']);
    const s = shapeOf({ boot: b });
    expect(s.layoutMatch).toBeUndefined();
    expect(s.era.source.kind).toBe('default');
  });
});

// An audit of real arm64 logs: a 5.4 SC7180 panic (LKML 2020) printed `Kernel Offset: … from 0xffffffc010000000`
// and `PHYS_OFFSET:`; the layout had assumed 48-bit VAs. Each KIMAGE_VADDR below is the one its kernel prints
// (memory.h: MODULES_END, which is VA_START + 128M before 5.4, _PAGE_END(VA_BITS_MIN) + 256M in 5.4-5.10 with the
// BPF JIT region, + 2G in 6.x).
describe('VA size from KIMAGE_VADDR', () => {
  test.each([
    ['4.19.127', '0xffffff8008000000', ['E1', 12, 39]],
    ['5.4.22', '0xffffffc010000000', ['E2', 12, 39]],
    ['5.9.0', '0xffff800010000000', ['E2', 12, 48]],
    ['6.6.0', '0xffff800080000000', ['E3', 12, 48]],
  ])('%s, from %s', (release, kimage, expected) => {
    const b = boot([`Kernel Offset: 0x11e3a00000 from ${kimage}`]);
    const s = shapeOf({ boot: b, release: logRelease(release) });
    expect(triple(s)).toEqual(expected);
    expect(s.vaBits.source).toMatchObject({ kind: 'log', lineNo: 1 });
  });

  test('without a release, only an address one era alone explains speaks', () => {
    // -0xffffffc010000000 has 38 bits: no VA size before 5.4, 39 from it.
    expect(shapeOf({ boot: boot(['Kernel Offset: 0x1000 from 0xffffffc010000000']) }).vaBits.value).toBe(39);
    // 47 bits: VA_BITS 47 before 5.4, or VA_BITS_MIN 48 from it.
    expect(shapeOf({ boot: boot(['Kernel Offset: 0x1000 from 0xffff800010000000']) }).vaBits.source.kind).toBe('default');
  });

  test('a `pgtable:` line wins, and `Kernel Offset: disabled` says nothing', () => {
    const b = boot(['Kernel Offset: 0x1000 from 0xffffffc010000000', 'user pgtable: 4k pages, 48-bit VAs, pgdp=000000004f8b4000']);
    expect(shapeOf({ boot: b, release: logRelease('5.4.22') }).vaBits.value).toBe(48);
    expect(shapeOf({ boot: boot(['Kernel Offset: disabled']), release: logRelease('5.4.22') }).vaBits.source.kind).toBe('default');
  });
});
