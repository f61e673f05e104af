import { UNSAFE_CHAR_CLASS } from '../../util/unsafe-chars.js';

/** One character of UNSAFE_CHAR_CLASS (the same set sanitizeTerminal escapes). */
const UNSAFE = new RegExp(`^${UNSAFE_CHAR_CLASS}$`, 'u');

/** Makes an untrusted member name safe to print: control characters, DEL, C1 controls, backslashes, and format,
 *  separator and default-ignorable characters (bidirectional overrides, zero-width and tag characters) become
 *  `\xNN` / `\u{NNNN}` escapes. */
export function escapeMemberName(name: string): string {
  let out = '';
  for (const ch of name) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (UNSAFE.test(ch)) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return out;
}
