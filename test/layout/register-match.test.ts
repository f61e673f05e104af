import { matchRegisterConstants } from '../../src/layout/register-match.js';

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

  test('an unrelated value matches nothing', () => {
    expect(matchRegisterConstants([{ reg: 'x0', value: 0xffffffffaee00000n }], 64)).toEqual([]);
  });
});
