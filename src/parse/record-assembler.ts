import type { LogRecord } from './types.js';
import { stripByRules, stripPrintkTimeOnly, stripQuoting, type StrippedLine } from './prefix.js';
import { isKmsgContinuation, isKmsgRecord } from './prefix-kmsg.js';
import { decodeQuotedPrintable, mayNameTransferEncoding, QuotedPrintableDetector, softBreakBody } from './quoted-printable.js';
import { Base64Body, type DecodedLine } from './base64-body.js';
import { frameAfterEmptyStamp, joinWrapped, mayContinue } from './wrap-joins.js';
import { PastedIndent } from './pasted-indent.js';
import { isBlank } from '../util/blanks.js';
import { checkLineNo, isNextLine, refuseLine } from '../ingest/check-line.js';

/** Quoted-printable lines joined so far by soft breaks (a cut line never ends in one: its end is lost). */
interface SoftBrokenLine {
  lineNo: number;
  body: string;
}

function toRecord(lineNo: number, s: StrippedLine, truncated: boolean): LogRecord {
  // The printk time in the literal: added after it, it had taken a second allocation (the object's out-of-line
  // property store) for every record of a log with printk times.
  const rec: LogRecord = s.ts === undefined ? { lineNo, text: s.text } : { lineNo, text: s.text, ts: s.ts };
  if (s.wallTime !== undefined) rec.wallTime = s.wallTime;
  if (s.level !== undefined) rec.level = s.level;
  if (s.caller !== undefined) rec.caller = s.caller;
  if (s.host !== undefined) rec.host = s.host;
  if (s.fromDmesg) rec.fromDmesg = true;
  if (truncated) rec.truncated = true;
  if (s.foreign) rec.foreign = true;
  return rec;
}

/**
 * A line with a printk/dmesg/syslog/kmsg/LAVA prefix of its own starts a record; it cannot be a wrapped rest.
 * Mail quoting does not count: the mail client quotes the wrapped rest too.
 */
function hasOwnPrefix(line: string, strippedText: string): boolean {
  return strippedText !== stripQuoting(line);
}

/**
 * The lines of a record whose message holds newlines, which no physical line does: a prefix rule decoded them
 * (`/dev/kmsg`'s `\x0a`, a journal entry's `\n`, rsyslog's `#012` in a kernel line). Undefined for one line.
 */
function recordLines(text: string): string[] | undefined {
  return text.includes('\n') ? text.split('\n') : undefined;
}

/** A printk-stamped line with no text: what a mail client leaves of a stamped frame it wrapped after the stamp. */
function isEmptyStamp(rec: LogRecord): boolean {
  return rec.ts !== undefined && isBlank(rec.text);
}

/**
 * Physical lines → LogRecords. Decodes base64 mail bodies (each decoded line read as a line), joins quoted-printable
 * soft breaks (only in QP mail), drops `/dev/kmsg` ` KEY=value`
 * continuation lines, and joins console lines a mail client or terminal wrapped (see WRAP_JOINS). Every other line
 * is its own record, returned as soon as it is pushed. A record's lineNo is its first physical line.
 */
export class RecordAssembler {
  private readonly qp = new QuotedPrintableDetector();
  private readonly base64 = new Base64Body();
  /** What the base64 body decoded from the line pushed, reused. */
  private readonly decoded: DecodedLine[] = [];
  private readonly indent = new PastedIndent();
  private softBroken: SoftBrokenLine | undefined;
  /** A record that may still be joined with the next line. */
  private pending: LogRecord | undefined;
  private afterKmsgRecord = false;
  /** The line pushed last: the next must come after it. */
  private lastLineNo = 0;

  /**
   * True while a held line may still be joined with the next one. Also true throughout quoted-printable mail: a
   * soft break can split a trigger word, so the reader must not skip the half that does not contain it.
   */
  get wantsNextLine(): boolean {
    return this.pending !== undefined || this.softBroken !== undefined || this.qp.active || this.base64.active;
  }

  /** Holds nothing after line `lineNo`, in a state a fresh assembler starting at the next line would share. */
  settledAt(lineNo: number): boolean {
    checkLineNo('RecordAssembler.settledAt', lineNo);
    return this.pending === undefined && this.softBroken === undefined && this.qp.settledAt(lineNo) && !this.base64.active;
  }

  /**
   * Takes physical line `lineNo` (1-based, after the last one pushed; `truncated`: cut at the line cap) and returns the
   * records it completes. Arguments of the wrong kind, or a line number that does not come after the last, are a
   * UsageError.
   */
  push(lineNo: number, line: string, truncated: boolean): LogRecord[] {
    if (!isNextLine(this.lastLineNo, lineNo, line, truncated)) refuseLine('RecordAssembler.push', this.lastLineNo, lineNo, line, truncated);
    this.lastLineNo = lineNo;
    const out: LogRecord[] = [];
    if (this.base64.active || mayNameTransferEncoding(line)) {
      const inBase64 = this.base64.take(lineNo, line, truncated, this.decoded);
      if (this.decoded.length > 0) this.pushDecoded(out);
      if (inBase64) return out;
    }
    if (!this.qp.observe(lineNo, line)) {
      this.flushSoftBroken(out);
      this.pushLogical(lineNo, line, truncated, out);
      return out;
    }
    const body = softBreakBody(line);
    if (body !== undefined && !truncated) {
      if (this.softBroken) this.softBroken.body += body;
      else this.softBroken = { lineNo, body };
      return out;
    }
    const head = this.softBroken;
    this.softBroken = undefined;
    const joined = head ? head.body + line : line;
    this.pushLogical(head?.lineNo ?? lineNo, decodeQuotedPrintable(joined), truncated, out);
    return out;
  }

  flush(): LogRecord[] {
    const out: LogRecord[] = [];
    this.base64.flush(this.decoded);
    this.pushDecoded(out);
    this.flushSoftBroken(out);
    this.emitPending(out);
    return out;
  }

  /** The lines decoded from a base64 body, each read as a line of the log. */
  private pushDecoded(out: LogRecord[]): void {
    for (const d of this.decoded) this.pushLogical(d.lineNo, d.text, d.truncated, out);
    this.decoded.length = 0;
  }

  private flushSoftBroken(out: LogRecord[]): void {
    const head = this.softBroken;
    if (!head) return;
    this.softBroken = undefined;
    this.pushLogical(head.lineNo, decodeQuotedPrintable(head.body), false, out);
  }

  private pushLogical(lineNo: number, line: string, truncated: boolean, out: LogRecord[]): void {
    if (this.afterKmsgRecord && isKmsgContinuation(line)) return;
    this.afterKmsgRecord = isKmsgRecord(line);
    // The one-step path of a plain printk line is most lines, and never decodes a newline: no look for one.
    const quick = stripPrintkTimeOnly(line);
    if (quick !== undefined) {
      this.pushStripped(lineNo, line, quick, truncated, out);
      return;
    }
    const stripped = stripByRules(line);
    const lines = recordLines(stripped.text);
    if (lines === undefined) {
      this.pushStripped(lineNo, line, stripped, truncated, out);
      return;
    }
    // Each line of a record printed with embedded newlines, as the console prints it: the record's prefix on each.
    const last = lines.length - 1;
    lines.forEach((text, i) => this.pushStripped(lineNo, i === 0 ? line : undefined, { ...stripped, text }, truncated && i === last, out));
  }

  /** One line's stripped text and fields; `line` is the physical line, undefined for a later line of its record. */
  private pushStripped(lineNo: number, line: string | undefined, stripped: StrippedLine, truncated: boolean, out: LogRecord[]): void {
    // Whether the line had a prefix of its own is asked of the text before the pasted indent comes off, and only of
    // a line that may continue a held one: the question strips the line's quoting again.
    const beforeIndent = stripped.text;
    stripped.text = this.indent.strip(beforeIndent);
    const pending = this.pending;
    if (pending) {
      const ownPrefix = line === undefined || hasOwnPrefix(line, beforeIndent);
      const joined = ownPrefix ? undefined : isEmptyStamp(pending) ? frameAfterEmptyStamp(stripped.text) : joinWrapped(pending.text, stripped.text);
      if (joined !== undefined) {
        pending.text = joined;
        if (truncated) pending.truncated = true;
        if (truncated || !mayContinue(joined)) this.emitPending(out);
        return;
      }
      this.emitPending(out);
    }
    const rec = toRecord(lineNo, stripped, truncated);
    if (!truncated && !rec.foreign && (mayContinue(rec.text) || isEmptyStamp(rec))) this.pending = rec;
    else out.push(rec);
  }

  private emitPending(out: LogRecord[]): void {
    if (this.pending) out.push(this.pending);
    this.pending = undefined;
  }
}
