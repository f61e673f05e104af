/** Appends every item to `out` and returns it: `out.push(...items)` overflows the call stack past ~100 000 items. */
export function appendAll<T>(out: T[], items: Iterable<T>): T[] {
  for (const item of items) out.push(item);
  return out;
}
