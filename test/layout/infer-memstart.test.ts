import { inferMemstart, type MemstartInput } from '../../src/layout/infer-memstart.js';
import { parseKernelConfig } from '../../src/layout/kconfig.js';
import type { Confidence, Inferred, LayoutOverrides } from '../../src/layout/types.js';
import { matchVirtualLayout } from '../../src/layout/virtual-layout-match.js';
import { BootFactCollector } from '../../src/parse/boot-facts.js';
import type { BootFacts } from '../../src/parse/types.js';

const U64 = (1n << 64n) - 1n;

/** Boot facts of these log lines, numbered from 1. */
function boot(lines: string[]): BootFacts {
  const c = new BootFactCollector();
  lines.forEach((text, i) => c.push({ lineNo: i + 1, text }));
  return c.current;
}

/** E3 48-bit/4K with 27-bit sections unless the test says otherwise; `lines` become the boot facts. */
function input(over: Partial<MemstartInput> & { lines?: string[]; configText?: string } = {}): MemstartInput {
  const { lines, configText, ...rest } = over;
  return {
    boot: lines === undefined ? undefined : boot(lines),
    config: configText === undefined ? {} : parseKernelConfig(configText),
    era: 'E3',
    pageShift: 12,
    vaBits: 48,
    vaBitsMin: 48,
    sectionShift: 27,
    layoutMatch: undefined,
    ...rest,
  };
}

function run(i: MemstartInput, o: LayoutOverrides = {}): { memstart: Inferred<bigint>; notes: string[] } {
  const notes: string[] = [];
  return { memstart: inferMemstart(i, o, notes), notes };
}

const NODE_80200000 = '  node   0: [mem 0x0000000080200000-0x00000000fbffffff]';
const KASLR_OFF = 'KASLR disabled due to lack of seed';

describe('inferMemstart: the PHYS_OFFSET line', () => {
  test('is memstart_addr itself: it beats the memory map, and no 52-bit shift or KASLR doubt applies', () => {
    const lines = [NODE_80200000, 'CPU features: detected: Address authentication (architected QARMA5 algorithm)', 'PHYS_OFFSET: 0xfff0826440000000'];
    const { memstart, notes } = run(input({ era: 'E4', vaBits: 52, vaBitsMin: 48, lines }));
    expect(memstart).toEqual({ value: 0xfff0_8264_4000_0000n, source: { kind: 'log', lineNo: 3, text: 'PHYS_OFFSET: 0xfff0826440000000' }, confidence: 'high' });
    expect(notes).toEqual([]);
  });

  test('--memstart still beats it', () => {
    expect(run(input({ lines: ['PHYS_OFFSET: 0x40000000'] }), { memstart: 0x8000_0000n }).memstart.value).toBe(0x8000_0000n);
  });
});

describe('inferMemstart: --memstart', () => {
  test('the flag beats the memory map, high, and adds no note', () => {
    const { memstart, notes } = run(input({ lines: ['Early memory node ranges', NODE_80200000] }), { memstart: 0x4000_0000n });
    expect(memstart).toEqual({ value: 0x4000_0000n, source: { kind: 'user', text: '--memstart 0x40000000' }, confidence: 'high' });
    expect(notes).toEqual([]);
  });

  test('the flag is memstart_addr itself: a 52-bit kernel on a 48-bit CPU does not shift it', () => {
    const lines = ['user pgtable: 64k pages, 48-bit VAs, pgdp=0000000041d1c000'];
    const i = input({ lines, pageShift: 16, vaBits: 52, vaBitsMin: 48, sectionShift: 29 });
    expect(run(i, { memstart: 0x8000_0000n }).memstart.value).toBe(0x8000_0000n);
  });

  // Found by an adversarial run: `--memstart 0x1` gave a layout with nothing said.
  test('a value off ARM64_MEMSTART_ALIGN is kept, with a note to check it', () => {
    const { memstart, notes } = run(input(), { memstart: 0x1n });
    expect(memstart.value).toBe(0x1n);
    expect(notes).toEqual([
      '--memstart 0x1 is not a multiple of ARM64_MEMSTART_ALIGN (0x40000000), which memstart_addr always is (the DRAM start rounded down, moved by KASLR in multiples of it): check the value',
    ]);
    expect(run(input(), { memstart: U64 - 0x3fff_ffffn }).notes).toEqual([]);
  });
});

describe('inferMemstart: no memory map in the log', () => {
  test.each([
    ['no boot facts', undefined],
    ['a boot without memory lines', ['Linux version 6.1.0 (u@h) (gcc) #1', KASLR_OFF]],
    ['only empty zones', ['Zone ranges:', '  DMA      empty', '  DMA32    empty']],
  ])('%s: memstart 0, a low default, and a note that pfns are relative', (_name, lines) => {
    const { memstart, notes } = run(input(lines === undefined ? {} : { lines }));
    expect(memstart).toEqual({ value: 0n, source: { kind: 'default', text: 'memstart unknown (no memory ranges in the log)' }, confidence: 'low' });
    expect(notes).toEqual(['memstart (PHYS_OFFSET) is unknown: pfns and physical addresses are relative to memstart 0']);
  });
});

describe('inferMemstart: DRAM start from the memory map', () => {
  test('an Early memory node range: round_down to ARM64_MEMSTART_ALIGN, with the node line', () => {
    const { memstart, notes } = run(input({ lines: [KASLR_OFF, 'Early memory node ranges', NODE_80200000] }));
    // 4K/27: align = 2^max(30, 27) = 1 GiB; round_down(0x80200000, 0x40000000) = 0x80000000.
    expect(memstart).toEqual({
      value: 0x8000_0000n,
      source: { kind: 'log', lineNo: 3, text: 'round_down(0x80200000, 2^30) from node   0: [mem 0x0000000080200000-0x00000000fbffffff]' },
      confidence: 'high',
    });
    expect(notes).toEqual([]);
  });

  test('the lowest node start counts, whichever line prints it', () => {
    const lines = [KASLR_OFF, 'Early memory node ranges', '  node   1: [mem 0x0000008800000000-0x0000008fffffffff]', '  node   0: [mem 0x00000000c0000000-0x00000000ffffffff]'];
    // round_down(0xc0000000, 1 GiB) = 0xc0000000 (3 GiB), from line 4.
    expect(run(input({ lines })).memstart).toMatchObject({ value: 0xc000_0000n, source: { lineNo: 4 } });
  });

  test('node ranges beat zone ranges, even when a zone starts lower', () => {
    const lines = [KASLR_OFF, 'Zone ranges:', '  DMA      [mem 0x0000000040000000-0x00000000ffffffff]', 'Early memory node ranges', NODE_80200000];
    // From the node: round_down(0x80200000, 1 GiB) = 0x80000000 (the zone would give 0x40000000).
    expect(run(input({ lines })).memstart).toMatchObject({ value: 0x8000_0000n, source: { kind: 'log', lineNo: 5 }, confidence: 'high' });
  });

  test('zone ranges only: the lowest non-empty zone, one step less sure (zones are not memblock)', () => {
    const lines = [
      KASLR_OFF,
      'Zone ranges:',
      '  DMA32    empty',
      '  Normal   [mem 0x0000000100000000-0x000000087fffffff]',
      '  DMA      [mem 0x00000000a0200000-0x00000000ffffffff]',
    ];
    // round_down(0xa0200000, 1 GiB) = 0x80000000; KASLR disabled would be high, a zone start makes it medium.
    expect(run(input({ lines })).memstart).toEqual({
      value: 0x8000_0000n,
      source: { kind: 'log', lineNo: 5, text: 'round_down(0xa0200000, 2^30) from DMA      [mem 0x00000000a0200000-0x00000000ffffffff]' },
      confidence: 'medium',
    });
  });

  // ARM64_MEMSTART_ALIGN = 2^max(ARM64_MEMSTART_SHIFT, SECTION_SIZE_BITS); the shift is 30 (4K PUD_SHIFT),
  // 30 (16K CONT_PMD_SHIFT) or 29 (64K PMD_SHIFT). 0xa0200000 = 2.5 GiB + 2 MiB.
  test.each([
    [12, 27, 30, 0x8000_0000n], // 1 GiB alignment: 2 GiB.
    [12, 30, 30, 0x8000_0000n],
    [14, 27, 30, 0x8000_0000n],
    [16, 29, 29, 0xa000_0000n], // 512 MiB alignment: 2.5 GiB = 5 * 512 MiB.
    [16, 30, 30, 0x8000_0000n], // sections of 1 GiB raise the alignment to 1 GiB.
  ])('PAGE_SHIFT %i, SECTION_SIZE_BITS %i: DRAM 0xa0200000 rounds down to 2^%i', (pageShift, sectionShift, alignShift, value) => {
    const { memstart } = run(input({ lines: [KASLR_OFF, 'Early memory node ranges', '  node   0: [mem 0x00000000a0200000-0x00000000ffffffff]'], pageShift, sectionShift }));
    expect(memstart.value).toBe(value);
    expect(memstart.source.text).toBe(`round_down(0xa0200000, 2^${alignShift}) from node   0: [mem 0x00000000a0200000-0x00000000ffffffff]`);
  });

  test('a DRAM start already aligned is kept', () => {
    expect(run(input({ lines: ['Early memory node ranges', '  node   0: [mem 0x0000000000000000-0x000000007fffffff]'] })).memstart.value).toBe(0n);
  });
});

describe('inferMemstart: confidence from KASLR (the linear region may be randomized)', () => {
  const NODE = ['Early memory node ranges', NODE_80200000];
  const ENABLED_NOTE = expect.stringContaining('KASLR is enabled and the linear region is larger');
  const UNKNOWN_NOTE = 'the log does not say whether KASLR was enabled; memstart assumes no linear-region randomization';

  // randomizable when the linear region 2^(VA_BITS_MIN - 1) exceeds 2^40 (a common small-core PA range).
  test.each<[string, string[], string | undefined, number, Confidence, unknown[]]>([
    ['KASLR disabled (no seed)', ['KASLR disabled due to lack of seed'], undefined, 48, 'high', []],
    ['KASLR disabled on command line', ['KASLR disabled on command line'], undefined, 48, 'high', []],
    ['config: RANDOMIZE_BASE not set', [], '# CONFIG_RANDOMIZE_BASE is not set\n', 48, 'high', []],
    ['config: RANDOMIZE_BASE=y, 48-bit (2^47 > 2^40)', [], 'CONFIG_RANDOMIZE_BASE=y\n', 48, 'low', [ENABLED_NOTE]],
    ['log enabled beats config not set', ['KASLR enabled'], '# CONFIG_RANDOMIZE_BASE is not set\n', 48, 'low', [ENABLED_NOTE]],
    ['log disabled beats config =y', ['KASLR disabled on command line'], 'CONFIG_RANDOMIZE_BASE=y\n', 48, 'high', []],
    ['enabled, 42-bit (2^41 > 2^40)', ['KASLR enabled'], undefined, 42, 'low', [ENABLED_NOTE]],
    ['enabled, 39-bit (2^38 fits any PA range)', ['KASLR enabled'], undefined, 39, 'medium', []],
    ['not said', [], undefined, 48, 'medium', [UNKNOWN_NOTE]],
  ])('%s → %s', (_name, kaslrLines, configText, vaBitsMin, confidence, notes) => {
    const vaBits = vaBitsMin;
    const pageShift = vaBits === 42 ? 16 : 12;
    const sectionShift = pageShift === 16 ? 29 : 27;
    const i = input({ lines: [...kaslrLines, ...NODE], ...(configText !== undefined && { configText }), pageShift, vaBits, vaBitsMin, sectionShift });
    const r = run(i);
    expect(r.memstart.confidence).toBe(confidence);
    // The value does not change: round_down(0x80200000, 2^30 or 2^29) = 0x80000000 either way.
    expect(r.memstart.value).toBe(0x8000_0000n);
    expect(r.notes).toEqual(notes);
  });

  // Up to 5.10 init.c randomized when linear_region_size - (memblock_end_of_DRAM() - memblock_start_of_DRAM()) ≥
  // ARM64_MEMSTART_ALIGN; 5.11 (97d6786e0669) put the CPU's PA range in place of the DRAM span.
  describe('4.6–5.10 (E1, E2): the linear region against the DRAM span', () => {
    const at39 = { pageShift: 12, vaBits: 39, vaBitsMin: 39, sectionShift: 30 };
    const RANDOMIZED = expect.stringContaining('up to 5.10 the linear region (0x4000000000 bytes) is randomized when it exceeds the DRAM span');

    test.each(['E1', 'E2'] as const)('%s 39-bit, KASLR enabled, 2 GiB of DRAM (2^38 - 2^31 ≥ 2^30): low', (era) => {
      // 0x80200000-0xfbffffff, 2 GiB less 2 MiB and 64 MiB.
      const r = run(input({ ...at39, era, lines: ['KASLR enabled', ...NODE] }));
      expect(r.memstart.confidence).toBe('low');
      expect(r.notes).toEqual([RANDOMIZED]);
      expect(r.notes[0]).toContain('DRAM span (0x7be00000 bytes)');
    });

    test('E2 39-bit, KASLR enabled, DRAM spanning all but 512 MiB of the linear region: no room for a 1 GiB step, medium', () => {
      const span = '  node   0: [mem 0x0000000080000000-0x000000405fffffff]';
      const r = run(input({ ...at39, era: 'E2', lines: ['KASLR enabled', 'Early memory node ranges', span] }));
      expect(r.memstart.confidence).toBe('medium');
      expect(r.notes).toEqual([]);
    });

    test('E2 39-bit, KASLR enabled, no memory lines: the span is unknown, so it may be randomized', () => {
      const notes: string[] = [];
      const i = input({ ...at39, era: 'E2', lines: ['KASLR enabled', 'Zone ranges:', '  DMA      [mem 0x0000000040000000-0x00000000ffffffff]'] });
      expect(inferMemstart(i, {}, notes).confidence).toBe('low');
      // The zone range is the span when there are no node lines: 3 GiB.
      expect(notes[0]).toContain('DRAM span (0xc0000000 bytes)');
    });

    test('E3 (5.11+) 39-bit keeps the PA-range rule: medium', () => {
      const r = run(input({ ...at39, era: 'E3', lines: ['KASLR enabled', ...NODE] }));
      expect(r.memstart.confidence).toBe('medium');
    });
  });

  test('E0 (≤ 4.4, before arm64 KASLR) is high even when the log does not say', () => {
    const r = run(input({ era: 'E0', vaBits: 39, vaBitsMin: 39, sectionShift: 30, lines: NODE }));
    // Before 4.6 memstart is PHYS_OFFSET, DRAM start on the 2 MiB grid: 0x80200000 stays as it is.
    expect(r.memstart).toMatchObject({ value: 0x8020_0000n, confidence: 'high' });
    expect(r.notes).toEqual([]);
  });

  test('"Memory doesn\'t fit in the linear mapping": the value is only a lower bound, low', () => {
    const r = run(input({ lines: [KASLR_OFF, "Memory doesn't fit in the linear mapping, VA_BITS too small", ...NODE] }));
    expect(r.memstart).toMatchObject({ value: 0x8000_0000n, source: { kind: 'log', lineNo: 4 }, confidence: 'low' });
    expect(r.notes).toEqual([expect.stringContaining('memstart moved up if the kernel image lay past it')]);
  });
});

describe('inferMemstart: a 52-bit kernel on a CPU without 52-bit VAs', () => {
  const MAP = [KASLR_OFF, 'Early memory node ranges', '  node   0: [mem 0x0000000080000000-0x00000000ffffffff]'];
  const wide64k = { pageShift: 16, vaBits: 52, vaBitsMin: 48, sectionShift: 29 } as const;
  // init.c: memstart_addr -= _PAGE_OFFSET(48) - _PAGE_OFFSET(52) = 2^52 - 2^48; 0x80000000 - that, as u64.
  const SHIFTED_48 = 0xfff1_0000_8000_0000n; // arm64-layout.md §3 "52-bit kernel on 48-bit hardware"

  test('a 48-bit pgtable line: memstart goes negative (s64), and the text says why', () => {
    const { memstart } = run(input({ ...wide64k, lines: [...MAP, 'user pgtable: 64k pages, 48-bit VAs, pgdp=0000000041d1c000'] }));
    expect(SHIFTED_48).toBe((0x8000_0000n - ((1n << 52n) - (1n << 48n))) & U64);
    expect(memstart).toEqual({
      value: SHIFTED_48,
      source: {
        kind: 'log',
        lineNo: 3,
        text: 'round_down(0x80000000, 2^29) from node   0: [mem 0x0000000080000000-0x00000000ffffffff], minus 2^52 - 2^48 (52-bit kernel on a CPU without 52-bit VAs)',
      },
      confidence: 'high',
    });
  });

  test.each([
    ['a 52-bit pgtable line', ['user pgtable: 64k pages, 52-bit VAs, pgdp=0000000041d1c000'], 0x8000_0000n],
    ['CPU features without 52-bit VAs', ['CPU features: detected: Address authentication (architected QARMA5 algorithm)'], SHIFTED_48],
    ['CPU features with LVA', ['CPU features: detected: 52-bit Virtual Addressing (LVA)'], 0x8000_0000n],
    // The KVM variant says nothing about the host's VA size: the CPU features show no 52-bit host VAs.
    ['only the KVM LPA2 feature', ['CPU features: detected: 52-bit Virtual Addressing for KVM (LPA2)'], SHIFTED_48],
    // Nothing says the CPU lacks 52-bit VAs: no shift.
    ['neither pgtable nor CPU features', [], 0x8000_0000n],
  ])('6.9+ (E4): %s', (_name, extra, value) => {
    expect(run(input({ ...wide64k, era: 'E4', lines: [...MAP, ...extra] })).memstart.value).toBe(value);
  });

  test('before 6.9 the capability line does not exist: CPU features without it are no evidence', () => {
    // ARM64_HAS_VA52 ("52-bit Virtual Addressing (LVA)") came with the 6.9 LPA2 work; a 5.15 kernel on LVA
    // hardware prints CPU features without it and keeps memstart 0x80000000.
    const lines = [...MAP, 'CPU features: detected: Address authentication (architected QARMA5 algorithm)'];
    expect(run(input({ ...wide64k, era: 'E3', lines })).memstart.value).toBe(0x8000_0000n);
  });

  test('no boot facts at all: no memory map, so no shift either', () => {
    expect(run(input(wide64k)).memstart.value).toBe(0n);
  });

  test('a 48-bit kernel is never shifted, whatever the CPU', () => {
    const r = run(input({ lines: [...MAP, 'user pgtable: 4k pages, 48-bit VAs, pgdp=0000000041d1c000'] }));
    expect(r.memstart.value).toBe(0x8000_0000n);
    expect(r.memstart.source.text).not.toContain('52-bit');
  });

  test('E4 16K: VA_BITS_MIN is 47, so 2^52 - 2^47 is subtracted', () => {
    const i = input({ era: 'E4', pageShift: 14, vaBits: 52, vaBitsMin: 47, sectionShift: 27, lines: [...MAP, 'user pgtable: 16k pages, 47-bit VAs, pgdp=0000000041d1c000'] });
    const { memstart } = run(i);
    // 0x80000000 - (2^52 - 2^47) mod 2^64 = 0xfff0800080000000.
    expect(memstart.value).toBe((0x8000_0000n - ((1n << 52n) - (1n << 47n))) & U64);
    expect(memstart.value).toBe(0xfff0_8000_8000_0000n);
    expect(memstart.source.text).toContain('minus 2^52 - 2^47');
  });

  // `0k pages, 0-bit VAs` is no arm64 geometry (inferShape ignores such lines too), so no evidence of vabits_actual:
  // memstart is what it is without the line (0x80000000, see "neither pgtable nor CPU features").
  test.each([
    'swapper pgtable: 0k pages, 0-bit VAs, pgdp=00000008812c4000',
    'user pgtable: 64k pages, 41-bit VAs, pgdp=00000008812c4000',
  ])('a corrupted pgtable line (%s) is no evidence of a 48-bit CPU', (line) => {
    expect(run(input({ ...wide64k, lines: [...MAP, line] })).memstart.value).toBe(0x8000_0000n);
  });
});

describe('inferMemstart: E0, from the `actual` vmemmap line', () => {
  // E0 39/4K window: START = 0xffffffbdc0000000 (see infer-shape.test.ts); E0 indexes vmemmap by absolute pfn.
  const LAYOUT = [
    'Virtual kernel memory layout:',
    '    vmemmap : 0xffffffbdc0000000 - 0xffffffbfc0000000   (     8 GB maximum)',
    '              0xffffffbdc2000000 - 0xffffffbdc9d7c400   (   125 MB actual)',
  ];
  const e0 = { era: 'E0', vaBits: 39, vaBitsMin: 39, sectionShift: 30 } as const;

  function withMatch(lines: string[]): MemstartInput {
    const b = boot(lines);
    const [match] = matchVirtualLayout(b, 64);
    return input({ ...e0, boot: b, layoutMatch: match });
  }

  test('the actual start gives the first DRAM pfn, and beats the node ranges', () => {
    // (0xffffffbdc2000000 - 0xffffffbdc0000000) / 64 = pfn 0x80000 → 0x80000 << 12 = 0x80000000; the node line
    // below would give round_down(0xc0000000, 1 GiB) = 0xc0000000.
    const { memstart, notes } = run(withMatch([...LAYOUT, 'Early memory node ranges', '  node   0: [mem 0x00000000c0000000-0x00000000ffffffff]']));
    expect(memstart).toEqual({
      value: 0x8000_0000n,
      source: { kind: 'log', lineNo: 3, text: '0xffffffbdc2000000 - 0xffffffbdc9d7c400   (   125 MB actual) → first DRAM pfn 0x80000' },
      confidence: 'medium',
    });
    expect(notes).toEqual([]);
  });

  test('without the actual line the node ranges decide', () => {
    const i = withMatch([...LAYOUT.slice(0, 2), 'Early memory node ranges', '  node   0: [mem 0x00000000c0000000-0x00000000ffffffff]']);
    expect(i.layoutMatch?.actualFact).toBeUndefined();
    expect(run(i).memstart).toMatchObject({ value: 0xc000_0000n, source: { lineNo: 4 }, confidence: 'high' });
  });

  test('an E1 match with an actual line is not read as absolute pfns: memstart is the DRAM start less the pages before it', () => {
    // E1 48/4K: PAGE_OFFSET = -2^47 = 0xffff800000000000, START = PAGE_OFFSET - 2^(48 - 12 - 1 + 6) = 0xffff7e0000000000.
    const b = boot([
      'Virtual kernel memory layout:',
      '    vmemmap : 0xffff7e0000000000 - 0xffff800000000000   (  2048 GB maximum)',
      '              0xffff7e0000000000 - 0xffff7e0020000000   (   512 MB actual)',
      'Early memory node ranges',
      '  node   0: [mem 0x00000000c0000000-0x00000000ffffffff]',
    ]);
    const [match] = matchVirtualLayout(b, 64);
    expect(match).toMatchObject({ era: 'E1', actualFact: { lineNo: 3 } });
    const r = run(input({ era: 'E1', boot: b, layoutMatch: match, sectionShift: 30 }));
    // actual start = VMEMMAP_START: no pages between memstart and the DRAM start, so memstart = 0xc0000000 exactly.
    expect(r.memstart).toMatchObject({ value: 0xc000_0000n, source: { kind: 'log', lineNo: 3 }, confidence: 'high' });
    expect(r.notes).toEqual([]);
  });

  test('E1 with a randomized memstart (KASLR): the actual line says how far below the DRAM start it is', () => {
    // vmemmap = START - (memstart >> 12) pages, and mem_init prints phys_to_page(DRAM start): 0x1000000 / 64 =
    // 0x40000 pages = 1 GiB below 0xc0000000, so memstart = 0x80000000 (on the 1 GiB ARM64_MEMSTART_ALIGN grid).
    const b = boot([
      'Virtual kernel memory layout:',
      '    vmemmap : 0xffff7e0000000000 - 0xffff800000000000   (  2048 GB maximum)',
      '              0xffff7e0001000000 - 0xffff7e0021000000   (   512 MB actual)',
      'Early memory node ranges',
      '  node   0: [mem 0x00000000c0000000-0x00000000ffffffff]',
    ]);
    const [match] = matchVirtualLayout(b, 64);
    expect(match?.pagesBelowDram).toBe(0x40000n);
    const r = run(input({ era: 'E1', boot: b, layoutMatch: match, sectionShift: 30 }));
    expect(r.memstart).toMatchObject({ value: 0x8000_0000n, source: { kind: 'log', lineNo: 3 }, confidence: 'high' });
  });

  test('E1: an actual line that puts memstart off the ARM64_MEMSTART_ALIGN grid is not used', () => {
    // 0x800000 / 64 = 0x20000 pages = 512 MiB: 0xc0000000 - 512 MiB = 0xa0000000, not a multiple of 1 GiB.
    const b = boot([
      'Virtual kernel memory layout:',
      '    vmemmap : 0xffff7e0000000000 - 0xffff800000000000   (  2048 GB maximum)',
      '              0xffff7e0000800000 - 0xffff7e0020800000   (   512 MB actual)',
      'Early memory node ranges',
      '  node   0: [mem 0x00000000c0000000-0x00000000ffffffff]',
    ]);
    const [match] = matchVirtualLayout(b, 64);
    const r = run(input({ era: 'E1', boot: b, layoutMatch: match, sectionShift: 30 }));
    expect(r.memstart).toMatchObject({ value: 0xc000_0000n, source: { kind: 'log', lineNo: 5 } });
  });

  test('--memstart still beats the actual line', () => {
    expect(run(withMatch(LAYOUT), { memstart: 0x4000_0000n }).memstart.source.kind).toBe('user');
  });
});

// Found by an audit: before 7bc1a0f9e176 (5.10; 5.4.94 in stable) vmemmap was set from round_down(DRAM start)
// before KASLR moved memstart_addr, and a 52-bit kernel on a 48-bit CPU offset vmemmap, not memstart_addr: the
// PHYS_OFFSET such a kernel prints is not what its vmemmap was computed from.
describe('inferMemstart: 5.4-5.9, vmemmap apart from memstart_addr', () => {
  const MAP = ['Early memory node ranges', '  node   0: [mem 0x0000000080000000-0x000000027fffffff]'];
  const e2 = { era: 'E2', pageShift: 16, vaBits: 48, vaBitsMin: 48, sectionShift: 30 } as const;

  test.each(['5.8.0', '5.4.0', '5.4.93-1-generic'])('%s: the memory map, not a randomized PHYS_OFFSET, is the base, exactly', (release) => {
    const notes: string[] = [];
    const m = inferMemstart(input({ ...e2, release, lines: ['KASLR enabled', ...MAP, 'PHYS_OFFSET: 0xffffa1c240000000'] }), {}, notes);
    // round_down(0x80000000, ARM64_MEMSTART_ALIGN = 2^30 with 64K pages and 2^29 sections... at least 1 GiB).
    expect(m).toMatchObject({ value: 0x8000_0000n, confidence: 'high' });
    expect(notes.join('\n')).toContain('(before 7bc1a0f9e176, 5.10 and 5.4.94): the memory map gives its base, not the PHYS_OFFSET: 0xffffa1c240000000 line');
  });

  test.each(['5.4.94', '5.10.0', '5.3.0'])('%s: PHYS_OFFSET is the base', (release) => {
    const m = inferMemstart(input({ ...e2, release, lines: ['KASLR enabled', ...MAP, 'PHYS_OFFSET: 0xffffa1c240000000'] }), {}, []);
    expect(m).toMatchObject({ value: 0xffff_a1c2_4000_0000n, confidence: 'high' });
  });

  test('5.8 on a CPU without 52-bit VAs: the memory map lowered by 2^52 - 2^48, as vmemmap was offset', () => {
    const lines = [...MAP, 'user pgtable: 64k pages, 48-bit VAs, pgdp=0000000041d1c000', 'PHYS_OFFSET: 0x80000000'];
    const m = inferMemstart(input({ ...e2, vaBits: 52, release: '5.8.0', lines }), {}, []);
    expect(m.value).toBe((0x8000_0000n - ((1n << 52n) - (1n << 48n))) & U64);
  });

  test('with no memory map, PHYS_OFFSET stands, at medium, with a note', () => {
    const notes: string[] = [];
    const m = inferMemstart(input({ ...e2, release: '5.8.0', lines: ['PHYS_OFFSET: 0x80000000'] }), {}, notes);
    expect(m).toMatchObject({ value: 0x8000_0000n, confidence: 'medium' });
    expect(notes.join('\n')).toContain('line may not be the base it used');
  });
});

// explain and layout --log had said memstart was unknown where analyze read it from an Oops' page and pfn registers.
describe('memstart from the registers of a ZONE_DEVICE Oops', () => {
  const fromRegisters: Inferred<bigint> = { value: 0x8000_0000n, confidence: 'medium', source: { kind: 'register', reg: 'x0, x1', text: 'x0 = struct page …' } };

  test('taken where the log shows no memory map', () => {
    const notes: string[] = [];
    expect(inferMemstart(input({ era: 'E4', registerMemstart: fromRegisters }), {}, notes)).toBe(fromRegisters);
    expect(notes).toEqual([]);
  });

  test('the memory map still wins, and --memstart over both', () => {
    const lines = ['Early memory node ranges', '  node   0: [mem 0x0000000040000000-0x00000000ffffffff]'];
    expect(inferMemstart(input({ lines, registerMemstart: fromRegisters }), {}, []).value).toBe(0x4000_0000n);
    expect(inferMemstart(input({ registerMemstart: fromRegisters }), { memstart: 0xc000_0000n }, []).value).toBe(0xc000_0000n);
  });
});
