import type { HitFinder } from './hit-finder.js';
import type { LineSink } from './line-sink.js';
import { LineSplitter } from './line-splitter.js';
import { RegexHitFinder } from './regex-hit-finder.js';
import { SimdHitFinder } from './simd-hit-finder.js';
import { TriggerPattern } from './trigger-pattern.js';
import { LF } from './line-break-bytes.js';

/** The searches the fast path can use. */
export const HIT_SEARCHES = ['simd', 'regex'] as const;
/** Which search the fast path uses: `simd` falls back to `regex` where WebAssembly SIMD is missing. */
export type HitSearch = (typeof HIT_SEARCHES)[number];

const NEWLINE = Buffer.from('\n');

/** Small enough that little is decoded in vain after the sink turns quiet, large enough to amortize a write. */
const SPLIT_BATCH_BYTES = 4 * 1024;
/** Chunks are scanned in 64 KiB slices: one fits the SIMD finder's buffer, and for the regex finder a larger
 *  latin1 view per read piled up outside the heap (peak RSS). */
const MAX_SCAN_BYTES = 64 * 1024;

const joinedNeedles = new WeakMap<readonly string[], WeakMap<readonly string[], readonly string[]>>();

/** `triggers` and `more` in one array, the same one each time, so that TriggerPattern.of builds its pattern once. */
function withNeedles(triggers: readonly string[], more: readonly string[]): readonly string[] {
  let byTriggers = joinedNeedles.get(more);
  if (byTriggers === undefined) joinedNeedles.set(more, (byTriggers = new WeakMap()));
  let joined = byTriggers.get(triggers);
  if (joined === undefined) byTriggers.set(triggers, (joined = [...triggers, ...more]));
  return joined;
}

/**
 * The chunk-level core of `feedLines`: LF-only, NUL-free UTF-8 chunks with no escape sequences (AnsiStripper) in,
 * numbered lines out to a `LineSink`.
 *
 * While the sink wants every line, lines are split and decoded by split2. While it does not, the fast path
 * searches the chunk's complete lines for the needles (a WebAssembly SIMD prefilter, or one regex over a latin1
 * view), counts newlines up to each hit and decodes only the hit's line (plus any over-long line, always
 * delivered as truncated). The sink is asked again after every delivered line. A line is delivered iff the sink
 * wanted every line when it arrived, or it contains a trigger, or it was truncated, or it ends in a rule of `=`
 * (the opener of KASAN and lockdep reports, found with the soft-break marker), or it or an earlier line carried a
 * quoted-printable marker; that rule does not depend on chunk boundaries.
 *
 * Lines are capped at the byte level before split2: at most `maxLineBytes + 1` bytes of an unfinished line are
 * kept (the extra byte says "longer than the cap"), so a single 200 MB line costs `maxLineBytes` of memory.
 */
export class LineFeeder {
  lines = 0;
  truncatedLines = 0;
  /** A line carried a quoted-printable marker: every line from it on is delivered. */
  sawQuotedPrintable = false;
  private readonly pattern: TriggerPattern;
  private readonly splitter: LineSplitter;
  private forceEveryLine: boolean;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private nextIsTruncated = false;
  private readonly regexFinder: RegexHitFinder;
  private readonly simdFinder: SimdHitFinder | undefined;
  /** The finder holding the region being scanned, begun once per region even when the fast path is re-entered. */
  private finder: HitFinder | undefined;
  private readonly onQuotedPrintable: (() => void) | undefined;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes: number,
    opts: { everyLine?: boolean; search?: HitSearch; lineOffset?: number; onQuotedPrintable?: () => void; moreNeedles?: readonly string[] } = {},
  ) {
    this.lines = opts.lineOffset ?? 0;
    this.onQuotedPrintable = opts.onQuotedPrintable;
    this.pattern = TriggerPattern.of(opts.moreNeedles === undefined ? sink.triggers : withNeedles(sink.triggers, opts.moreNeedles));
    this.forceEveryLine = (opts.everyLine ?? false) || this.pattern.matchesEveryLine;
    this.splitter = new LineSplitter((text) => this.onLine(text));
    this.regexFinder = new RegexHitFinder(this.pattern);
    this.simdFinder = opts.search === 'regex' ? undefined : SimdHitFinder.create(this.pattern.searchBytes);
  }

  push(chunk: Buffer): void {
    for (let at = 0; at < chunk.length; at += MAX_SCAN_BYTES) this.pushSlice(chunk.subarray(at, at + MAX_SCAN_BYTES));
  }

  /**
   * Delivers a last line that has no line break. `lastLineCut`: the input ended inside a line whose bytes were all
   * taken off before they came here (colour codes, AnsiStripper): it is still a line, empty.
   */
  end(lastLineCut = false): void {
    if (this.pendingBytes > 0 || lastLineCut) this.flushPending();
  }

  /** Forgets the bytes after the last line break: a read stopped there cut a line, which is no line of the log. */
  dropPartialLine(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.nextIsTruncated = false;
  }

  private pushSlice(chunk: Buffer): void {
    let pos = 0;
    if (this.pendingBytes > 0) {
      const nl = chunk.indexOf(LF);
      if (nl === -1) {
        this.keep(chunk);
        return;
      }
      this.keep(chunk.subarray(0, nl));
      this.flushPending();
      pos = nl + 1;
    }
    const lastNl = chunk.lastIndexOf(LF);
    if (lastNl >= pos) {
      this.scan(chunk, pos, lastNl + 1);
      pos = lastNl + 1;
    }
    if (pos < chunk.length) this.keep(chunk.subarray(pos));
  }

  private wantsEveryLine(): boolean {
    return this.forceEveryLine || this.sink.wantsEveryLine;
  }

  private keep(bytes: Buffer): void {
    const room = this.maxLineBytes + 1 - this.pendingBytes;
    if (room <= 0 || bytes.length === 0) return;
    const kept = Buffer.from(bytes.subarray(0, room));
    this.pending.push(kept);
    this.pendingBytes += kept.length;
  }

  private flushPending(): void {
    const line = Buffer.concat([...this.pending, NEWLINE]);
    this.pending = [];
    this.pendingBytes = 0;
    this.scan(line, 0, line.length);
  }

  /** Delivers the complete lines in `buf[start, end)`; `buf[end - 1]` is LF. */
  private scan(buf: Buffer, start: number, end: number): void {
    let pos = start;
    try {
      while (pos < end) {
        pos = this.wantsEveryLine() ? this.deliverAll(buf, pos, end) : this.deliverHits(buf, pos, end);
      }
    } finally {
      this.finder = undefined;
    }
  }

  /** Every line through split2, in batches of about `SPLIT_BATCH_BYTES`, over-long lines cut first. Returns
   *  after the batch in which the sink turned quiet; the rest of that batch is filtered in onLine. */
  private deliverAll(buf: Buffer, start: number, end: number): number {
    let pos = start;
    while (pos < end) {
      const batchEnd = Math.min(end, buf.indexOf(LF, Math.min(end - 1, pos + SPLIT_BATCH_BYTES - 1)) + 1);
      this.splitBatch(buf, pos, batchEnd);
      pos = batchEnd;
      if (!this.wantsEveryLine()) return pos;
    }
    return pos;
  }

  private splitBatch(buf: Buffer, start: number, end: number): void {
    let runStart = start;
    let pos = start;
    while (pos < end) {
      const nl = buf.indexOf(LF, pos);
      if (nl - pos > this.maxLineBytes) {
        if (runStart < pos) this.splitter.write(buf.subarray(runStart, pos));
        this.materialize(buf, pos, nl);
        runStart = nl + 1;
      }
      pos = nl + 1;
    }
    if (runStart < end) this.splitter.write(buf.subarray(runStart, end));
  }

  /** The fast path; returns early, at a line start, once the sink wants every line. */
  private deliverHits(buf: Buffer, start: number, end: number): number {
    const finder = (this.finder ??= this.beginRegion(buf, start, end));
    let pos = start;
    while (pos < end) {
      const hit = finder.next(pos);
      pos = this.skipTo(buf, pos, hit, end);
      if (hit === end || this.wantsEveryLine()) return pos;
      const nl = buf.indexOf(LF, hit);
      this.materialize(buf, pos, nl);
      pos = nl + 1;
      if (this.wantsEveryLine()) return pos;
    }
    return pos;
  }

  private beginRegion(buf: Buffer, start: number, end: number): HitFinder {
    const finder = this.simdFinder?.fits(start, end) ? this.simdFinder : this.regexFinder;
    finder.begin(buf, start, end);
    return finder;
  }

  /** Counts the lines that end before `hit` and returns the start of the line holding it; over-long lines are
   *  delivered, and counting stops after one of them if the sink then wants every line. */
  private skipTo(buf: Buffer, start: number, hit: number, end: number): number {
    // A region no longer than the cap cannot hold an over-long line, so its lines need no one-by-one look.
    if (this.finder?.countNewlines && end - start <= this.maxLineBytes) {
      const lineStart = hit === start ? start : Math.max(start, buf.lastIndexOf(LF, hit - 1) + 1);
      this.lines += this.finder.countNewlines(start, lineStart);
      return lineStart;
    }
    let pos = start;
    for (;;) {
      const nl = buf.indexOf(LF, pos);
      if (nl === -1 || nl >= hit) return pos;
      if (nl - pos > this.maxLineBytes) {
        this.materialize(buf, pos, nl);
        if (this.wantsEveryLine()) return nl + 1;
      } else {
        this.lines++;
      }
      pos = nl + 1;
    }
  }

  /** Decodes the line `buf[start, nl)` through split2, cut to the cap. */
  private materialize(buf: Buffer, start: number, nl: number): void {
    if (nl - start <= this.maxLineBytes) {
      this.splitter.write(buf.subarray(start, nl + 1));
      return;
    }
    this.nextIsTruncated = true;
    try {
      this.splitter.write(Buffer.concat([buf.subarray(start, start + this.maxLineBytes), NEWLINE]));
    } finally {
      this.nextIsTruncated = false;
    }
  }

  private onLine(text: string): void {
    this.lines++;
    const truncated = this.nextIsTruncated;
    if (truncated) this.truncatedLines++;
    if (!this.sawQuotedPrintable && TriggerPattern.isQuotedPrintable(text)) {
      this.forceEveryLine = this.sawQuotedPrintable = true;
      this.onQuotedPrintable?.();
    }
    if (!truncated && !this.wantsEveryLine() && !this.pattern.matches(text) && !TriggerPattern.endsInRule(text)) return;
    this.sink.pushLine(this.lines, text, truncated);
  }
}
