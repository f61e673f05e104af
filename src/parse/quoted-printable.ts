/**
 * Quoted-printable mail bodies (RFC 2045 §6.7) as raw mail archives store them: `=XX` byte escapes (`=3D` is
 * `=`) and soft line breaks (`=` at the end of a line joins it with the next).
 */

import { decodeByteEscapes } from '../util/byte-escapes.js';

/**
 * The needle that must reach the assembler, on the fast path too, for it to see where quoted-printable mail starts
 * and where the next mail's body is something else: the transfer-encoding header, as mailers write it. Escapes and
 * soft breaks (`=3D`, `=` at a line's end) are found by the feeder's own markers.
 */
export const QP_TRIGGERS: readonly string[] = ['Content-Transfer-Encoding:'];

const TRANSFER_ENCODING = /^content-transfer-encoding:\s*(\S+)/i;

/**
 * The encoding a `Content-Transfer-Encoding:` header names, lower-case (`quoted-printable`, `base64`, `8bit`), or
 * undefined when the line is no such header. A first-character test keeps the regex off other lines.
 */
export function transferEncodingOf(line: string): string | undefined {
  if (!mayNameTransferEncoding(line)) return undefined;
  return TRANSFER_ENCODING.exec(line)?.[1]!.toLowerCase();
}

/** The line starts as a `Content-Transfer-Encoding:` header does, with a `C` or a `c`: the cheap test before the regex. */
export function mayNameTransferEncoding(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 67 || c === 99;
}
/**
 * `=3D`, an encoded space right before a soft break, or an encoded UTF-8 lead + continuation byte. A bare `=20`
 * is not evidence: real console lines print it (`DQ12 =20, DQ13 =17, DQ14 =17, DQ15 =20`, DRAM calibration).
 */
const QP_ESCAPE_EVIDENCE = /=3D|=20=\s*$|=[C-F][0-9A-F]=[89AB][0-9A-F]/;
/** How far (in lines) a soft break may follow the escape that makes it believable. */
const EVIDENCE_WINDOW_LINES = 50;


function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

function escapeAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== 61) return -1;
  const hi = hexValue(text.charCodeAt(i + 1));
  const lo = hexValue(text.charCodeAt(i + 2));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** Decodes `=XX` escapes; runs of escapes are UTF-8 bytes (`=E2=80=99` is `’`). Other text is kept. */
export function decodeQuotedPrintable(body: string): string {
  return decodeByteEscapes(body, '=', 3, escapeAt);
}

/** The line without its soft break when it ends in one (trailing white space is transport padding), else undefined. */
export function softBreakBody(line: string): string | undefined {
  const trimmed = line.trimEnd();
  return trimmed.endsWith('=') ? trimmed.slice(0, -1) : undefined;
}

/**
 * Decides from the raw lines whether they are quoted-printable: a `Content-Transfer-Encoding:` header says so
 * (and a later one, or an mbox `From ` separator, ends it); without a header, a soft break within
 * EVIDENCE_WINDOW_LINES after QP_ESCAPE_EVIDENCE turns it on. A kernel line merely containing `=3D`
 * or ending in `=` alone never does.
 */
export class QuotedPrintableDetector {
  private on = false;
  private lastEvidenceLine = Number.NEGATIVE_INFINITY;

  get active(): boolean {
    return this.on;
  }

  /** Off, and no evidence near enough to `lineNo` to turn it on later: a fresh detector would decide the same. */
  settledAt(lineNo: number): boolean {
    return !this.on && lineNo - this.lastEvidenceLine > EVIDENCE_WINDOW_LINES;
  }

  /** Observes one raw line and returns whether it is quoted-printable. */
  observe(lineNo: number, line: string): boolean {
    const encoding = transferEncodingOf(line);
    if (encoding !== undefined) return (this.on = encoding === 'quoted-printable');
    if (line.charCodeAt(0) === 70 && line.startsWith('From ')) return (this.on = false);
    if (this.on || !line.includes('=')) return this.on;
    if (QP_ESCAPE_EVIDENCE.test(line)) this.lastEvidenceLine = lineNo;
    if (softBreakBody(line) !== undefined && lineNo - this.lastEvidenceLine <= EVIDENCE_WINDOW_LINES) this.on = true;
    return this.on;
  }
}
