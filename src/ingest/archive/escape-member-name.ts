/** Makes an untrusted member name safe to print: control characters, DEL, C1 controls, backslashes and
 *  bidirectional overrides become `\xNN` / `\u{NNNN}` escapes. */
export function escapeMemberName(name: string): string {
  let out = '';
  for (const ch of name) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return out;
}
