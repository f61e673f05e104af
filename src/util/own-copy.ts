/**
 * `text` as a string that shares no memory with it. A substring V8 cuts from a longer string (a line from a batch
 * split2 decoded, a name from a line) points into its parent and keeps all of the parent alive; a memo that keeps
 * a key or a value beyond the line keeps this copy instead. Prepending a character makes a new string, and cutting
 * it off again flattens that string into fresh memory first.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * `ownCopy` for a whole structure (a splat kept as a cluster's example): structured cloning writes out every string
 * it holds and reads it back into fresh memory. A report printed while other tasks printed theirs (caller ids) has
 * each of its lines in another split2 batch, so keeping its records as they are would keep one batch per line.
 */
export function ownDeepCopy<T>(value: T): T {
  return structuredClone(value);
}
