import { BoundedMemo } from '../../src/util/bounded-memo.js';

test('keeps answers until the limit, then starts again empty', () => {
  const memo = new BoundedMemo<number>(3);
  for (const [key, value] of [['a', 1], ['b', 2], ['c', 3]] as const) memo.set(key, value);
  expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.get('d')]).toEqual([1, 2, 3, undefined]);
  memo.set('d', 4);
  expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.get('d')]).toEqual([undefined, undefined, undefined, 4]);
});

test('a key set again keeps its latest answer', () => {
  const memo = new BoundedMemo<string>(8);
  memo.set('k', 'first');
  memo.set('k', 'second');
  expect(memo.get('k')).toBe('second');
});
