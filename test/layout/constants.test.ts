import { computeConstants, defaultSectionShift, validVaBits } from '../../src/layout/constants.js';
import type { Era, LayoutParams } from '../../src/layout/types.js';
import { UsageError } from '../../src/errors.js';

const M = (1n << 64n) - 1n;
const neg = (x: bigint): bigint => -x & M;
const GiB = 1n << 30n;
const TiB = 1n << 40n;

function params(era: Era, vaBits: number, pageShift: number, extra: Partial<LayoutParams> = {}): LayoutParams {
  return { era, vaBits, pageShift, structPageSize: 64, memstart: 0n, sectionShift: pageShift === 16 ? 29 : 27, ...extra };
}

describe('computeConstants: VMEMMAP_START/END per era (sizeof(struct page) = 64, STRUCT_PAGE_MAX_SHIFT = 6)', () => {
  test.each<[Era, number, number, bigint, bigint]>([
    // E3: START = -(1 << (VA - (PS - 6))), SIZE = (PAGE_END(VAmin) - PAGE_OFFSET) >> (PS - 6) = 2^(VA-1) >> (PS-6).
    // 48/4K: START = -2^42, SIZE = 2^47 >> 6 = 2^41 (2 TiB) — John Hubbard's printout in the seed thread.
    ['E3', 48, 12, neg(1n << 42n), neg(1n << 42n) + (1n << 41n)],
    // 39/4K: START = -2^33 = 0xfffffffe00000000, SIZE = 2^38 >> 6 = 4 GiB — Ard's Seattle example.
    ['E3', 39, 12, neg(1n << 33n), neg(1n << 33n) + 4n * GiB],
    // 42/64K: START = -2^(42-10), SIZE = 2^41 >> 10 = 2 GiB.
    ['E3', 42, 16, neg(1n << 32n), neg(1n << 32n) + 2n * GiB],
    // 36/16K: START = -2^(36-8), SIZE = 2^35 >> 8 = 128 MiB.
    ['E3', 36, 14, neg(1n << 28n), neg(1n << 28n) + (128n << 20n)],
    // 47/16K: START = -2^39, SIZE = 2^46 >> 8 = 256 GiB.
    ['E3', 47, 14, neg(1n << 39n), neg(1n << 39n) + 256n * GiB],
    // 52/64K: VAmin 48, START = -2^(52-10) = 0xfffffc0000000000, SIZE = (2^52 - 2^47) >> 10 = 0x3e000000000.
    ['E3', 52, 16, neg(1n << 42n), neg(1n << 42n) + (((1n << 52n) - (1n << 47n)) >> 10n)],
    // E4: END = -1G, SIZE = ((PAGE_END(VAmin) - PAGE_OFFSET) >> PS) * 64.
    // 48/4K: SIZE = (2^47 >> 12) * 64 = 2 TiB → START = 0xfffffdffc0000000 (reference §3).
    ['E4', 48, 12, neg(GiB) - 2n * TiB, neg(GiB)],
    // 52/4K LPA2: VAmin 48, SIZE = ((2^52 - 2^47) >> 12) * 64 = 0x3e0000000000 (62 TiB).
    ['E4', 52, 12, neg(GiB) - 62n * TiB, neg(GiB)],
    // 52/16K LPA2: VAmin 47, SIZE = ((2^52 - 2^46) >> 14) * 64 = 0xfc000000000 (15.75 TiB).
    ['E4', 52, 14, neg(GiB) - (((1n << 52n) - (1n << 46n)) >> 14n) * 64n, neg(GiB)],
    // 36/16K: SIZE = (2^35 >> 14) * 64 = 128 MiB.
    ['E4', 36, 14, neg(GiB) - (128n << 20n), neg(GiB)],
    // E2: START = -SIZE - 2M, END = START + SIZE = -2M. 48/4K: SIZE 2 TiB → 0xfffffdffffe00000.
    ['E2', 48, 12, neg(2n * TiB + (2n << 20n)), neg(2n << 20n)],
    // 52/64K: SIZE = (2^52 - 2^47) >> 10.
    ['E2', 52, 16, neg((((1n << 52n) - (1n << 47n)) >> 10n) + (2n << 20n)), neg(2n << 20n)],
    // E1: PAGE_OFFSET = -2^(VA-1), SIZE = 2^(VA - PS - 1 + 6), START = PAGE_OFFSET - SIZE, END = PAGE_OFFSET.
    // 48/4K: 0xffff800000000000 - 2 TiB = 0xffff7e0000000000 (a real 4.x log's "2048 GB maximum" line).
    ['E1', 48, 12, neg(1n << 47n) - 2n * TiB, neg(1n << 47n)],
    // 39/4K: 0xffffffc000000000 - 4 GiB = 0xffffffbf00000000.
    ['E1', 39, 12, neg(1n << 38n) - 4n * GiB, neg(1n << 38n)],
    // E0: START = PAGE_OFFSET - PUD_SIZE - ALIGN(2^(VA-PS) * 64, PUD_SIZE), END = START + SIZE; PUD_SIZE = 1 GiB (4K).
    // 39/4K: SIZE = 2^27 * 64 = 8 GiB → 0xffffffbdc0000000-0xffffffbfc0000000 (Jetson TX2 4.4 "8 GB maximum").
    ['E0', 39, 12, neg(1n << 38n) - GiB - 8n * GiB, neg(1n << 38n) - GiB],
    // 48/4K: SIZE = 2^36 * 64 = 4096 GiB → 0xffff7bffc0000000 (a third-party 4.x log's "4096 GB maximum").
    ['E0', 48, 12, neg(1n << 47n) - GiB - 4096n * GiB, neg(1n << 47n) - GiB],
    // E0b halves the pfn span: 39/4K SIZE = 2^26 * 64 = 4 GiB → START 0xffffffbec0000000.
    ['E0b', 39, 12, neg(1n << 38n) - GiB - 4n * GiB, neg(1n << 38n) - GiB],
  ])('%s %i-bit PAGE_SHIFT %i', (era, va, ps, start, end) => {
    const c = computeConstants(params(era, va, ps));
    expect(c.vmemmapStart.toString(16)).toBe(start.toString(16));
    expect(c.vmemmapEnd.toString(16)).toBe(end.toString(16));
    expect(c.vmemmapSize).toBe(end - start);
  });

  test('the reference table literals agree with the formulas (E3/E4 48/4K, E2 48/4K, E0 39/4K)', () => {
    expect(computeConstants(params('E3', 48, 12)).vmemmapStart).toBe(0xfffffc0000000000n);
    expect(computeConstants(params('E3', 48, 12)).vmemmapEnd).toBe(0xfffffe0000000000n);
    expect(computeConstants(params('E4', 48, 12)).vmemmapStart).toBe(0xfffffdffc0000000n);
    expect(computeConstants(params('E2', 48, 12)).vmemmapStart).toBe(0xfffffdffffe00000n);
    expect(computeConstants(params('E0', 39, 12)).vmemmapStart).toBe(0xffffffbdc0000000n);
  });

  test('PAGE_OFFSET flips in E2: -(1 << VA) instead of -(1 << (VA - 1))', () => {
    expect(computeConstants(params('E1', 48, 12)).pageOffset).toBe(0xffff800000000000n);
    expect(computeConstants(params('E2', 48, 12)).pageOffset).toBe(0xffff000000000000n);
    expect(computeConstants(params('E3', 48, 12)).pageEnd).toBe(0xffff800000000000n);
  });

  test('the linear map of a 52-bit kernel: 2^(vabits_actual - 1) bytes in E2, _PAGE_END(VA_BITS_MIN) after', () => {
    const e2 = (extra: Partial<LayoutParams>) => computeConstants(params('E2', 52, 16, extra));
    // init.c of 5.4-5.10: linear_region_size = BIT(vabits_actual - 1), from PAGE_OFFSET = -(2^52).
    expect(e2({}).pageEnd).toBe(neg(1n << 51n));
    expect(e2({ vaBitsActual: 48 }).pageEnd).toBe(neg(1n << 47n));
    // The vmemmap is sized from _PAGE_END(VA_BITS_MIN) either way.
    expect(e2({}).vmemmapSize).toBe(e2({ vaBitsActual: 48 }).vmemmapSize);
    expect(computeConstants(params('E3', 52, 16)).pageEnd).toBe(neg(1n << 47n));
  });

  test('a KASAN shadow ends the linear map from E3 on: KASAN_SHADOW_END - 2^(vabits_actual - scale)', () => {
    const shadow = { kasanShadow: { scaleShift: 3 } };
    expect(computeConstants(params('E3', 48, 12, shadow)).pageEnd).toBe(neg(1n << 47n) - (1n << 45n));
    expect(computeConstants(params('E4', 52, 16, { ...shadow, vaBitsActual: 48 })).pageEnd).toBe(neg(1n << 47n) - (1n << 45n));
    expect(computeConstants(params('E3', 48, 12, shadow)).vmemmapSize).toBe(computeConstants(params('E3', 48, 12)).vmemmapSize);
  });

  test('VA_BITS_MIN: 48 for 52-bit, 47 for 16K on E4', () => {
    expect(computeConstants(params('E3', 52, 16)).vaBitsMin).toBe(48);
    expect(computeConstants(params('E4', 52, 14)).vaBitsMin).toBe(47);
    expect(computeConstants(params('E4', 39, 12)).vaBitsMin).toBe(39);
  });

  test('a 65-128 byte struct page doubles the E3 region (STRUCT_PAGE_MAX_SHIFT 7)', () => {
    // 48/4K, SPMS 7: START = -(1 << (48 - 5)) = 0xfffff80000000000, SIZE = 2^47 >> 5 = 2^42.
    const c = computeConstants(params('E3', 48, 12, { structPageSize: 72 }));
    expect(c.vmemmapStart).toBe(neg(1n << 43n));
    expect(c.vmemmapSize).toBe(1n << 42n);
  });

  test('E4 scales with the exact struct page size', () => {
    // 48/4K, 72-byte page: SIZE = (2^47 >> 12) * 72.
    const c = computeConstants(params('E4', 48, 12, { structPageSize: 72 }));
    expect(c.vmemmapSize).toBe((1n << 35n) * 72n);
  });
});

describe('computeConstants: the remaining rows of the reference tables (§3)', () => {
  test.each<[Era, number, number, bigint, bigint]>([
    // E3 48/16K: START = -2^(48 - (14 - 6)) = -2^40, SIZE = 2^47 >> 8 = 2^39.
    ['E3', 48, 14, 0xffffff0000000000n, 0xffffff8000000000n],
    // E3 48/64K: START = -2^(48 - 10) = -2^38, SIZE = 2^47 >> 10 = 2^37.
    ['E3', 48, 16, 0xffffffc000000000n, 0xffffffe000000000n],
    // E4 39/4K: SIZE = (2^38 >> 12) * 64 = 4 GiB below -1G.
    ['E4', 39, 12, 0xfffffffec0000000n, 0xffffffffc0000000n],
    // E4 42/64K: SIZE = (2^41 >> 16) * 64 = 2 GiB.
    ['E4', 42, 16, 0xffffffff40000000n, 0xffffffffc0000000n],
    // E4 47/16K: SIZE = (2^46 >> 14) * 64 = 256 GiB.
    ['E4', 47, 14, 0xffffffbfc0000000n, 0xffffffffc0000000n],
    // E4 48/16K: SIZE = (2^47 >> 14) * 64 = 512 GiB.
    ['E4', 48, 14, 0xffffff7fc0000000n, 0xffffffffc0000000n],
    // E4 48/64K: SIZE = (2^47 >> 16) * 64 = 128 GiB.
    ['E4', 48, 16, 0xffffffdfc0000000n, 0xffffffffc0000000n],
    // E4 52/64K: SIZE = ((2^52 - 2^47) >> 16) * 64 = 0x3e000000000.
    ['E4', 52, 16, 0xfffffc1fc0000000n, 0xffffffffc0000000n],
    // E2: START = -(SIZE + 2M) with the E3 sizes; END = -2M.
    ['E2', 39, 12, 0xfffffffeffe00000n, 0xffffffffffe00000n],
    ['E2', 42, 16, 0xffffffff7fe00000n, 0xffffffffffe00000n],
    ['E2', 47, 14, 0xffffffbfffe00000n, 0xffffffffffe00000n],
    ['E2', 48, 14, 0xffffff7fffe00000n, 0xffffffffffe00000n],
    ['E2', 48, 16, 0xffffffdfffe00000n, 0xffffffffffe00000n],
    // E1: START = PAGE_OFFSET - 2^(VA - PS - 1 + 6), END = PAGE_OFFSET = -2^(VA-1).
    ['E1', 42, 16, 0xfffffdff80000000n, 0xfffffe0000000000n],
    ['E1', 47, 14, 0xffffbfc000000000n, 0xffffc00000000000n],
    ['E1', 48, 14, 0xffff7f8000000000n, 0xffff800000000000n],
    ['E1', 48, 16, 0xffff7fe000000000n, 0xffff800000000000n],
    // E0b 48/4K: PAGE_OFFSET - 1G - ALIGN(2^35 * 64, 1G) = 0xffff800000000000 - 1G - 2 TiB.
    ['E0b', 48, 12, 0xffff7dffc0000000n, 0xffff7fffc0000000n],
  ])('%s %i-bit PAGE_SHIFT %i', (era, va, ps, start, end) => {
    const c = computeConstants(params(era, va, ps));
    expect(c.vmemmapStart.toString(16)).toBe(start.toString(16));
    expect(c.vmemmapEnd.toString(16)).toBe(end.toString(16));
  });

  test('E4 PCI I/O and fixmap sit in the 1 GiB above VMEMMAP_END (END + 8M = 0xffffffffc0800000)', () => {
    expect(computeConstants(params('E4', 48, 12)).vmemmapEnd + (1n << 23n)).toBe(0xffffffffc0800000n);
  });
});

describe('computeConstants: vmemmap base and sections', () => {
  test('seed: E3 48/4K memstart 0x80000000 → vmemmap 0xfffffbfffe000000', () => {
    // 0xfffffc0000000000 - (0x80000000 >> 12) * 64 = 0xfffffc0000000000 - 0x2000000.
    const c = computeConstants(params('E3', 48, 12, { memstart: 0x8000_0000n }));
    expect(c.vmemmapBase).toBe(0xfffffc0000000000n - (0x8000_0000n >> 12n) * 64n);
    expect(c.vmemmapBase).toBe(0xfffffbfffe000000n);
  });

  test('52-bit kernel on 48-bit CPU: negative memstart shifts arithmetically', () => {
    // memstart = 0x80000000 - (_PAGE_OFFSET(48) - _PAGE_OFFSET(52)) = 0x80000000 - (2^52 - 2^48) → 0xfff1000080000000;
    // the reference says E3 52/64K then has the same vmemmap as E3 48/64K with memstart 0x80000000.
    const memstart = (0x8000_0000n - ((1n << 52n) - (1n << 48n))) & M;
    expect(memstart).toBe(0xfff1000080000000n);
    const wide = computeConstants(params('E3', 52, 16, { memstart }));
    const narrow = computeConstants(params('E3', 48, 16, { memstart: 0x8000_0000n }));
    expect(wide.vmemmapBase).toBe(narrow.vmemmapBase);
    const wide4k = computeConstants(params('E4', 52, 12, { memstart }));
    const narrow4k = computeConstants(params('E4', 48, 12, { memstart: 0x8000_0000n }));
    expect(wide4k.vmemmapBase).toBe(narrow4k.vmemmapBase);
  });

  test('E0 indexes by absolute pfn: vmemmap = VMEMMAP_START whatever memstart', () => {
    const c = computeConstants(params('E0', 39, 12, { memstart: 0x8000_0000n }));
    expect(c.vmemmapBase).toBe(c.vmemmapStart);
  });

  test.each([
    // pages/section = 2^(SECTION_SIZE_BITS - PS), memmap bytes = pages * 64; subsection = 2^(21 - PS) pages.
    [12, 27, 1n << 15n, 1n << 9n],
    [14, 27, 1n << 13n, 1n << 7n],
    [16, 29, 1n << 13n, 1n << 5n],
    [12, 30, 1n << 18n, 1n << 9n],
  ])('PAGE_SHIFT %i SECTION_SIZE_BITS %i', (ps, ss, perSection, perSub) => {
    const c = computeConstants(params('E3', ps === 14 ? 47 : 48, ps, { sectionShift: ss }));
    expect(c.pagesPerSection).toBe(perSection);
    expect(c.pagesPerSubsection).toBe(perSub);
    expect(c.memmapBytesPerSection).toBe(perSection * 64n);
    expect(c.memmapBytesPerSubsection).toBe(perSub * 64n);
  });
});

describe('impossible combinations are UsageErrors', () => {
  test.each<[string, LayoutParams]>([
    ['39-bit with 64K pages', params('E3', 39, 16)],
    ['47-bit with 4K pages', params('E3', 47, 12)],
    ['42-bit with 16K pages', params('E3', 42, 14)],
    ['8K pages', params('E3', 48, 13)],
    ['52-bit 4K before LPA2', params('E3', 52, 12)],
    ['52-bit 64K before 5.4', params('E1', 52, 16)],
    ['tiny struct page', params('E3', 48, 12, { structPageSize: 8 })],
    ['section below subsection', params('E3', 48, 12, { sectionShift: 20 })],
  ])('%s', (_name, p) => {
    expect(() => computeConstants(p)).toThrow(UsageError);
  });

  // Found by a library audit: these threw a TypeError ("Cannot mix BigInt"), or named a 52-bit era requirement no one
  // asked for, or printed memstart -1 as 0x-1.
  test.each<[string, LayoutParams, RegExp]>([
    ['a number memstart', { ...params('E3', 48, 12), memstart: 0x8000_0000 as unknown as bigint }, /^computeConstants: memstart must be a bigint \(0x80000000n\), not a number$/],
    ['an era that does not exist', params('E9' as Era, 48, 12), /^computeConstants: era must be one of E0, E0b, E1, E2, E3, E4, not 'E9'$/],
    ['a negative memstart', { ...params('E3', 48, 12), memstart: -1n }, /^computeConstants: memstart -0x1 is not a u64$/],
    // Found by a library review: '12' had been reported as an implausible SECTION_SIZE_BITS 27 for PAGE_SHIFT 12.
    ['a string pageShift', { ...params('E3', 48, 12), pageShift: '12' as unknown as number }, /^computeConstants: pageShift must be a number, not the string '12'$/],
    ['no vaBits', { ...params('E3', 48, 12), vaBits: undefined as unknown as number }, /^computeConstants: vaBits must be a number, not undefined$/],
  ])('%s says what is wrong with it', (_name, p, message) => {
    expect(() => computeConstants(p)).toThrow(UsageError);
    expect(() => computeConstants(p)).toThrow(message);
  });
});

describe('validVaBits / defaultSectionShift', () => {
  test('valid VA sizes per page size', () => {
    expect(validVaBits(12)).toEqual([39, 48, 52]);
    expect(validVaBits(14)).toEqual([36, 47, 48, 52]);
    expect(validVaBits(16)).toEqual([42, 48, 52]);
    expect(validVaBits(13)).toEqual([]);
  });

  test.each([
    ['5.10.110', 12, 30],
    ['4.4.38', 16, 30],
    ['5.12.0', 12, 27],
    ['6.1.0', 14, 27],
    ['6.1.0', 16, 29],
    [undefined, 16, 29],
  ])('%s PAGE_SHIFT %i → %i', (release, ps, expected) => {
    expect(defaultSectionShift(release, ps)).toBe(expected);
  });
});
