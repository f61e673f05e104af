import { matchLayoutConstant } from '../../../src/analyze/vmemmap/layout-constant-candidates.js';

const U64 = (x: bigint) => BigInt.asUintN(64, x);

describe('matchLayoutConstant', () => {
  test('E3 48/4K START = -2^42, END = START + 2^41; E4 48/4K START = -1G - (2^47 >> 12) * 64', () => {
    const e3Start = U64(-(1n << 42n));
    expect(matchLayoutConstant(e3Start)).toMatchObject({ constant: 'VMEMMAP_START', form: 'exact' });
    expect(matchLayoutConstant(e3Start)?.layouts).toContain('E3 48/4K');
    expect(matchLayoutConstant(e3Start + (1n << 41n) - 1n)).toMatchObject({ constant: 'VMEMMAP_END', form: 'minus-one' });
    expect(matchLayoutConstant(1n << 42n)).toMatchObject({ constant: 'VMEMMAP_START', form: 'negated' });
    const e4Start = U64(-(1n << 30n) - ((1n << 47n) >> 12n) * 64n);
    expect(matchLayoutConstant(e4Start)?.layouts).toContain('E4 48/4K');
  });

  test('small negated constants (E2 -END = 2 MiB) are not evidence', () => {
    expect(matchLayoutConstant(1n << 21n)).toBeUndefined();
    expect(matchLayoutConstant(0xffff_8000_0a4b_b9b0n)).toBeUndefined();
  });
});
