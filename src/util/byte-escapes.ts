const utf8 = new TextDecoder('utf-8');

/**
 * `text` with each run of byte escapes decoded as UTF-8 (`=E2=80=99` in quoted-printable, `\xe2\x80\x99` in
 * /dev/kmsg, are both `’`); other text is kept. Every escape starts with `marker` and is `width` characters long;
 * `byteAt(text, i)` gives the byte of the escape at `i`, or -1 where there is none.
 */
export function decodeByteEscapes(text: string, marker: string, width: number, byteAt: (text: string, i: number) => number): string {
  let at = text.indexOf(marker);
  if (at === -1) return text;
  let out = text.slice(0, at);
  while (at < text.length) {
    const bytes: number[] = [];
    for (let b = byteAt(text, at); b >= 0; b = byteAt(text, at)) {
      bytes.push(b);
      at += width;
    }
    if (bytes.length > 0) {
      out += utf8.decode(Uint8Array.from(bytes));
      continue;
    }
    const next = text.indexOf(marker, at + 1);
    const end = next === -1 ? text.length : next;
    out += text.slice(at, end);
    at = end;
  }
  return out;
}
