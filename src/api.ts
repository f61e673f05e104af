import { Readable } from 'node:stream';
import { openInput } from './ingest/open-input.js';
import { LogAnalyzer } from './analyze/analyzer.js';
import { ANALYZE_OPTION_KEYS, analyzeOptionsOf, type AnalyzeOptions } from './analyze/analyze-options.js';
import { optionKeys } from './util/option-keys.js';
import type { AnalysisResult } from './analyze/types.js';
import { feedAnalyzer, finishFed } from './analyze/feed-analyzer.js';
import { unlessAbortedReleasing, untilAborted } from './until-aborted.js';
import { decompressedChunks } from './ingest/decompress.js';
import { letGoOfInput } from './ingest/blocked-fifos.js';
import { checkAnalyzeOptions } from './analyze/check-options.js';
import { checkStreamInput, checkText, pathArgument } from './check-inputs.js';
import { inFunction } from './util/check-argument.js';

/**
 * Options of `analyzeStream` and `analyzeText`: the `AnalyzeOptions` (name, caps, layout overrides) plus a stop
 * signal and a progress callback.
 */
export interface StreamAnalyzeOptions extends AnalyzeOptions {
  /** Stops reading; the result covers what was read and is marked interrupted. */
  signal?: AbortSignal;
  /**
   * Called with the running count of bytes read (decompressed), for progress displays: it never falls, and its last
   * value is the result's `stats.bytes`, also for a file `analyzeFile` reads in parts.
   */
  onBytes?: (bytesRead: number) => void;
}

/** The keys of `StreamAnalyzeOptions`: any other is a UsageError. */
export const STREAM_OPTION_KEYS = optionKeys<StreamAnalyzeOptions>()([...ANALYZE_OPTION_KEYS, 'signal', 'onBytes']);

/**
 * Options of `analyzeFile`: those of `analyzeStream` plus reading one large file in parts on several threads.
 * `name` defaults to the path given.
 */
export interface FileAnalyzeOptions extends StreamAnalyzeOptions {
  /**
   * Threads that may read parts of one large uncompressed file at once (default 1). The result is the same as
   * one thread's; see analyze/parts/ for when a file is split.
   */
  threads?: number;
  /**
   * Young-generation cap for the isolates of those threads (the CLI's heap policy). It sets a V8 flag, which is
   * process-wide and stays set: an embedder that wants its own heap sizing should leave this out.
   */
  youngGenerationCapBytes?: number;
  /** Cut into equal parts whatever the cost model says (analyze/parts/cost-model.ts); for tests and measurements. */
  partsEvenly?: boolean;
  /** Called once, before the other threads start, when the file is read in parts (the CLI favours memory then). */
  onSplit?: (parts: number) => void;
}

/** The keys of `FileAnalyzeOptions`: any other is a UsageError. */
export const FILE_OPTION_KEYS = optionKeys<FileAnalyzeOptions>()([...STREAM_OPTION_KEYS, 'threads', 'youngGenerationCapBytes', 'partsEvenly', 'onSplit']);

/**
 * Analyzes one byte stream as it comes, whatever its compression (gzip, xz, zstd or bzip2, found by its magic bytes
 * and undone within `maxDecompressedBytes`, as `analyzeFile` does). Its chunks are Buffers or any Uint8Arrays: a web
 * `ReadableStream` (`(await fetch(url)).body`, `blob.stream()`) will do, as will `Readable.fromWeb` of one. A read failure part-way (truncated or corrupt
 * data, I/O error) does not lose what was read: the result carries `inputError` instead of throwing. Bad option
 * values, and an input that is no stream or iterable (null, a string, a Buffer), throw `UsageError`.
 */
export async function analyzeStream(
  input: NodeJS.ReadableStream | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: StreamAnalyzeOptions = {},
): Promise<AnalysisResult> {
  inFunction('analyzeStream', () => {
    checkStreamInput(input);
    checkAnalyzeOptions(opts, STREAM_OPTION_KEYS);
  });
  // The stop reaches the read of the input itself: one idle before its first bytes is given up on, not waited for.
  const bytes = decompressedChunks(untilAborted(input as AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>, opts.signal), opts.name ?? '-', {
    ...(opts.maxDecompressedBytes !== undefined && { maxDecompressedBytes: opts.maxDecompressedBytes }),
  });
  return analyzeCheckedStream(bytes, opts);
}

/** `analyzeStream` once its input and options were checked; `analyzeFile` passes its own options on. */
async function analyzeCheckedStream(input: NodeJS.ReadableStream | AsyncIterable<Buffer>, opts: FileAnalyzeOptions): Promise<AnalysisResult> {
  const name = opts.name ?? '-';
  const analyzer = new LogAnalyzer(analyzeOptionsOf({ ...opts, name }));
  const fed = await feedAnalyzer(analyzer, input, { ...opts, name });
  return finishFed(analyzer, fed, opts.signal);
}

/**
 * Analyzes a file path (or `-` for stdin), or a `file:` URL (`new URL('./dmesg.txt', import.meta.url)`), whatever its
 * compression. Open failures throw `InputError`. After an abort (`signal`), a FIFO or stdin it was waiting on is let
 * go, so that the embedding process can exit. `name` defaults to the path (a URL's, as a path).
 */
export async function analyzeFile(spec: string | URL, opts: FileAnalyzeOptions = {}): Promise<AnalysisResult> {
  const path = inFunction('analyzeFile', () => {
    const checked = pathArgument(spec);
    checkAnalyzeOptions(opts, FILE_OPTION_KEYS);
    return checked;
  });
  const result = await analyzeFileOrPart(path, opts);
  if (opts.signal?.aborted === true) letGoOfInput(path);
  return result;
}

async function analyzeFileOrPart(spec: string, opts: FileAnalyzeOptions): Promise<AnalysisResult> {
  if ((opts.threads ?? 1) >= 2) {
    const result = await analyzeFileInParts(spec, opts);
    if (result !== undefined) return result;
  }
  const opened = await unlessAbortedReleasing(
    // The analyzer copies what it keeps of each chunk at once (feed-lines.ts), so plain files may reuse buffers.
    openInput(spec, {
      recycleChunks: true,
      ...(opts.maxDecompressedBytes !== undefined && { maxDecompressedBytes: opts.maxDecompressedBytes }),
    }),
    opts.signal,
    (late) => late.close(),
  );
  if (opened === undefined) return analyzeCheckedStream(Readable.from([]), { ...opts, name: opts.name ?? spec });
  try {
    return await analyzeCheckedStream(opened.stream, { ...opts, name: opts.name ?? opened.name });
  } finally {
    // A read stopped part-way ends its iteration without waiting (untilAborted): the file is closed here, before
    // the result is handed back, not some turns of the event loop later.
    opened.close();
  }
}

/**
 * The file read in parts, or undefined to read it in one piece. The planner loads only for a run allowed threads, and
 * the rest of analyze/parts/ only for a file it splits: triage workers and one-thread runs load none of it.
 */
async function analyzeFileInParts(spec: string, opts: FileAnalyzeOptions): Promise<AnalysisResult | undefined> {
  const { planParts } = await import('./analyze/parts/plan-parts.js');
  const plan = planParts(spec, opts.threads ?? 1, { evenly: opts.partsEvenly === true });
  if (plan === undefined) return undefined;
  opts.onSplit?.(plan.splits.length + 1);
  const [{ analyzeInParts }, { workerPartRunner }] = await Promise.all([
    import('./analyze/parts/analyze-in-parts.js'),
    import('./analyze/parts/worker-part-runner.js'),
  ]);
  return analyzeInParts(plan, { ...opts, name: opts.name ?? spec }, workerPartRunner);
}

/** Analyzes a log held in memory, as text (never decompressed); `signal` and `onBytes` work as for `analyzeStream`. */
export async function analyzeText(text: string, opts: StreamAnalyzeOptions = {}): Promise<AnalysisResult> {
  inFunction('analyzeText', () => {
    checkText(text);
    checkAnalyzeOptions(opts, STREAM_OPTION_KEYS);
  });
  return analyzeCheckedStream(Readable.from([Buffer.from(text, 'utf8')]), opts);
}

/**
 * `analyzeStream` of bytes already decompressed, read as they are, with options already checked: triage's inputs,
 * which it decompressed against one budget per input (a `.gz` inside a `.gz` is not undone again), under the
 * options `runTriage` checked once for the whole run.
 */
export async function analyzeDecodedStream(input: NodeJS.ReadableStream | AsyncIterable<Buffer>, opts: StreamAnalyzeOptions): Promise<AnalysisResult> {
  return analyzeCheckedStream(input, opts);
}
