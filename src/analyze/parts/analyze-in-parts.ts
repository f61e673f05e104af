import { openFileRange } from '../../ingest/open-input.js';
import type { FileChunks } from '../../ingest/file-chunks.js';
import { LogAnalyzer } from '../analyzer.js';
import { analyzeOptionsOf, type AnalyzeOptions } from '../analyze-options.js';
import type { AnalysisResult } from '../types.js';
import { feedAnalyzer, finishFed } from '../feed-analyzer.js';
import type { PartJob, PartOutcome, PartRunner } from './part-job.js';
import type { PartsPlan } from './plan-parts.js';
import { unlessAborted } from '../../until-aborted.js';
import type { FeedStats } from '../../ingest/feed-lines.js';
import type { InputNotes } from '../../input-notes.js';

export interface PartsOptions extends AnalyzeOptions {
  name: string;
  signal?: AbortSignal;
  onBytes?: (bytesRead: number) => void;
  youngGenerationCapBytes?: number;
}

/**
 * Analyzes a file in parts at once: this thread reads the first part, `runner` the others, each starting at a
 * cut-here line that also ends the part before it. The parts are taken in, in order, only where the analyzer of
 * the part before was settled at that line (LogAnalyzer.settledAt), so the result is the one a single read gives.
 * Where a part cannot be taken in (it failed, the first part was not settled at its end, the log holds more kinds
 * than MAX_CLUSTERS), this thread reads on from where its analyzer stands, as a single read would, and the other
 * parts are stopped. Undefined only where it cannot read on: a quoted-printable marker in the first part, or a later
 * part taken in that was not settled at its end; the caller then reads the file in one piece.
 * A failure or stop inside the first part is reported as in a single read.
 */
export async function analyzeInParts(plan: PartsPlan, opts: PartsOptions, runner: PartRunner): Promise<AnalysisResult | undefined> {
  const jobs: PartJob[] = plan.splits.map((split, i) => ({
    path: plan.path,
    start: split.start,
    end: plan.splits[i + 1]?.end ?? Infinity,
    last: i === plan.splits.length - 1,
    ...(i === plan.splits.length - 1 && { sizeAtOpen: plan.size }),
    ...(opts.maxLineBytes !== undefined && { maxLineBytes: opts.maxLineBytes }),
    ...(opts.maxSplatLines !== undefined && { maxSplatLines: opts.maxSplatLines }),
    ...(opts.youngGenerationCapBytes !== undefined && { youngGenerationCapBytes: opts.youngGenerationCapBytes }),
  }));
  // Each part reads its split line, which the part before it read too: its bytes are counted once, as stats.bytes
  // counts them, so that the last count is the file's size (it had run past it by one line per split).
  const overlap = plan.splits.map((split) => split.end - split.start);
  const partBytes = jobs.map(() => 0);
  let ownBytes = 0;
  let reported = 0;
  // Never backwards: reading on, this thread's count starts below what the stopped parts had reported.
  const report = (): void => {
    const bytes = partBytes.reduce((sum, bytes, i) => sum + Math.max(0, bytes - overlap[i]!), ownBytes);
    if (bytes < reported) return;
    reported = bytes;
    opts.onBytes?.(bytes);
  };
  let cancelled = false;
  const runs = jobs.map((job, i) =>
    runner.run(job, (bytes) => {
      if (cancelled) return;
      partBytes[i] = bytes;
      report();
    }),
  );
  const cancelAll = (): void => {
    if (cancelled) return;
    cancelled = true;
    partBytes.fill(0);
    runs.forEach((run) => run.cancel());
  };

  const analyzer = new LogAnalyzer(analyzeOptionsOf(opts));
  const firstEnd = plan.splits[0]?.end ?? Infinity;
  let chunks: FileChunks;
  try {
    chunks = openFileRange(plan.path, { start: 0, end: firstEnd });
  } catch {
    // Gone or unreadable since it was planned: the single read reports it.
    cancelAll();
    return undefined;
  }
  // A quoted-printable marker leaves the first part unsettled (FeedStats.quotedPrintable), so no later part can be
  // taken in: the read stops there rather than at the end of the part, and the file is read in one piece.
  const unsplittable = new AbortController();
  const fed = await feedAnalyzer(analyzer, chunks, {
    ...opts,
    signal: opts.signal === undefined ? unsplittable.signal : AbortSignal.any([opts.signal, unsplittable.signal]),
    onQuotedPrintable: () => unsplittable.abort(),
    onBytes: (bytes) => {
      ownBytes = bytes;
      // No later part can be taken in: their threads are stopped now, and this one reads on at its part's end.
      if (analyzer.pastClusterCap) cancelAll();
      report();
    },
  });
  // A read stopped part-way would close the file only once the stopped iteration's return got through.
  chunks.close();
  if (unsplittable.signal.aborted && !stopped(opts.signal)) {
    cancelAll();
    return undefined;
  }
  if (fed.stats === undefined || stopped(opts.signal)) {
    cancelAll();
    return finishFed(analyzer, fed, opts.signal);
  }
  let settled = fed.stats.quotedPrintable !== true && analyzer.settledAt(fed.stats.lines);
  const stats = { ...fed.stats };
  for (const [i, run] of runs.entries()) {
    const outcome: PartOutcome | undefined = settled && !cancelled ? await unlessAborted(run.outcome, opts.signal) : undefined;
    // Stopped: what was taken in so far is the result, marked interrupted.
    if (stopped(opts.signal)) break;
    if (!outcome?.ok || !analyzer.absorb(outcome.part)) {
      cancelAll();
      // The analyzer holds what a single read holds at the end of the first part, or of a later one that was settled.
      if (i > 0 && !settled) return undefined;
      const readOnFrom = plan.splits[i]!.end;
      return readOn(analyzer, { ...opts, path: plan.path, size: plan.size, from: readOnFrom, taken: stats, notes: fed.notes }, (bytes) => {
        ownBytes = bytes;
        report();
      });
    }
    // The split line was read by both parts.
    stats.bytes += outcome.bytes - overlap[i]!;
    stats.lines = outcome.lastLineNo;
    stats.truncatedLines += outcome.truncatedLines;
    settled = outcome.settled;
  }
  cancelAll();
  return finishFed(analyzer, fed, opts.signal, stats);
}

interface ReadOnOptions extends PartsOptions {
  path: string;
  /** PartsPlan.size. */
  size: number;
  /** The byte after the last line taken in. */
  from: number;
  /** What was taken in before `from`. */
  taken: FeedStats;
  notes: InputNotes;
}

/** Reads the rest of the file from `from` into `analyzer`, as a single read goes on; `onBytes` counts from the file's start. */
async function readOn(analyzer: LogAnalyzer, opts: ReadOnOptions, onBytes: (bytes: number) => void): Promise<AnalysisResult | undefined> {
  const { taken } = opts;
  let chunks: FileChunks;
  try {
    chunks = openFileRange(opts.path, { start: opts.from, end: Infinity }, opts.size);
  } catch {
    // Gone or unreadable since the first part was read: the single read reports it.
    return undefined;
  }
  const rest = await feedAnalyzer(analyzer, chunks, {
    name: opts.name,
    ...(opts.maxLineBytes !== undefined && { maxLineBytes: opts.maxLineBytes }),
    ...(opts.signal !== undefined && { signal: opts.signal }),
    lineOffset: taken.lines,
    notes: opts.notes,
    onBytes: (bytes) => onBytes(taken.bytes + bytes),
  });
  chunks.close();
  const whole = (more: FeedStats): FeedStats => ({
    ...more,
    bytes: taken.bytes + more.bytes,
    truncatedLines: taken.truncatedLines + more.truncatedLines,
    encoding: taken.encoding,
  });
  return finishFed(
    analyzer,
    {
      ...rest,
      stats: rest.stats && whole(rest.stats),
      ...(rest.partialStats !== undefined && { partialStats: whole(rest.partialStats) }),
      bytes: taken.bytes + rest.bytes,
    },
    opts.signal,
  );
}

function stopped(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
