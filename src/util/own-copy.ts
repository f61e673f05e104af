/**
 * `text` as a string that shares no memory with it. A substring V8 cuts from a longer string (a line from a batch
 * split2 decoded, a name from a line) points into its parent and keeps all of the parent alive; a memo that keeps
 * a key or a value beyond the line keeps this copy instead. Prepending a character makes a new string, and cutting
 * it off again flattens that string into fresh memory first.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
