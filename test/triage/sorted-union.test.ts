import { sortedUnion } from '../../src/triage/sorted-union.js';

describe('sortedUnion', () => {
  test.each([
    [[], [], []],
    [['b', 'a'], [], ['a', 'b']],
    [['6.6.33', '6.1.0'], ['6.1.0', '5.10.2'], ['5.10.2', '6.1.0', '6.6.33']],
    // Repeats inside one list go too.
    [['x', 'x'], ['x'], ['x']],
    // Code-unit order: upper case sorts before lower case.
    [['acme'], ['Zeta'], ['Zeta', 'acme']],
  ])('%j ∪ %j = %j', (a, b, want) => {
    expect(sortedUnion(a, b)).toEqual(want);
  });

  test('numbers sort by value, not as text', () => {
    expect(sortedUnion([10, 9], [100, 2])).toEqual([2, 9, 10, 100]);
  });

  test.each([
    [0, []],
    [2, ['a', 'b']],
    // The union has 4 values: a cap above that keeps them all.
    [10, ['a', 'b', 'c', 'd']],
  ])('cap %i keeps the first values of the sorted union', (cap, want) => {
    expect(sortedUnion(['d', 'b'], ['c', 'a', 'b'], cap)).toEqual(want);
  });

  test('cutting each side first then the union gives the same as cutting the union (associative with a cap)', () => {
    const a = ['e', 'a', 'c'];
    const b = ['d', 'b', 'f'];
    const c = ['g', 'a'];
    expect(sortedUnion(sortedUnion(a, b, 3), c, 3)).toEqual(sortedUnion(a, sortedUnion(b, c, 3), 3));
    expect(sortedUnion(sortedUnion(a, b, 3), c, 3)).toEqual(['a', 'b', 'c']);
  });

  test('leaves its inputs alone', () => {
    const a = ['z', 'y'];
    const b = ['x'];
    sortedUnion(a, b, 1);
    expect([a, b]).toEqual([['z', 'y'], ['x']]);
  });
});
