/**
 * `text` as a string that shares no memory with it. A substring V8 cuts from a longer string (a line from a batch
 * split2 decoded, a name from a line) points into its parent and keeps all of the parent alive; a memo that keeps
 * a key or a value beyond the line keeps this copy instead. Prepending a character makes a new string, and cutting
 * it off again flattens that string into fresh memory first.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** V8 copies a substring shorter than this (SlicedString::kMinLength) instead of pointing into its parent. */
const SLICE_MIN_LENGTH = 13;

/**
 * `ownCopy` for a whole structure of plain objects, arrays and Maps (a splat kept as a cluster's example): a copy
 * whose strings are own copies. Objects of a class are shared, not copied. Four times as fast as structuredClone on
 * a 60-line splat (25 against 95 µs).
 */
export function ownDeepCopy<T>(value: T): T {
  return copyOf(value) as T;
}

function copyOf(value: unknown): unknown {
  if (typeof value === 'string') return value.length < SLICE_MIN_LENGTH ? value : ownCopy(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOf);
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    for (const [key, item] of value) copy.set(copyOf(key), copyOf(item));
    return copy;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyOf(item);
  return copy;
}
