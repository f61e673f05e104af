import { transferEncodingOf } from './quoted-printable.js';

/**
 * Base64 mail bodies (RFC 2045 §6.8), as a mail archive stores a log sent as a text part or attachment
 * (`Content-Transfer-Encoding: base64`, then the part's other headers, a blank line, and lines of base64). Node's
 * Buffer decodes; the decoded bytes are split at LF into the log's own lines.
 */

/** One line of the decoded log: the physical line its first byte was encoded on, its text, and whether it was cut. */
export interface DecodedLine {
  lineNo: number;
  text: string;
  truncated: boolean;
}

/** A line of base64: its alphabet, then the padding. */
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
/** A decoded line is cut here, as the reader cuts a physical line (its default --max-line-bytes). */
export const MAX_DECODED_LINE_BYTES = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;

type State = 'off' | 'headers' | 'body';

/**
 * Follows the transfer encoding through a mail archive and decodes the base64 bodies. `take` sees every line: the
 * header turns it on, the part's headers pass by, and from the blank line after them each base64 line is decoded
 * instead of read; the first other line (a blank line, a MIME boundary, the next mail's `From `) ends the body.
 */
export class Base64Body {
  private state: State = 'off';
  /** Base64 characters of the body not yet decoded: fewer than four. */
  private carry = '';
  /** Bytes of the decoded line not yet ended. */
  private bytes: Buffer[] = [];
  private byteCount = 0;
  private cut = false;
  /** The physical line the decoded line not yet ended started on, and the last line of base64 read. */
  private lineNo = 0;
  private lastLineNo = 0;

  /** Between the header and the end of its body: every line must be read, as base64 hides the needles. */
  get active(): boolean {
    return this.state !== 'off';
  }

  /**
   * True when `line` is a line of a base64 body: what it decoded to is in `out` (no line, or several). False when the
   * line is to be read as it is; `out` then holds the end of a body the line closed, if any.
   */
  take(lineNo: number, line: string, truncated: boolean, out: DecodedLine[]): boolean {
    if (this.state === 'off') {
      if (transferEncodingOf(line) === 'base64') this.state = 'headers';
      return false;
    }
    if (this.state === 'headers') {
      const encoding = transferEncodingOf(line);
      if (encoding !== undefined && encoding !== 'base64') this.state = 'off';
      else if (line.trim() === '') this.state = 'body';
      else if (line.startsWith('From ')) this.state = 'off';
      return false;
    }
    const body = line.trimEnd();
    if (truncated || !BASE64_LINE.test(body)) {
      this.end(out);
      // A boundary's or a mail's next part may name base64 again.
      if (transferEncodingOf(line) === 'base64') this.state = 'headers';
      return false;
    }
    this.decode(lineNo, body, out);
    return true;
  }

  /** Ends a body cut off by the end of the input. */
  flush(out: DecodedLine[]): void {
    if (this.state === 'body') this.end(out);
    this.state = 'off';
  }

  private decode(lineNo: number, body: string, out: DecodedLine[]): void {
    const chars = this.carry + body;
    const whole = chars.length - (chars.length % 4);
    this.carry = chars.slice(whole);
    this.lastLineNo = lineNo;
    this.split(lineNo, Buffer.from(chars.slice(0, whole), 'base64'), out);
  }

  /** Decoded bytes into lines: each LF ends one. */
  private split(lineNo: number, bytes: Buffer, out: DecodedLine[]): void {
    let from = 0;
    for (let nl = bytes.indexOf(LF); nl !== -1; nl = bytes.indexOf(LF, from)) {
      this.keep(lineNo, bytes.subarray(from, nl));
      this.emit(out);
      from = nl + 1;
    }
    if (from < bytes.length) this.keep(lineNo, bytes.subarray(from));
  }

  private keep(lineNo: number, piece: Buffer): void {
    if (this.byteCount === 0 && !this.cut) this.lineNo = lineNo;
    const room = MAX_DECODED_LINE_BYTES - this.byteCount;
    if (piece.length > room) this.cut = true;
    const kept = piece.length > room ? piece.subarray(0, Math.max(0, room)) : piece;
    if (kept.length === 0) return;
    this.bytes.push(Buffer.from(kept));
    this.byteCount += kept.length;
  }

  private emit(out: DecodedLine[]): void {
    let line = Buffer.concat(this.bytes);
    if (line.length > 0 && line[line.length - 1] === CR) line = line.subarray(0, -1);
    out.push({ lineNo: this.lineNo, text: line.toString('utf8'), truncated: this.cut });
    this.bytes = [];
    this.byteCount = 0;
    this.cut = false;
  }

  private end(out: DecodedLine[]): void {
    // Unpadded base64: what its last characters hold.
    if (this.carry.length > 0) this.split(this.lastLineNo, Buffer.from(this.carry, 'base64'), out);
    if (this.byteCount > 0 || this.cut) this.emit(out);
    this.carry = '';
    this.state = 'off';
  }
}
