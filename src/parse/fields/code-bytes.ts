/** `Code: 910003fd f9000bf3 aa0003f3 97932e41 (08dffe60)` → the instruction words as printed. */
export function parseCodeLine(text: string): string | undefined {
  return text.startsWith('Code: ') ? /^Code: (.+?)\s*$/.exec(text)?.[1] : undefined;
}
