import { feedLines, PartialReadError, type FeedStats } from '../ingest/feed-lines.js';
import { VmemwarnError } from '../errors.js';
import { untilAborted } from '../until-aborted.js';
import { InputNotes } from '../input-notes.js';
import type { LogAnalyzer } from './analyzer.js';
import type { AnalysisResult } from './types.js';

export interface FeedAnalyzerOptions {
  name: string;
  maxLineBytes?: number;
  /** Stops reading; the result covers what was read and is marked interrupted. */
  signal?: AbortSignal;
  /** Called with the running count of bytes read, for progress displays. */
  onBytes?: (bytesRead: number) => void;
  /** Lines before the input, when it is a later part of a file (FeedOptions.lineOffset). */
  lineOffset?: number;
  /** FeedOptions.onQuotedPrintable. */
  onQuotedPrintable?: () => void;
  /** Goes on watching the bytes of an input read before (a file read on after its first part), else new. */
  notes?: InputNotes;
}

/** What reading one input into an analyzer came to: stats when it read to the end, else the failure. */
export interface FedInput {
  stats: FeedStats | undefined;
  /** After a read that failed part-way: the stats of what was read before it. */
  partialStats?: FeedStats;
  inputError: string | undefined;
  bytes: number;
  notes: InputNotes;
  /** What the caller's onBytes threw, rethrown as is. */
  callerError?: unknown;
}

/**
 * Streams `input` into `analyzer`. A read failure part-way (truncated data, I/O error) does not lose what was
 * read: it comes back as `inputError`, and the analyzer keeps every line it was given.
 */
export async function feedAnalyzer(
  analyzer: LogAnalyzer,
  input: NodeJS.ReadableStream | AsyncIterable<Buffer>,
  opts: FeedAnalyzerOptions,
): Promise<FedInput> {
  const fed: FedInput = { stats: undefined, inputError: undefined, bytes: 0, notes: opts.notes ?? new InputNotes() };
  try {
    fed.stats = await feedLines(countAndAbort(input, fed, opts), analyzer, {
      name: opts.name,
      ...(opts.maxLineBytes !== undefined && { maxLineBytes: opts.maxLineBytes }),
      ...(opts.lineOffset !== undefined && { lineOffset: opts.lineOffset }),
      ...(opts.onQuotedPrintable !== undefined && { onQuotedPrintable: opts.onQuotedPrintable }),
    });
  } catch (err) {
    // The caller's own progress callback failed: its error, not a read failure of the input.
    if (fed.callerError !== undefined) throw fed.callerError;
    if (err instanceof PartialReadError) fed.partialStats = err.stats;
    if (!opts.signal?.aborted) fed.inputError = err instanceof VmemwarnError ? err.message : `${opts.name}: ${(err as Error).message}`;
  }
  return fed;
}

/** The analysis of an input read by `feedAnalyzer`, with its notes, its failure and whether it was stopped. */
export function finishFed(analyzer: LogAnalyzer, fed: FedInput, signal: AbortSignal | undefined, stats?: FeedStats): AnalysisResult {
  // After a read failure the reader's count of what it read; after any other failure (the analyzer threw) only
  // what the analyzer saw is known: the bytes read and the last line delivered.
  const result = analyzer.finish(
    stats ?? fed.stats ?? fed.partialStats ?? { lines: analyzer.lastLineNo, bytes: fed.bytes, truncatedLines: 0, encoding: 'utf-8' },
    { interrupted: signal?.aborted === true },
  );
  // A read that failed or was stopped says why itself; "empty input" would only mislead.
  const readToEnd = fed.inputError === undefined && signal?.aborted !== true;
  return {
    ...result,
    warnings: [...(readToEnd ? fed.notes.notes() : []), ...result.warnings],
    ...(fed.inputError !== undefined && { inputError: fed.inputError }),
    ...(signal?.aborted === true && { interrupted: true }),
  };
}

async function* countAndAbort(
  input: NodeJS.ReadableStream | AsyncIterable<Buffer>,
  fed: FedInput,
  opts: FeedAnalyzerOptions,
): AsyncIterable<Buffer> {
  for await (const chunk of untilAborted(input as AsyncIterable<Buffer | string>, opts.signal)) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    fed.bytes += buffer.length;
    fed.notes.observe(buffer);
    try {
      opts.onBytes?.(fed.bytes);
    } catch (err) {
      fed.callerError = err;
      throw err;
    }
    yield buffer;
  }
}
