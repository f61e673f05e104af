/** `text` cut to at most `maxChars` code points, with `…` marking the cut. */
export function clipText(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}
