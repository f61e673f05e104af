/** `Code: 910003fd f9000bf3 aa0003f3 97932e41 (08dffe60)` → the instruction words as printed. */
export function parseCodeLine(text: string): string | undefined {
  // trimEnd, not a lazy `(.+?)\s*$`: that is quadratic in a long run of blanks.
  return text.startsWith('Code: ') ? text.slice('Code: '.length).trimEnd() || undefined : undefined;
}
