import type { LogRecord, Splat } from './types.js';
import { matchHeader, type HeaderMatch } from './formats.js';
import { isUserspaceMessage, SplatBuilder } from './splat-builder.js';
import { RULE } from './rule-line.js';
import { ungluedHeader } from './glued-header.js';

const CUT_HERE = ' cut here ';

/**
 * Lines that announce the report printed next: `------------[ cut here ]------------`, arm32 `8<--- cut here ---`,
 * and the `=====` rule above lockdep and KASAN reports. The same as `/-{3,}\[? cut here \]?-{3,}/` but without
 * the regex, which is quadratic in a long run of dashes.
 */
export function isOpener(text: string): boolean {
  if (text.charCodeAt(0) === 0x3d && RULE.test(text)) return true;
  for (let at = text.indexOf(CUT_HERE); at !== -1; at = text.indexOf(CUT_HERE, at + 1)) {
    const before = text[at - 1] === '[' ? at - 1 : at;
    const after = text[at + CUT_HERE.length] === ']' ? at + CUT_HERE.length + 1 : at + CUT_HERE.length;
    if (text.endsWith('---', before) && text.startsWith('---', after)) return true;
  }
  return false;
}
/** How many records may sit between an opener and its header. */
const OPENER_REACH = 5;
const DEFAULT_MAX_SPLAT_LINES = 400;
/**
 * Records of other CPUs or tasks after which a report that has its trace, and whose own context printed nothing
 * more, is over. Without it such a report stayed open to the end of the log, and kept the reader on its every-line
 * path: a 100 MiB log with caller ids took 1.2-1.4 s after one early WARNING, 0.25-0.3 s without it.
 */
const MAX_SILENT_RECORDS = 256;
/**
 * The same for a report still waiting for its trace, which is then cut short: a CPU that froze after its header
 * (a hard lockup) had left the reader on its every-line path to the end of the log too.
 */
const MAX_SILENT_RECORDS_BEFORE_TRACE = 4096;

/** Why a report still waiting for its call trace was cut short, if it was. */
function cutShort(builder: SplatBuilder, reason: string): string[] {
  return builder.state === 'body' && !builder.format.until ? [reason] : [];
}

/**
 * Splits a stream of records into splats, one report each. Reports of different CPUs or tasks are kept apart by
 * printk caller id when the log has one. Only open reports are held, each capped at `maxSplatLines` records.
 */
export class Segmenter {
  private readonly onSplat: (s: Splat) => void;
  private readonly maxSplatLines: number;
  private readonly open = new Map<string, SplatBuilder>();
  private readonly openers = new Map<string, LogRecord[]>();
  /**
   * Records pushed, and the open reports in the order their contexts last printed: one queue for reports past their
   * trace, one for those before or inside it. A context is moved to the end of its queue when it prints, so each
   * runs from the longest silent, and a sweep stops at the first report not silent long enough (a walk over every
   * open report on every record had taken 16.5 s for 100k tasks' reports).
   */
  private records = 0;
  private readonly pastTraceQueue = new Map<string, SplatBuilder>();
  private readonly beforeTraceQueue = new Map<string, SplatBuilder>();
  /** No report can be silent long enough before this record count: a sweep need not look (most records). */
  private nextSweep = 0;
  /** The context filed last, so already at the end of `tailQueue`: a report's next line need not move it. */
  private tailContext: string | undefined;
  private tailQueue: Map<string, SplatBuilder> | undefined;
  private boot = 0;

  constructor(opts: { onSplat: (s: Splat) => void; maxSplatLines?: number }) {
    this.onSplat = opts.onSplat;
    this.maxSplatLines = Math.max(1, opts.maxSplatLines ?? DEFAULT_MAX_SPLAT_LINES);
  }

  get wantsEveryLine(): boolean {
    return this.open.size > 0 || this.openers.size > 0;
  }

  /** The oldest boot a report still open was printed in: its splat, not yet closed, may yet want its facts. */
  get oldestOpenBoot(): number | undefined {
    let oldest: number | undefined;
    for (const builder of this.open.values()) if (oldest === undefined || builder.bootIndex < oldest) oldest = builder.bootIndex;
    return oldest;
  }

  /**
   * No report is open, and the only opener waiting is line `lineNo` itself: the state a fresh segmenter reaches
   * by reading line `lineNo` alone (analyze/parts/ starts the next part there).
   */
  settledAt(lineNo: number): boolean {
    if (this.open.size > 0 || this.openers.size > 1) return false;
    const [pending] = this.openers.values();
    return pending === undefined || (pending.length === 1 && pending[0]?.lineNo === lineNo);
  }

  /** `holdsNeedle` false (see record-screen.ts) says the record can be no header or opener: those tests are skipped. */
  push(record: LogRecord, bootIndex: number, holdsNeedle = true): void {
    if (record.foreign) return;
    const rec = (holdsNeedle && ungluedHeader(record)) || record;
    const context = rec.caller ?? '';
    if (bootIndex !== this.boot) this.rebooted(bootIndex, context);
    const matched = holdsNeedle ? matchHeader(rec.text) : undefined;
    const fromKernel = rec.ts !== undefined || rec.host !== undefined;
    const header =
      matched && (!matched.format.needsKernelOrigin || fromKernel) && (!matched.format.afterRule || this.followsRule(context))
        ? matched
        : undefined;
    this.records += 1;
    if (this.open.size > 0) this.closeSilent(context);
    const current = this.open.get(context);
    if (current && this.continues(context, current, rec, header, holdsNeedle)) this.heard(context, current);
    else if (header) this.openReport(context, header, rec, bootIndex);
    else this.trackOpener(context, rec, holdsNeedle);
  }

  /** Closes every open report; one still waiting for its call trace is marked corrupted. */
  finish(): void {
    for (const [context, builder] of this.open) this.close(context, builder, cutShort(builder, 'log ends inside the report'));
    this.openers.clear();
  }

  /**
   * For a read that was stopped: closes the open reports past their call trace, and drops the others, whose rest the
   * log may well hold (closed, each would have made a cluster of its own: a report with no trace, or with part of
   * one, signs differently). Returns how many were dropped.
   */
  abandon(): number {
    let dropped = 0;
    for (const [context, builder] of this.open) {
      if (!builder.pastTrace) dropped++;
      else this.close(context, builder);
    }
    this.open.clear();
    this.pastTraceQueue.clear();
    this.beforeTraceQueue.clear();
    this.tailContext = undefined;
    this.openers.clear();
    return dropped;
  }

  /**
   * A new boot began: the reports of other contexts (printk caller ids) still open are over, as the kernel that
   * printed them is; left open, they had waited for their context to print again, boots later. The record's own
   * context goes on as before: its next line decides.
   */
  private rebooted(bootIndex: number, context: string): void {
    this.boot = bootIndex;
    for (const [other, builder] of this.open) {
      if (other !== context && builder.bootIndex < bootIndex) this.close(other, builder, cutShort(builder, 'the kernel rebooted inside the report'));
    }
    for (const other of this.openers.keys()) if (other !== context) this.openers.delete(other);
  }

  /** Feeds a record to the open report of its context; false when the record ended that report. */
  private continues(
    context: string,
    current: SplatBuilder,
    rec: LogRecord,
    header: HeaderMatch | undefined,
    holdsNeedle: boolean,
  ): boolean {
    if (header?.format.escalates && current.inTime(rec.ts) && current.canEscalate(header.format)) {
      // A report at its cap still takes its escalation, which names it (a panic after a long lock dump).
      current.escalate(rec);
      if (current.full && !current.pastTrace) this.closeTruncated(context, current);
      return true;
    }
    if (!header && current.endsAt(rec.text)) {
      current.addClosingRule(rec);
      return true;
    }
    const role = header || (holdsNeedle && isOpener(rec.text)) ? 'end' : current.classify(rec);
    if (role === 'between') current.skipInterleaved();
    else if (role === 'end') this.close(context, current);
    else if (!this.closeIfFull(context, current)) current.add(rec);
    return role !== 'end';
  }

  /** The report of `context` took the latest record: files it at the end of the queue its state belongs to. */
  private heard(context: string, builder: SplatBuilder): void {
    builder.heardAt = this.records;
    const queue = builder.pastTrace ? this.pastTraceQueue : this.beforeTraceQueue;
    // Most often (a report's lines in a row) it is last in its queue already; close() unsets tailContext.
    if (context === this.tailContext && queue === this.tailQueue) return;
    if (this.open.get(context) !== builder) return;
    this.pastTraceQueue.delete(context);
    this.beforeTraceQueue.delete(context);
    queue.set(context, builder);
    this.tailContext = context;
    this.tailQueue = queue;
    this.nextSweep = Math.min(this.nextSweep, this.records + this.limitOf(queue));
  }

  private limitOf(queue: Map<string, SplatBuilder>): number {
    return queue === this.pastTraceQueue ? MAX_SILENT_RECORDS : MAX_SILENT_RECORDS_BEFORE_TRACE;
  }

  /** Closes the reports of other contexts that have been silent too long (MAX_SILENT_RECORDS…). */
  private closeSilent(context: string): void {
    if (this.records <= this.nextSweep) return;
    this.nextSweep = Math.min(this.closeSilentIn(this.pastTraceQueue, context), this.closeSilentIn(this.beforeTraceQueue, context));
  }

  /**
   * Closes the queue's reports silent too long, from its front; returns the record count past which the next one
   * may be.
   */
  private closeSilentIn(queue: Map<string, SplatBuilder>, context: string): number {
    const limit = this.limitOf(queue);
    let next = Number.POSITIVE_INFINITY;
    for (const [other, builder] of queue) {
      // The record being pushed is its context's own: it goes on with its report (heard now) or ends it.
      if (other === context) next = this.records + limit;
      else if (this.records - builder.heardAt <= limit) return Math.min(next, builder.heardAt + limit);
      else this.close(other, builder, cutShort(builder, 'its CPU or task printed nothing more'));
    }
    return next;
  }

  private openReport(context: string, header: HeaderMatch, rec: LogRecord, bootIndex: number): void {
    const leading = this.openers.get(context) ?? [];
    this.openers.delete(context);
    const builder = new SplatBuilder(header.format, header.match, rec, bootIndex, leading, this.maxSplatLines);
    if (header.format.lone) this.onSplat(builder.finish());
    else {
      this.open.set(context, builder);
      this.heard(context, builder);
    }
  }

  /**
   * Closes a report at its cap still before or inside its call trace, which may never end: true when it did (the
   * record is then dropped). Past its trace a report only takes tail lines (a long lock dump, the panic that
   * escalates it): it stays open, and counts the lines it no longer keeps.
   */
  private closeIfFull(context: string, builder: SplatBuilder): boolean {
    if (!builder.full || builder.pastTrace) return false;
    this.closeTruncated(context, builder, 1);
    return true;
  }

  private closeTruncated(context: string, builder: SplatBuilder, dropped = 0): void {
    this.close(context, builder, [`truncated: longer than ${this.maxSplatLines} lines`], dropped);
  }

  private close(context: string, builder: SplatBuilder, reasons: readonly string[] = [], dropped = 0): void {
    this.open.delete(context);
    this.pastTraceQueue.delete(context);
    this.beforeTraceQueue.delete(context);
    if (context === this.tailContext) this.tailContext = undefined;
    const splat = builder.finish(reasons);
    if (dropped > 0) splat.droppedLines = (splat.droppedLines ?? 0) + dropped;
    this.onSplat(splat);
  }

  /** The last record of `context` was a `=====` rule, and began no report (it waits as an opener). */
  private followsRule(context: string): boolean {
    const pending = this.openers.get(context);
    return pending?.length === 1 && RULE.test(pending[0]?.text ?? '');
  }

  private trackOpener(context: string, rec: LogRecord, holdsNeedle: boolean): void {
    if (holdsNeedle && isOpener(rec.text)) {
      this.openers.set(context, [rec]);
      return;
    }
    const pending = this.openers.get(context);
    if (!pending) return;
    // Between `cut here` and its header, as inside a report, user space's messages are not the report's.
    if (isUserspaceMessage(rec.text)) return;
    if (pending.length >= OPENER_REACH) this.openers.delete(context);
    else pending.push(rec);
  }
}
