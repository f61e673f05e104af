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

/** The index just past the last character that is no space or tab (0 if none is): the text's end, trailing blanks off. */
export function beforeBlanks(text: string): number {
  let end = text.length;
  while (end > 0 && isBlankCode(text.charCodeAt(end - 1))) end -= 1;
  return end;
}

/** Only spaces and tabs: char tests, not a regex, as this runs on every line of every report. */
export function isBlank(text: string): boolean {
  return afterBlanks(text) === text.length;
}
