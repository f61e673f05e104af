import { isPstorePartHeader } from './pstore-part.js';
import type { LogRecord, Splat } from './types.js';
import { matchHeader, type HeaderMatch } from './formats.js';
import { isUserspaceMessage, SplatBuilder } from './splat-builder.js';
import { RULE } from './rule-line.js';
import { SilenceQueue, type Silenced } from './silence-queue.js';
import { ungluedHeader } from './glued-header.js';
import { SYMBOL_NAME } from './fields/symbol-name.js';
import { checkArgument, inFunction } from '../util/check-argument.js';
import { checkOptionsObject, optionKeys } from '../util/option-keys.js';
import { checkRecordPush, isRecord } from './check-record.js';
import { checkLineNo } from '../ingest/check-line.js';
import { UsageError } from '../errors.js';
import { describeValue } from '../util/describe-value.js';

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
/**
 * A bug's title as syzkaller writes it, quoted in a mail: `BUG: bad usercopy in io_openat2_prep`, `general protection
 * fault in foo (2)`. The kernel ends no header line in ` in <function>`; a syzbot mail whose reproducer is "still
 * triggering an issue:" repeats the title on the line after, which had opened a report of its own.
 */
const TITLE_ECHO = new RegExp(
  String.raw`^(?:BUG: [\w -]+|general protection fault|WARNING: [\w -]+|INFO: [\w -]+) in ${SYMBOL_NAME}(?: \(\d+\))?\s*$`,
);

function isTitleEcho(text: string): boolean {
  return TITLE_ECHO.test(text);
}

/** How many records may sit between an opener and its header. */
const OPENER_REACH = 5;
const DEFAULT_MAX_SPLAT_LINES = 400;

/** The Segmenter's options: where each splat goes, and the lines it keeps of one (default 400). */
export interface SegmenterOptions {
  onSplat: (s: Splat) => void;
  maxSplatLines?: number;
}

/** The keys of `SegmenterOptions`: any other is a UsageError. */
const SEGMENTER_OPTION_KEYS = optionKeys<SegmenterOptions>()(['onSplat', 'maxSplatLines']);
/**
 * Records of other CPUs or tasks after which a report past its trace (SplatBuilder.pastTrace), whose own context
 * printed nothing more, is over. Without it such a report stayed open to the end of the log, and kept the reader on its every-line
 * path: a 100 MiB log with caller ids took 1.2-1.4 s after one early WARNING, 0.25-0.3 s without it.
 */
const MAX_SILENT_RECORDS = 256;
/**
 * The same for a report still waiting for its trace, which is then cut short, or inside it (its last line a frame,
 * more may follow): a CPU that froze after its header (a hard lockup) had left the reader on its every-line path to
 * the end of the log too.
 */
const MAX_SILENT_RECORDS_BEFORE_TRACE = 4096;

/** An open report of one CPU or task (printk caller id), in the silence queue of its state. */
interface OpenReport extends Silenced<OpenReport> {
  readonly context: string;
  readonly builder: SplatBuilder;
}

/**
 * Reports open at once, of as many CPUs or tasks, before the longest silent is closed: each holds up to
 * `maxSplatLines` lines, and 4000 tasks printing their reports a line each in turn had taken 184 MiB.
 */
const MAX_OPEN_REPORTS = 1024;

/** The UsageError of a `push` whose arguments are of the wrong kind (out of line). */
function refusePush(record: unknown, bootIndex: unknown, holdsNeedle: unknown): never {
  checkRecordPush('Segmenter.push', record, holdsNeedle);
  throw new UsageError(`Segmenter.push: bootIndex must be a whole number of at least 0 (the boot the record is in), not ${describeValue(bootIndex)}`);
}

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
  private readonly open = new Map<string, OpenReport>();
  private readonly openers = new Map<string, LogRecord[]>();
  /**
   * Records pushed, and the open reports in the order their contexts last printed: one queue for reports past their
   * trace, one for those before or inside it. A report moves to the back of its queue when its context prints, so a
   * sweep stops at the first report not silent long enough (a walk over every open report on every record had
   * taken 16.5 s for 100k tasks' reports).
   */
  private records = 0;
  private readonly pastTrace = new SilenceQueue<OpenReport>(MAX_SILENT_RECORDS);
  private readonly beforeTrace = new SilenceQueue<OpenReport>(MAX_SILENT_RECORDS_BEFORE_TRACE);
  /** No report can be silent long enough before this record count: a sweep need not look (most records). */
  private nextSweep = 0;
  private boot = 0;

  constructor(opts: SegmenterOptions) {
    inFunction('Segmenter', () => checkOptionsObject(opts, SEGMENTER_OPTION_KEYS));
    checkArgument(typeof opts.onSplat === 'function', 'Segmenter', 'onSplat', 'a function', opts.onSplat);
    const max = opts.maxSplatLines;
    checkArgument(max === undefined || (Number.isInteger(max) && max >= 1), 'Segmenter', 'maxSplatLines', 'a whole number of at least 1', max);
    this.onSplat = opts.onSplat;
    this.maxSplatLines = Math.max(1, opts.maxSplatLines ?? DEFAULT_MAX_SPLAT_LINES);
  }

  get wantsEveryLine(): boolean {
    return this.open.size > 0 || this.openers.size > 0;
  }

  /** The oldest boot a report still open was printed in: its splat, not yet closed, may yet want its facts. */
  get oldestOpenBoot(): number | undefined {
    let oldest: number | undefined;
    for (const { builder } of this.open.values()) if (oldest === undefined || builder.bootIndex < oldest) oldest = builder.bootIndex;
    return oldest;
  }

  /**
   * No report is open, and the only opener waiting is line `lineNo` itself: the state a fresh segmenter reaches
   * by reading line `lineNo` alone (analyze/parts/ starts the next part there).
   */
  settledAt(lineNo: number): boolean {
    checkLineNo('Segmenter.settledAt', lineNo);
    if (this.open.size > 0 || this.openers.size > 1) return false;
    const [pending] = this.openers.values();
    return pending === undefined || (pending.length === 1 && pending[0]?.lineNo === lineNo);
  }

  /**
   * Takes the next record, of boot `bootIndex` (a whole number, 0 for the first). `holdsNeedle` false (see
   * record-screen.ts) says the record can be no header or opener: those tests are skipped. A record that is no record,
   * or a boot that is no whole number, is a UsageError.
   */
  push(record: LogRecord, bootIndex: number, holdsNeedle = true): void {
    if (!isRecord(record) || !(bootIndex >= 0) || !Number.isInteger(bootIndex) || typeof holdsNeedle !== 'boolean') refusePush(record, bootIndex, holdsNeedle);
    if (record.foreign) return;
    if (this.open.size > 0 && isPstorePartHeader(record.text)) {
      for (const report of this.open.values()) this.close(report, cutShort(report.builder, 'a pstore part ends here'));
      this.openers.clear();
      return;
    }
    const rec = (holdsNeedle && ungluedHeader(record)) || record;
    const context = rec.caller ?? '';
    if (bootIndex !== this.boot) this.rebooted(bootIndex, context);
    const matched = holdsNeedle ? matchHeader(rec.text) : undefined;
    this.records += 1;
    if (this.open.size > 0) this.closeSilent(context);
    const current = this.open.get(context);
    const fromKernel = rec.ts !== undefined || rec.host !== undefined || rec.fromDmesg === true;
    const header =
      matched &&
      (!matched.format.needsKernelOrigin || fromKernel) &&
      (!matched.format.afterRule || this.followsRule(context, current)) &&
      (fromKernel || !isTitleEcho(rec.text))
        ? matched
        : undefined;
    const inlineLeads = current && header ? current.builder.inlineHeaderRepeatedBy(rec.text) : undefined;
    if (current && inlineLeads) {
      this.drop(current);
      this.openReport(context, header!, rec, bootIndex, inlineLeads);
    } else if (current && this.continues(current, rec, header, holdsNeedle)) this.heard(current);
    else if (header) this.openReport(context, header, rec, bootIndex);
    else this.trackOpener(context, rec, holdsNeedle);
  }

  /** Closes every open report; one still waiting for its call trace is marked corrupted. */
  finish(): void {
    for (const report of this.open.values()) this.close(report, cutShort(report.builder, 'log ends inside the report'));
    this.openers.clear();
  }

  /**
   * For a read that was stopped: closes the open reports past their call trace, and drops the others, whose rest the
   * log may well hold (closed, each would have made a cluster of its own: a report with no trace, or with part of
   * one, signs differently). Returns how many were dropped.
   */
  abandon(): number {
    let dropped = 0;
    for (const report of this.open.values()) {
      if (!report.builder.pastTrace) dropped++;
      else this.close(report);
    }
    this.open.clear();
    this.pastTrace.clear();
    this.beforeTrace.clear();
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
    for (const report of this.open.values()) {
      const { builder } = report;
      if (report.context !== context && builder.bootIndex < bootIndex) this.close(report, cutShort(builder, 'the kernel rebooted inside the report'));
    }
    for (const other of this.openers.keys()) if (other !== context) this.openers.delete(other);
  }

  /** Feeds a record to the open report of its context; false when the record ended that report. */
  private continues(report: OpenReport, rec: LogRecord, header: HeaderMatch | undefined, holdsNeedle: boolean): boolean {
    const current = report.builder;
    if (header?.format.escalates && current.inTime(rec) && current.canEscalate(header.format)) {
      // A report at its cap still takes its escalation, which names it (a panic after a long lock dump).
      current.escalate(rec);
      if (current.full && !current.pastTrace) this.closeTruncated(report);
      return true;
    }
    if (!header && current.endsAt(rec.text)) {
      current.addClosingRule(rec);
      return true;
    }
    const role = header || (holdsNeedle && isOpener(rec.text)) ? 'end' : current.classify(rec);
    if (role === 'between') current.skipInterleaved();
    else if (role === 'end') this.close(report);
    else if (!this.closeIfFull(report)) current.add(rec);
    return role !== 'end';
  }

  /** The report took the latest record (unless that closed it): files it at the back of the queue of its state. */
  private heard(report: OpenReport): void {
    if (report.queue === undefined) return;
    report.heardAt = this.records;
    this.file(report);
  }

  private file(report: OpenReport): void {
    const queue = report.builder.pastTrace ? this.pastTrace : this.beforeTrace;
    // Most often (a report's lines in a row) it is last in its queue already.
    if (queue.isLast(report)) return;
    queue.moveToBack(report);
    this.nextSweep = Math.min(this.nextSweep, this.records + queue.limit);
  }

  /** Closes the reports of other contexts that have been silent too long (MAX_SILENT_RECORDS…). */
  private closeSilent(context: string): void {
    if (this.records <= this.nextSweep) return;
    this.nextSweep = Math.min(this.closeSilentIn(this.pastTrace, context), this.closeSilentIn(this.beforeTrace, context));
  }

  /**
   * Closes the queue's reports silent too long, from its front; returns the record count past which the next one
   * may be.
   */
  private closeSilentIn(queue: SilenceQueue<OpenReport>, context: string): number {
    let next = Number.POSITIVE_INFINITY;
    for (let report = queue.first; report; ) {
      const after = report.next;
      // The record being pushed is its context's own: it goes on with its report (heard now) or ends it.
      if (report.context === context) next = this.records + queue.limit;
      else if (this.records - report.heardAt <= queue.limit) return Math.min(next, report.heardAt + queue.limit);
      else this.close(report, cutShort(report.builder, 'its CPU or task printed nothing more'));
      report = after;
    }
    return next;
  }

  private openReport(context: string, header: HeaderMatch, rec: LogRecord, bootIndex: number, leads?: LogRecord[]): void {
    const leading = leads ?? this.openers.get(context) ?? [];
    this.openers.delete(context);
    const builder = new SplatBuilder(header.format, header.match, rec, bootIndex, leading, this.maxSplatLines);
    if (header.format.lone) {
      this.onSplat(builder.finish());
      return;
    }
    const report: OpenReport = { context, builder, heardAt: this.records, prev: undefined, next: undefined, queue: undefined };
    this.open.set(context, report);
    this.file(report);
    if (this.open.size > MAX_OPEN_REPORTS) this.closeLongestSilent();
  }

  private closeLongestSilent(): void {
    const [past, before] = [this.pastTrace.first, this.beforeTrace.first];
    const oldest = past && (!before || past.heardAt <= before.heardAt) ? past : before;
    if (oldest) this.close(oldest, cutShort(oldest.builder, `more than ${MAX_OPEN_REPORTS} reports of other CPUs or tasks were open`));
  }

  /**
   * Closes a report that has reached its cap: true when it did (the record is then dropped). Past its trace the
   * report is whole and only a tail is cut, which is no corruption; inside its lock dump or after its closing rule it
   * takes tail lines a while longer (see SplatBuilder.takesTailPastCap), counting them, for the panic that follows.
   */
  private closeIfFull(report: OpenReport): boolean {
    const { builder } = report;
    if (!builder.full || (builder.pastTrace && builder.takesTailPastCap)) return false;
    if (builder.pastTrace) this.close(report, [], 1);
    else this.closeTruncated(report, 1);
    return true;
  }

  private closeTruncated(report: OpenReport, dropped = 0): void {
    this.close(report, [`truncated: longer than ${this.maxSplatLines} lines`], dropped);
  }

  /** Forgets an open report: close() then makes its splat; a report another takes the place of has none. */
  private drop(report: OpenReport): void {
    this.open.delete(report.context);
    report.queue?.remove(report);
  }

  private close(report: OpenReport, reasons: readonly string[] = [], dropped = 0): void {
    this.drop(report);
    const splat = report.builder.finish(reasons);
    if (dropped > 0) splat.droppedLines = (splat.droppedLines ?? 0) + dropped;
    this.onSplat(splat);
  }

  /**
   * The last record of `context` was a `=====` rule: one waiting as an opener, or one its open report took as its
   * closing rule (a report that lacked its own).
   */
  private followsRule(context: string, current: OpenReport | undefined): boolean {
    if (current?.builder.tookRuleLast) return true;
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
