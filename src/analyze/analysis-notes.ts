/**
 * Notes that describe an input rather than say that something in it went unanalyzed or may be wrong: what it was
 * decoded from. A report shows every note; a triage summary lists only the others, as warnings. An empty input is one
 * of those: in a CI archive it is a console that captured nothing (a failed upload), not a clean log.
 */
export const EMPTY_INPUT_NOTE = 'empty input';
export const BLANK_INPUT_NOTE = 'input holds only whitespace';
const ENCODING_PREFIX = 'input decoded as ';

export function encodingNote(encoding: string): string {
  return `${ENCODING_PREFIX}${encoding}`;
}

export function isInformationalNote(note: string): boolean {
  return note.startsWith(ENCODING_PREFIX);
}
