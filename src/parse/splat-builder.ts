import type { Frame, LogRecord, Splat } from './types.js';
import type { SplatFormat } from './formats.js';
import { PANIC_LINE } from './panic-line.js';
import { buildTitle } from './title.js';
import { parseCodeLocation } from './fields/code-location.js';
import { missingRegisters } from './fields/registers.js';
import { isTraceStart, parseBareFrame, parseFrame } from './fields/frames.js';
import { isBlank } from '../util/blanks.js';
import { conflictWatch, fieldReadState, readFieldLine, type FieldReadState } from './fields/read-field-line.js';
import { isMemoryDumpRow, isReportTail } from './report-tail.js';
import { isArm64RegisterRow, storeArm64RegisterRow } from './fields/arm64-register-row.js';
import { RULE } from './rule-line.js';
import { SYMBOL_NAME } from './fields/symbol-name.js';
import { wallSeconds } from './wall-seconds.js';

/** Where a report is: before its call trace, inside it, or past it (only tail lines may follow). */
export type ReportState = 'body' | 'trace' | 'after';

const AT_FUNC = new RegExp(String.raw`\bat: (?:\[<[0-9a-f]+>\] )?(${SYMBOL_NAME})\+0x[0-9a-f]+\/0x[0-9a-f]+`);
/** Consecutive foreign records tolerated inside a call trace or report tail before the report is over. */
const MAX_INTERLEAVED_RUN = 3;
const MAX_BACKWARD_SECONDS = 1;
const MAX_FORWARD_SECONDS = 60;
/** Frames kept per report: a full arm64 trace is under 64; reports of all CPUs stay bounded. */
const MAX_FRAMES = 256;
const DROPPED = /\*\* \d+ printk messages dropped \*\*/;
const TRACE_END = '---[ end ';
const DASH = 0x2d;
const LOCK_DUMP = 'Showing all locks held in the system:';
const CAPITAL_S = 0x53;
const CAPITAL_P = 0x50;
/** print_preempt_disable_ip(): this line, then the site on a line of its own (`[<ffff…>] foo_ioctl+0x30/0x100`). */
const PREEMPTION_DISABLED_AT = /^Preemption disabled at:\s*$/;

const USERSPACE_MESSAGE = /^[\w.@-]+\[\d+\]: /;

/** `systemd[1]: Started …`: user space writing to /dev/kmsg, never part of a kernel report. */
export function isUserspaceMessage(text: string): boolean {
  return USERSPACE_MESSAGE.test(text);
}
const SPACE = 0x20;

/** The inlined function a symbolized header ends with: ` foo_inner mm/foo.c:10 [inline]`. */
const INLINE_SITE = new RegExp(String.raw` ${SYMBOL_NAME} [\w./+-]+:\d+ \[inline\]$`);
/** Functions kept of the stack a format's `quotedAfter` line introduces. */
const MAX_QUOTED_FUNCS = 8;

/**
 * At most this many frames in a report's body before its `Call trace:` are stray lines, not a trace of its own:
 * lockdep's four `irq event stamp:` lines (`hardirqs last enabled at (N): …`) with their heads cut off in a mail.
 */
const MAX_STRAY_FRAMES = 4;

/** The start of a splat's corrupted reason when another report's lines (another task's, or its own next one's past dropped lines) were printed into it: its registers are dropped. */
export const OTHER_TASK_PRINTED_INTO = "another report's lines printed into this one";

/** Collects the records of one open report and reads its fields as they arrive. */
export class SplatBuilder {
  state: ReportState;
  private recordCount = 0;
  private readonly splat: Splat;
  private framesInTrace = 0;
  /**
   * The trace being read began at a frame in the body, with no `Call trace:` line before it, and before the report's
   * CPU line: lines that may be stray (see add()). riscv's and arm32's traces with no such line follow the CPU line.
   */
  private implicitTrace = false;
  private firstTraceDone = false;
  /** Its `---[ end … ]---` marker came. */
  private endMarkerSeen = false;
  /** Whether the last record taken was a frame: the trace may go on. */
  private lastWasFrame = false;
  /**
   * The record before was `Call trace:` or a frame of names alone: a lone indented name may be a frame whose offset was
   * cut off. Any other record ends that (a mailed trace has no end marker, and ` Alice` under `Regards,` is a
   * signature), and so does a frame with an offset (the kernel prints every frame with one).
   */
  private bareFramesOk = false;
  private traceWording: string | undefined;
  private readonly atFuncs: string[] = [];
  /** The frames after the format's `quotedAfter` line, while they last (a lockdep report's quoted stack). */
  private readonly quotedFuncs: string[] = [];
  private quoting = false;
  private detail: string | undefined;
  private readonly garbled = new Set<string>();
  /** readFieldLine's options, one object for every line of the report. */
  private readonly fieldOptions: FieldReadState;
  private messagesDropped = false;
  /** A `** N printk messages dropped **` line came and no frame or `Call trace:` since: the next frame follows a gap. */
  private gapPending = false;
  /**
   * The `=====` rule that ends a KASAN/UBSAN report came: the report stays open past it like a WARNING past its
   * `---[ end trace ]---`, so the `Kernel panic - not syncing: panic_on_warn set` printed next escalates it.
   */
  private ruleSeen = false;
  /** The record taken last was that closing rule. */
  private ruleLast = false;
  /** `Preemption disabled at:` came: the `[<addr>] func+off/size` line next quotes one site, it starts no trace. */
  private quotedSiteNext = false;
  /** `Showing all locks held in the system:` came: the `=====` rule next closes that lock dump, and this report. */
  private lockDumpOpen = false;
  private lastTs: number | undefined;
  /** Wall-clock seconds of the last line that had a wall time and no printk time (wallSeconds). */
  private lastWall: number | undefined;
  private interleavedRun = 0;
  /** The line frameOf parsed last, and its frame: three fields, not an object made for every line. */
  private lastFrameText: string | undefined;
  private lastFrameLineNo = 0;
  private lastFrame: Frame | undefined;

  get bootIndex(): number {
    return this.splat.bootIndex;
  }

  constructor(
    readonly format: SplatFormat,
    private readonly match: RegExpExecArray,
    header: LogRecord,
    bootIndex: number,
    leading: readonly LogRecord[],
    private readonly maxLines: number,
  ) {
    this.state = format.noTrace ? 'after' : 'body';
    this.fieldOptions = fieldReadState(format.kind, this.garbled);
    this.splat = {
      kind: format.kind,
      title: '',
      header: header.text,
      site: {},
      regs: new Map(),
      frames: [],
      firstLine: leading[0]?.lineNo ?? header.lineNo,
      lastLine: header.lineNo,
      bootIndex,
      lines: [],
    };
    if (header.ts !== undefined) this.splat.ts = header.ts;
    if (header.wallTime !== undefined) this.splat.wallTime = header.wallTime;
    if (header.caller !== undefined) this.splat.caller = header.caller;
    this.readHeader(header.text);
    for (const rec of leading) this.keep(rec);
    this.add(header);
  }

  /**
   * syzbot's symbolized reports print the header once for each inlined function the site sits in, the inlined one
   * first: `WARNING: … at mm/foo.c:10 foo_inner mm/foo.c:10 [inline]`, then the same with `foo_outer+0x20/0x40 …`.
   * When this report is such a first header alone and `next` repeats it up to the function, the lines to lead the
   * report `next` opens (this one's, header included); else undefined.
   */
  inlineHeaderRepeatedBy(next: string): LogRecord[] | undefined {
    const header = this.splat.header;
    if (!header.endsWith(' [inline]') || this.splat.lines.at(-1)?.text !== header) return undefined;
    const site = INLINE_SITE.exec(header);
    if (!site || !next.startsWith(header.slice(0, site.index + 1)) || next.endsWith(' [inline]')) return undefined;
    return [...this.splat.lines];
  }

  private readHeader(text: string): void {
    const g = this.match.groups ?? {};
    if (g.file !== undefined) this.splat.site.file = g.file;
    if (g.line !== undefined) this.splat.site.line = Number(g.line);
    if (g.func !== undefined) {
      const at = text.indexOf(`${g.func}+0x`);
      const parsed = parseCodeLocation(text.slice(at));
      Object.assign(this.splat.site, parsed?.loc ?? { func: g.func });
    }
    if (g.cpu !== undefined) this.splat.cpu = Number(g.cpu);
    if (g.pid !== undefined) this.splat.pid = Number(g.pid);
    if (g.comm !== undefined) this.splat.comm = g.comm;
  }

  private keep(rec: LogRecord): void {
    this.interleavedRun = 0;
    if (rec.ts !== undefined) this.lastTs = rec.ts;
    else if (rec.wallTime !== undefined) this.lastWall = wallSeconds(rec.wallTime) ?? this.lastWall;
    // A blank line may sit inside a report's tail, but a report does not end on one.
    if (!isBlank(rec.text)) this.splat.lastLine = rec.lineNo;
    // Vendor memory dumps are part of the report's span but neither kept nor counted against its cap: they had
    // pushed an intact Oops past 400 lines (orangepi5).
    if (isMemoryDumpRow(rec.text)) return;
    this.recordCount += 1;
    if (this.splat.lines.length < this.maxLines) this.splat.lines.push(rec);
    else this.splat.droppedLines = (this.splat.droppedLines ?? 0) + 1;
  }

  /**
   * How this report takes a record: `part` of it, a message of another CPU printed `between` two of its lines
   * (consoles without caller ids interleave them), or past its `end`.
   */
  classify(rec: LogRecord): 'part' | 'between' | 'end' {
    if (!this.inTime(rec)) return 'end';
    const text = rec.text;
    // `systemd[1]: Started …` and friends are user space writing to /dev/kmsg mid-report: never part of it. Frame
    // lines, half of a report, start with a space, and register rows hold no `[`: they skip the regex call.
    if (text.charCodeAt(0) !== SPACE && !isArm64RegisterRow(text) && USERSPACE_MESSAGE.test(text)) return 'between';
    if ((this.format.until && !this.ruleSeen) || this.state === 'body') return 'part';
    if (this.frameOf(text, rec.lineNo, this.bareFramesOk) !== undefined || isTraceStart(text) || isReportTail(text)) return 'part';
    if (this.state === 'trace' && this.framesInTrace === 0) return 'part';
    return this.interleavedRun < MAX_INTERLEAVED_RUN ? 'between' : 'end';
  }

  /** Counts a record of another message printed inside this report; it is not kept. */
  skipInterleaved(): void {
    this.interleavedRun += 1;
    this.bareFramesOk = false;
  }

  /**
   * A report prints within a moment: a printk time more than a second before its last line, or a minute after it,
   * belongs to another boot or another log glued to this one. Without printk times the wall clock of journalctl,
   * syslog or `dmesg -T` says the same: a sysrq panic 387 s after an Oops had been taken as its escalation.
   */
  inTime(rec: Pick<LogRecord, 'ts' | 'wallTime'>): boolean {
    if (rec.ts !== undefined) return this.lastTs === undefined || within(rec.ts, this.lastTs);
    if (rec.wallTime === undefined || this.lastWall === undefined) return true;
    const wall = wallSeconds(rec.wallTime);
    return wall === undefined || within(wall, this.lastWall);
  }

  /**
   * True when `text` is the rule that ends this report: that of a report read to a rule (`until`), or the one
   * closing the lock dump a hung task report ends with. Not an opener of the next report.
   */
  endsAt(text: string): boolean {
    if (this.ruleSeen) return false;
    if (this.format.until !== undefined) return this.format.until.test(text);
    return this.lockDumpOpen && RULE.test(text);
  }

  /** Takes the report's closing rule; only tail lines and an escalation may follow. */
  addClosingRule(rec: LogRecord): void {
    this.add(rec);
    this.ruleSeen = true;
    this.ruleLast = true;
    this.firstTraceDone = true;
    this.state = 'after';
  }

  /** True when the report has reached its cap: lines it takes from now on are counted, not kept. */
  get full(): boolean {
    return this.recordCount >= this.maxLines;
  }

  /**
   * Past its cap, whether it still takes tail lines: inside its lock dump, or after its closing rule, where the panic
   * that escalates it comes next; for as many lines again as its cap, so that a rule that never comes cannot keep it
   * open to the end of the log.
   */
  get takesTailPastCap(): boolean {
    return (this.lockDumpOpen || this.ruleSeen) && this.recordCount < 2 * this.maxLines;
  }

  /** The record taken last was the report's closing rule: a SLUB header may follow it (see formats.ts afterRule). */
  get tookRuleLast(): boolean {
    return this.ruleLast;
  }

  /**
   * An escalation joins a report once: a second `Kernel panic` or `Internal error:` is another report. Nor does one
   * join a WARNING past its `---[ end trace ]---`: `__warn()` panics (panic_on_warn, warn_limit) before it prints that
   * marker, so a panic after it is another event (an Oops's `Fatal exception` panic does come after its marker).
   */
  canEscalate(format: SplatFormat): boolean {
    if (this.splat.kind === 'warning' && this.endMarkerSeen) return false;
    // Any report may end in a panic (panic_on_warn, softlockup_panic, hung_task_panic); only one the kernel dies of
    // ends in a die(). A scheduling-while-atomic BUG left open had taken another CPU's Oops, and its title.
    if (!isPanicLine(format) && !diesOf(this.format)) return false;
    return ![this.splat.header, ...(this.splat.escalations ?? [])].some((t) => t.includes(format.needle));
  }

  /** `Internal error:` / `Kernel panic` on the same CPU or task: part of this report. */
  escalate(rec: LogRecord): void {
    (this.splat.escalations ??= []).push(rec.text);
    if (this.state !== 'body') this.endTrace('after');
    this.add(rec);
  }

  /**
   * Past its call trace: an end marker or an escalation came, or a line that is no frame followed the frames. What may
   * still come is a tail (another CPU's or the panic's trace too), which a long silence of its CPU or task ends.
   */
  get pastTrace(): boolean {
    if (this.firstTraceDone || this.state === 'after') return true;
    return this.state === 'trace' && this.framesInTrace > 0 && !this.lastWasFrame;
  }

  add(rec: LogRecord): void {
    this.keep(rec);
    this.lastWasFrame = false;
    const bareFramesOk = this.bareFramesOk;
    this.bareFramesOk = false;
    this.ruleLast = false;
    // Only the line straight after `Preemption disabled at:` can be its site; a `Call trace:` there starts a trace.
    const quotedSite = this.quotedSiteNext;
    this.quotedSiteNext = false;
    const text = rec.text;
    if (this.format.detail && this.detail === undefined) this.detail = this.format.detail.exec(text)?.[1];
    // A fifth of a storm's lines, already scanned by the line wrapper. Made of `x0-9a-f: `, a register row holds no
    // `*`, `at:`, trace line or frame: it skips those tests (with classify's, LogAnalyzer 630 -> 600 ns a line).
    if (isArm64RegisterRow(text)) {
      if (!this.firstTraceDone) {
        this.fieldOptions.beforeTrace = this.state === 'body';
        storeArm64RegisterRow(text, this.splat.regs, conflictWatch(this.fieldOptions));
      }
      return;
    }
    // One `*` search (13 ns a line) instead of the regex (28 ns) on every line of every report.
    if (text.includes('*') && DROPPED.test(text)) {
      this.messagesDropped = true;
      this.gapPending = true;
    }
    // Only titles made from `at:` lines read them.
    if ((this.format.frame === 'at' || this.format.frame === 'first-at') && this.atFuncs.length < 4) {
      const at = AT_FUNC.exec(text)?.[1];
      if (at !== undefined) this.atFuncs.push(at);
    }
    if (text.charCodeAt(0) === DASH && text.startsWith(TRACE_END)) {
      this.endMarkerSeen = true;
      this.endTrace('after');
    }
    if (text.charCodeAt(0) === CAPITAL_S && text.startsWith(LOCK_DUMP)) this.lockDumpOpen = true;
    if (isTraceStart(text)) {
      // A few frame-shaped lines in the body (lockdep's irq stamps cut to their frames when mailed) were no trace: the
      // report's own follows its `Call trace:`, and is its first.
      if (this.implicitTrace && !this.firstTraceDone && this.framesInTrace <= MAX_STRAY_FRAMES) {
        this.splat.frames.splice(this.splat.frames.length - this.framesInTrace);
        this.framesInTrace = 0;
      }
      this.implicitTrace = false;
      this.gapPending = false;
      this.endTrace('trace');
      this.traceWording ??= /^\S+ \S+|^\S+/.exec(text)?.[0];
      this.bareFramesOk = true;
      return;
    }
    const frame = this.frameOf(text, rec.lineNo, bareFramesOk);
    // A kernel prints every frame with its offset: a lone name after one is the next message (` a` after
    // `invoke_syscall+0x50/0x128` had joined the trace, and changed its cluster), not a frame of a trace cut to names.
    if (frame) this.bareFramesOk = frame.off === undefined && frame.file === undefined && frame.addr === undefined;
    if (this.format.quotedAfter !== undefined) this.quote(text, frame);
    if (quotedSite && frame) return;
    if (text.charCodeAt(0) === CAPITAL_P && PREEMPTION_DISABLED_AT.test(text)) {
      this.quotedSiteNext = true;
      return;
    }
    // riscv WARNINGs print frames straight after the registers, with no `Call Trace:` line; lockdep quotes
    // single `[<addr>] func` lines in its body that are not a trace.
    if (frame && this.state === 'body' && this.format.kind !== 'lockdep' && !this.format.until) {
      this.state = 'trace';
      this.implicitTrace = this.splat.cpu === undefined;
    }
    if (frame) {
      this.lastWasFrame = true;
      if (this.state === 'trace') this.framesInTrace += 1;
      const wanted = !this.firstTraceDone || this.format.allTraces;
      if ((this.state === 'trace' || (this.format.until && !this.ruleSeen)) && wanted && this.splat.frames.length < MAX_FRAMES) {
        this.splat.frames.push(frame);
        if (this.gapPending) (this.splat.traceGaps ??= []).push(frame.lineNo);
      }
      this.gapPending = false;
      return;
    }
    this.fieldOptions.registers = !this.firstTraceDone;
    this.fieldOptions.beforeTrace = this.state === 'body';
    readFieldLine(this.splat, text, this.fieldOptions);
  }

  /** Keeps the functions of the stack that follows the format's `quotedAfter` line, up to the first other line. */
  private quote(text: string, frame: Frame | undefined): void {
    if (this.quoting && frame) {
      if (frame.func !== undefined && this.quotedFuncs.length < MAX_QUOTED_FUNCS) this.quotedFuncs.push(frame.func);
      return;
    }
    this.quoting = this.format.quotedAfter?.test(text) === true;
  }

  /** classify() and add() both need a trace line's frame: parse each line once. */
  private frameOf(text: string, lineNo: number, bareFramesOk: boolean): Frame | undefined {
    // The line number first: comparing two different lines' texts of one length is a call into the runtime.
    if (this.lastFrameLineNo !== lineNo || this.lastFrameText !== text) {
      this.lastFrame = parseFrame(text, lineNo) ?? (this.state === 'trace' && bareFramesOk ? parseBareFrame(text, lineNo) : undefined);
      this.lastFrameText = text;
      this.lastFrameLineNo = lineNo;
    }
    return this.lastFrame;
  }

  private endTrace(next: ReportState): void {
    if (this.state === 'trace' && this.framesInTrace > 0) this.firstTraceDone = true;
    this.state = next;
    this.framesInTrace = 0;
  }

  /** Closes the report: title, and a corrupted reason for whatever it lacks. */
  finish(extraReasons: readonly string[] = []): Splat {
    const s = this.splat;
    const { title, frameFound } = buildTitle(this.format, {
      match: this.match,
      ...(s.pc && { pc: s.pc }),
      frames: s.frames,
      ...(this.traceWording !== undefined && { traceWording: this.traceWording }),
      atFuncs: this.atFuncs,
      quotedFuncs: this.quotedFuncs,
      ...(this.detail !== undefined && { detail: this.detail }),
    });
    s.title = title;
    // Blank lines taken after the last line of text (the prose after a mailed report) are no part of it: a report
    // does not end on one.
    while ((s.lines.at(-1)?.lineNo ?? 0) > s.lastLine) s.lines.pop();
    const reasons = [...extraReasons];
    if (this.format.corrupted !== undefined) reasons.push(this.format.corrupted);
    const needsTrace = !this.format.noTrace && !this.format.lone;
    if (needsTrace && s.frames.length === 0) reasons.push('no call trace');
    else if (!frameFound) reasons.push('no frame to name the report');
    if (this.messagesDropped) reasons.push('printk messages dropped inside the report');
    const missing = missingRegisters(s.regs, this.garbled);
    if (missing.length > 0) reasons.push(`register dump incomplete: missing ${missing.join(', ')}`);
    const otherTask = this.fieldOptions.otherTask;
    if (otherTask !== undefined) {
      // Which task printed which register cannot be told: none is kept, so none is read as this task's.
      reasons.push(`${OTHER_TASK_PRINTED_INTO} (${otherTask}): its registers are not read`);
      s.regs.clear();
    }
    if (reasons.length > 0) s.corrupted = reasons.join('; ');
    return s;
  }
}

function within(seconds: number, last: number): boolean {
  return seconds > last - MAX_BACKWARD_SECONDS && seconds < last + MAX_FORWARD_SECONDS;
}

/** The `Kernel panic - not syncing` rows: panic() may end any report; every other escalation is a die(). */
function isPanicLine(format: SplatFormat): boolean {
  return format.needle === PANIC_LINE;
}

/** The kernel dies of a report of this format right after it, so the die() that follows is its own. */
function diesOf(format: SplatFormat): boolean {
  return format.kind === 'oops' || format.kind === 'panic' || format.kind === 'kasan' || format.dies === true;
}
