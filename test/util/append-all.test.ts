import { appendAll } from '../../src/util/append-all.js';

describe('appendAll', () => {
  test('appends in order and returns the array it was given', () => {
    const out = ['a'];
    expect(appendAll(out, ['b', 'c'])).toBe(out);
    expect(out).toEqual(['a', 'b', 'c']);
  });

  test('takes any iterable', () => {
    expect(appendAll([0], new Set([1, 2]))).toEqual([0, 1, 2]);
  });

  test('half a million items: more than a spread call can pass', () => {
    const items = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    expect(appendAll([], items)).toHaveLength(500_000);
  });
});
