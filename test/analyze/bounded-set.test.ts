import { BoundedSet } from '../../src/analyze/bounded-set.js';

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
