/**
 * C0 controls except tab (ESC starts terminal escape sequences, CR/BS overwrite what was printed), DEL, C1 controls
 * (U+009B is a one-byte CSI), bidirectional overrides/isolates (they reorder what the reader sees) and zero-width
 * characters (U+200B-U+200D, U+2060, U+FEFF: two titles that look the same could differ by one).
 */
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Makes text taken from a log safe to print on a terminal: control characters become visible `\x1b`-style escapes. */
export function sanitizeTerminal(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}
