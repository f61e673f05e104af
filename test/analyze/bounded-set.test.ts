import fc from 'fast-check';
import { FUZZ_SEED, fuzzRuns } from '../fuzz/_fuzz-params.js';
import { BoundedSet } from '../../src/analyze/bounded-set.js';
import { cutFromMiB, heapHeldBy } from '../util/held-heap.js';

test('keeps distinct values sorted, ignores undefined', () => {
  const s = new BoundedSet<number>(10);
  for (const v of [3, 1, 2, 3, undefined, 1]) s.add(v);
  expect(s.sorted()).toEqual([1, 2, 3]);
  expect(s.overflowed).toBe(false);
});

test('stops at the cap and says so', () => {
  const s = new BoundedSet<string>(2);
  for (const v of ['c', 'a', 'b', 'a']) s.add(v);
  expect(s.sorted()).toEqual(['a', 'c']);
  expect(s.overflowed).toBe(true);
});

test('keeps its strings as copies: none keeps alive the text it was cut from', () => {
  const held = heapHeldBy(() => {
    const s = new BoundedSet<string>(16);
    for (let i = 0; i < 8; i++) s.add(cutFromMiB(`6.6.${i}-00001-gabcdef012345`));
    expect(s.sorted()).toHaveLength(8);
    return s;
  });
  expect(held).toBeLessThan(2 ** 19);
});

describe('absorb', () => {
  test('a set that took the later values holds what one set fed everything would (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 40 }), fc.nat(40), fc.integer({ min: 1, max: 8 }), (values, cut, cap) => {
        const whole = new BoundedSet<number>(cap);
        for (const v of values) whole.add(v);
        const [early, later] = [new BoundedSet<number>(cap), new BoundedSet<number>(cap)];
        values.slice(0, cut).forEach((v) => early.add(v));
        values.slice(cut).forEach((v) => later.add(v));
        early.absorb(structuredClone(later));
        expect({ values: early.sorted(), overflowed: early.overflowed }).toEqual({ values: whole.sorted(), overflowed: whole.overflowed });
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(300) },
    );
  });
});
