import fc from 'fast-check';
import { matchRegisterConstants, type ConstantHit, type RegisterValue } from '../../src/layout/register-match.js';
import { computeConstants } from '../../src/layout/constants.js';
import { shapes } from '../../src/layout/hypotheses.js';
import { neg64, u64 } from '../../src/layout/u64.js';
import type { Era } from '../../src/layout/types.js';

/**
 * The definition, one comparison at a time: every shape, every register, START then END, forms in order; a negated
 * form below 2^32 is a size (SZ_2M, SZ_1G), not a constant.
 */
function naiveMatch(regs: readonly RegisterValue[], structPageSize: number, eras: readonly Era[]): ConstantHit[] {
  const hits: ConstantHit[] = [];
  for (const shape of shapes(eras)) {
    const c = computeConstants({ ...shape, structPageSize, memstart: 0n, sectionShift: 30 });
    for (const r of regs) {
      for (const [constant, value] of [['VMEMMAP_START', c.vmemmapStart], ['VMEMMAP_END', c.vmemmapEnd]] as const) {
        const forms = [['exact', value], ['minus-one', u64(value - 1n)], ['plus-one', u64(value + 1n)], ['negated', neg64(value)]] as const;
        const form = forms.find(([f, v]) => v === u64(r.value) && !(f === 'negated' && v < 1n << 32n))?.[0];
        if (form === undefined) continue;
        const n = neg64(value);
        const strong = !(n !== 0n && (n & (n - 1n)) === 0n && n <= 1n << 30n);
        hits.push({ ...shape, reg: r.reg, constant, form, value, registerValue: u64(r.value), strong, ...(r.lineNo !== undefined && { lineNo: r.lineNo }) });
      }
    }
  }
  return hits;
}

describe('matchRegisterConstants', () => {
  test('E3 48/4K VMEMMAP_START (-2^42) also names E3 52/64K: both hits are returned', () => {
    const hits = matchRegisterConstants([{ reg: 'x5', value: 0xfffffc0000000000n }], 64);
    expect(hits.map((h) => [h.era, h.pageShift, h.vaBits, h.constant, h.form]).sort()).toEqual(
      [
        ['E3', 12, 48, 'VMEMMAP_START', 'exact'],
        ['E3', 16, 52, 'VMEMMAP_START', 'exact'],
      ].sort(),
    );
    expect(hits.every((h) => h.strong)).toBe(true);
  });

  test.each([
    // E3 48/4K VMEMMAP_END = 0xfffffe0000000000.
    [0xfffffe0000000000n - 1n, 'minus-one'],
    [0xfffffe0000000000n + 1n, 'plus-one'],
    [0x20000000000n, 'negated'],
  ])('%s is the %s form', (value, form) => {
    const hit = matchRegisterConstants([{ reg: 'x1', value }], 64).find((h) => h.era === 'E3' && h.pageShift === 12);
    expect(hit?.form).toBe(form);
  });

  test('-2M (E2 VMEMMAP_END, also PMD_MASK) is a weak hit', () => {
    const hits = matchRegisterConstants([{ reg: 'x2', value: 0xffffffffffe00000n }], 64);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.era === 'E2' && !h.strong)).toBe(true);
  });

  test.each([
    // -(E2 VMEMMAP_END = -2M) = SZ_2M, also one 4K section's memmap: 2^(27-12) pages * 64 bytes = 0x200000.
    ['SZ_2M', 0x20_0000n],
    // -(E4 VMEMMAP_END = -1G) = SZ_1G.
    ['SZ_1G', 0x4000_0000n],
  ])('%s is a size, not a negated constant: no hit', (_name, value) => {
    expect(matchRegisterConstants([{ reg: 'x2', value }], 64)).toEqual([]);
  });

  test('a hit keeps the value the register held beside the constant it names', () => {
    // E3 48/4K VMEMMAP_END = 0xfffffe0000000000, negated 0x20000000000.
    const hit = matchRegisterConstants([{ reg: 'x9', value: 0x200_0000_0000n }], 64).find((h) => h.era === 'E3' && h.pageShift === 12);
    expect(hit).toMatchObject({ form: 'negated', value: 0xfffffe0000000000n, registerValue: 0x200_0000_0000n });
  });

  test('an unrelated value matches nothing', () => {
    expect(matchRegisterConstants([{ reg: 'x0', value: 0xffffffffaee00000n }], 64)).toEqual([]);
  });

  test('the value index gives exactly the hits, in the order, of comparing every form of every constant', () => {
    const ERAS: readonly Era[] = ['E2', 'E3', 'E4'];
    const named = shapes(ERAS).flatMap((shape) => {
      const c = computeConstants({ ...shape, structPageSize: 64, memstart: 0n, sectionShift: 30 });
      return [c.vmemmapStart, c.vmemmapEnd].flatMap((v) => [v, u64(v - 1n), u64(v + 1n), neg64(v)]);
    });
    const value = fc.oneof(fc.constantFrom(...named), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.bigInt({ min: -(1n << 63n), max: -1n }));
    const reg = fc.record({ reg: fc.constantFrom('x0', 'x1', 'x19', 'sp'), value, lineNo: fc.option(fc.nat(), { nil: undefined }) }, { requiredKeys: ['reg', 'value'] });
    fc.assert(
      fc.property(fc.array(reg, { maxLength: 31 }), fc.constantFrom(56, 64, 72), fc.subarray([...ERAS], { minLength: 1 }), (regs, size, eras) => {
        const clean = regs.map((r) => (r.lineNo === undefined ? { reg: r.reg, value: r.value } : r));
        expect(matchRegisterConstants(clean, size, eras)).toEqual(naiveMatch(clean, size, eras));
      }),
      { numRuns: 300 },
    );
  });
});
