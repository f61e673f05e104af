/** `text` cut to at most `maxChars` code points, with `…` marking the cut. */
export function clipText(text: string, maxChars: number): string {
  // A code point is at most two UTF-16 units: only the head can matter, and a 100 MiB line must not become an array.
  if (text.length <= maxChars) return text;
  const chars = [...text.slice(0, 2 * maxChars)];
  return chars.length <= maxChars && text.length <= 2 * maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}
