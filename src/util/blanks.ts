const SPACE = 0x20;
const TAB = 0x09;

/** A space or a tab: the blanks kernel lines and the prefixes around them are indented with. */
export function isBlankCode(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** The index of the first character at or after `from` that is no space or tab (the text's length if none is). */
export function afterBlanks(text: string, from = 0): number {
  let i = from;
  while (isBlankCode(text.charCodeAt(i))) i++;
  return i;
}

/** Only spaces and tabs: char tests, not a regex, as this runs on every line of every report. */
export function isBlank(text: string): boolean {
  return afterBlanks(text) === text.length;
}
