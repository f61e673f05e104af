/**
 * Notes that describe an input rather than say that something in it went unanalyzed: what it was decoded from, or
 * that it held nothing. A report shows every note; a triage summary lists only the others, as warnings.
 */
export const EMPTY_INPUT_NOTE = 'empty input';
export const BLANK_INPUT_NOTE = 'input holds only whitespace';
const ENCODING_PREFIX = 'input decoded as ';

export function encodingNote(encoding: string): string {
  return `${ENCODING_PREFIX}${encoding}`;
}

export function isInformationalNote(note: string): boolean {
  return note === EMPTY_INPUT_NOTE || note === BLANK_INPUT_NOTE || note.startsWith(ENCODING_PREFIX);
}
