import { joinHexRanges, toHex, toHexRange } from '../../src/triage/hex-range.js';

describe('toHex', () => {
  test.each([
    [0n, '0x0'],
    [255n, '0xff'],
    // VMEMMAP_START of a 48-bit, 4K-page kernel since 5.11: -(1 << 42) as an unsigned 64-bit value.
    [(1n << 64n) - (1n << 42n), '0xfffffc0000000000'],
    [(1n << 64n) - 1n, '0xffffffffffffffff'],
  ])('%s → %s (lowercase, no padding)', (value, want) => {
    expect(toHex(value)).toBe(want);
  });
});

describe('toHexRange', () => {
  test('converts both ends', () => {
    expect(toHexRange({ start: 0xfffffbfff0000000n, end: 0xfffffc0000400000n })).toEqual({ start: '0xfffffbfff0000000', end: '0xfffffc0000400000' });
  });

  test('absent stays absent', () => {
    expect(toHexRange(undefined)).toBeUndefined();
  });
});

describe('joinHexRanges', () => {
  const r = (start: string, end: string) => ({ start, end });

  test.each([
    ['overlapping', r('0x1000', '0x3000'), r('0x2000', '0x4000'), r('0x1000', '0x4000')],
    ['disjoint: the gap is covered too', r('0x1000', '0x2000'), r('0x8000', '0x9000'), r('0x1000', '0x9000')],
    ['one inside the other', r('0x1000', '0x9000'), r('0x2000', '0x3000'), r('0x1000', '0x9000')],
    ['equal', r('0x10', '0x20'), r('0x10', '0x20'), r('0x10', '0x20')],
    // As text '0x9000' > '0x10000'; as numbers it is smaller.
    ['compared as numbers, not text', r('0x10000', '0x11000'), r('0x9000', '0xa000'), r('0x9000', '0x11000')],
    ['64-bit values past 2^53', r('0xfffffc0000000000', '0xfffffc0000200000'), r('0xfffffbffffe00000', '0xfffffc0000000001'),
      r('0xfffffbffffe00000', '0xfffffc0000200000')],
  ])('%s', (_what, a, b, want) => {
    expect(joinHexRanges(a, b)).toEqual(want);
    expect(joinHexRanges(b, a)).toEqual(want);
  });

  test('one side absent gives the other; both absent gives nothing', () => {
    const range = r('0x1000', '0x2000');
    expect(joinHexRanges(range, undefined)).toEqual(range);
    expect(joinHexRanges(undefined, range)).toEqual(range);
    expect(joinHexRanges(undefined, undefined)).toBeUndefined();
  });
});
