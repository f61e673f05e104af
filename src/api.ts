import { Readable } from 'node:stream';
import { feedLines, type FeedStats } from './ingest/feed-lines.js';
import { openInput } from './ingest/open-input.js';
import { LogAnalyzer } from './analyze/analyzer.js';
import type { AnalyzeOptions } from './analyze/analyze-options.js';
import type { AnalysisResult } from './analyze/types.js';
import { VmemwarnError } from './errors.js';
import { unlessAborted, untilAborted } from './until-aborted.js';
import { InputNotes } from './input-notes.js';

export interface StreamAnalyzeOptions extends AnalyzeOptions {
  /** Stops reading; the result covers what was read and is marked interrupted. */
  signal?: AbortSignal;
  /** Called with the running count of bytes read, for progress displays. */
  onBytes?: (bytesRead: number) => void;
}

/**
 * Analyzes one decompressed byte stream. A read failure part-way (truncated data, I/O error) does not lose what was
 * read: the result carries `inputError` instead of throwing.
 */
export async function analyzeStream(
  input: NodeJS.ReadableStream | AsyncIterable<Buffer>,
  opts: StreamAnalyzeOptions = {},
): Promise<AnalysisResult> {
  const name = opts.name ?? '-';
  const analyzer = new LogAnalyzer({ ...opts, name });
  const counter = { bytes: 0, notes: new InputNotes() };
  let stats: FeedStats | undefined;
  let inputError: string | undefined;
  try {
    stats = await feedLines(countAndAbort(input, counter, opts), analyzer, {
      name,
      ...(opts.maxLineBytes !== undefined && { maxLineBytes: opts.maxLineBytes }),
    });
  } catch (err) {
    if (!opts.signal?.aborted) inputError = err instanceof VmemwarnError ? err.message : `${name}: ${(err as Error).message}`;
  }
  // After a failure only what the analyzer saw is known: the bytes read and the last line delivered.
  const result = analyzer.finish(
    stats ?? { lines: analyzer.lastLineNo, bytes: counter.bytes, truncatedLines: 0, encoding: 'utf-8' },
  );
  // A read that failed or was stopped says why itself; "empty input" would only mislead.
  const readToEnd = inputError === undefined && opts.signal?.aborted !== true;
  return {
    ...result,
    warnings: [...(readToEnd ? counter.notes.notes() : []), ...result.warnings],
    ...(inputError !== undefined && { inputError }),
    ...(opts.signal?.aborted === true && { interrupted: true }),
  };
}

/** Analyzes a file path (or `-` for stdin), whatever its compression. Open failures throw `InputError`. */
export async function analyzeFile(spec: string, opts: StreamAnalyzeOptions = {}): Promise<AnalysisResult> {
  const opened = await unlessAborted(
    // The analyzer copies what it keeps of each chunk at once (feed-lines.ts), so plain files may reuse buffers.
    openInput(spec, {
      recycleChunks: true,
      ...(opts.maxDecompressedBytes !== undefined && { maxDecompressedBytes: opts.maxDecompressedBytes }),
    }),
    opts.signal,
  );
  if (opened === undefined) return analyzeStream(Readable.from([]), { ...opts, name: opts.name ?? spec });
  return analyzeStream(opened.stream, { ...opts, name: opts.name ?? opened.name });
}

/** Analyzes a log held in memory. */
export async function analyzeText(text: string, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  return analyzeStream(Readable.from([Buffer.from(text, 'utf8')]), opts);
}

async function* countAndAbort(
  input: NodeJS.ReadableStream | AsyncIterable<Buffer>,
  counter: { bytes: number; notes: InputNotes },
  opts: StreamAnalyzeOptions,
): AsyncIterable<Buffer> {
  for await (const chunk of untilAborted(input as AsyncIterable<Buffer | string>, opts.signal)) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    counter.bytes += buffer.length;
    counter.notes.observe(buffer);
    opts.onBytes?.(counter.bytes);
    yield buffer;
  }
}
