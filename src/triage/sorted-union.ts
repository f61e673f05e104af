/** Union of two sorted lists, sorted, first `cap` kept: associative and commutative, so merge order never matters. */
export function sortedUnion<T extends string | number>(a: readonly T[], b: readonly T[], cap = Infinity): T[] {
  const all = [...new Set([...a, ...b])];
  all.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return all.slice(0, cap);
}
