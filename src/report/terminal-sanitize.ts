import { UNSAFE_CHAR_CLASS } from '../util/unsafe-chars.js';

/** The characters of UNSAFE_CHAR_CLASS: controls (tab kept), format, separator and default-ignorable characters. */
const UNSAFE = new RegExp(UNSAFE_CHAR_CLASS, 'gu');

/** `\x1b`, `\u202e`; a code point past U+FFFF as `\u{e0041}`, where four hex digits could not hold it. */
function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * Makes text taken from a log safe to print on a terminal: control characters and invisible ones become visible
 * `\x1b`-style escapes. It runs on rendered strings only, never on the parse path.
 */
export function sanitizeTerminal(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}
