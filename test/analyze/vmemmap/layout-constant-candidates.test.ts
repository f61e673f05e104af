import { matchLayoutConstant } from '../../../src/analyze/vmemmap/layout-constant-candidates.js';

const U64 = (x: bigint) => BigInt.asUintN(64, x);

/** The (constant, form) pairs a value is, with the layouts of each. */
const named = (value: bigint) => matchLayoutConstant(value).map((m) => [m.constant, m.form, m.layouts] as const);

describe('matchLayoutConstant', () => {
  test('E3 48/4K START = -2^42, END = START + 2^41; E4 48/4K START = -1G - (2^47 >> 12) * 64', () => {
    const e3Start = U64(-(1n << 42n));
    expect(matchLayoutConstant(e3Start)).toEqual([expect.objectContaining({ constant: 'VMEMMAP_START', form: 'exact', value: e3Start })]);
    expect(matchLayoutConstant(e3Start)[0]?.layouts).toContain('E3 48/4K');
    expect(matchLayoutConstant(e3Start + (1n << 41n) - 1n)).toEqual([expect.objectContaining({ constant: 'VMEMMAP_END', form: 'minus-one' })]);
    expect(matchLayoutConstant(1n << 42n)).toEqual([expect.objectContaining({ constant: 'VMEMMAP_START', form: 'negated' })]);
    const e4Start = U64(-(1n << 30n) - ((1n << 47n) >> 12n) * 64n);
    expect(matchLayoutConstant(e4Start)[0]?.layouts).toContain('E4 48/4K');
  });

  test('a value that is START in one layout and END in another names both, each with its layouts', () => {
    // E3 48/64K: START = -2^(48 - (16 - 6)) = -2^38 = 0xffffffc000000000.
    // E3 47/16K: START = -2^(47 - (14 - 6)) = -2^39, SIZE = 2^46 >> 8 = 2^38, END = -2^39 + 2^38 = -2^38.
    const value = 0xffff_ffc0_0000_0000n;
    expect(U64(-(1n << 38n))).toBe(value);
    const names = named(value);
    expect(names).toContainEqual(['VMEMMAP_START', 'exact', expect.arrayContaining(['E3 48/64K'])]);
    expect(names).toContainEqual(['VMEMMAP_END', 'exact', expect.arrayContaining(['E3 47/16K'])]);
    const start = matchLayoutConstant(value).find((m) => m.constant === 'VMEMMAP_START');
    expect(start?.layouts).not.toContain('E3 47/16K');
  });

  test('small negated constants (E2 -END = 2 MiB) are not evidence', () => {
    expect(matchLayoutConstant(1n << 21n)).toEqual([]);
    expect(matchLayoutConstant(0xffff_8000_0a4b_b9b0n)).toEqual([]);
  });
});
