import { InputError } from '../errors.js';
import { checkChoice, checkFunction, checkString, checkWholeNumber } from '../util/option-values.js';
import { ReadInterrupted } from '../until-aborted.js';
import { EncodingSniffer } from './encoding-sniffer.js';
import { LineBreakNormalizer } from './line-break-normalizer.js';
import { AnsiStripper } from './ansi-stripper.js';
import { LF } from './line-break-bytes.js';
import { HEAD_BYTES, headReading } from './hidden-needles.js';
import { HIT_SEARCHES, LineFeeder, type HitSearch } from './line-feeder.js';
import type { LineSink } from './line-sink.js';
import { checkOptionsObject, optionKeys } from '../util/option-keys.js';
import { checkStreamInput } from '../check-inputs.js';
import { asBuffer } from './as-buffer.js';
import { asyncIteratorOf } from '../util/async-iterator-of.js';
import { checkArgument, inFunction, isObject } from '../util/check-argument.js';

/** What `feedLines` read: line and byte counts and the text encoding it found. */
export interface FeedStats {
  /** Lines read, also those the fast path did not deliver to the sink; counted on from `lineOffset`: the last line's number. */
  lines: number;
  /** Bytes read from `input` (decompressed, before text decoding). */
  bytes: number;
  /** Lines cut to `maxLineBytes`. */
  truncatedLines: number;
  /** What the byte-order mark named (UTF-16 needs one), else `utf-8`; UTF-16 reaches the sink re-encoded as UTF-8. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** A line carried a quoted-printable marker: every line after it was delivered. */
  quotedPrintable?: true;
}

/** Options of `feedLines`: the line cap, the input's name for errors, the needle search and where numbering starts. */
export interface FeedOptions {
  /** Lines longer than this keep their first `maxLineBytes` UTF-8 bytes and are flagged truncated. */
  maxLineBytes?: number;
  /** Names the input in an `InputError` when reading fails. */
  name?: string;
  /** The fast path's needle search; both find the same lines (default `simd`). */
  search?: HitSearch;
  /**
   * Where the input starts in a larger file (analyze/parts/): its first line is line `lineOffset + 1` (the line
   * count in FeedStats counts on from there), and it is UTF-8 with no byte-order mark to look for, its lines break at
   * LF and its needles are in plain sight (no journal entries or logcat lines hide them), as the file's head showed.
   */
  lineOffset?: number;
  /** Called once, when a line first carries a quoted-printable marker (FeedStats.quotedPrintable). */
  onQuotedPrintable?: () => void;
}

/** The keys of `FeedOptions`: any other is a UsageError. */
const FEED_OPTION_KEYS = optionKeys<FeedOptions>()(['maxLineBytes', 'name', 'search', 'lineOffset', 'onQuotedPrintable']);

const DEFAULT_MAX_LINE_BYTES = 65536;

/**
 * What `feedLines` throws when a read fails part-way (truncated or corrupt data, an I/O error), with the stats of what
 * was read before it: every line counted, also those the fast path did not deliver. Its message is the failure's, as
 * an InputError's (it is one); the sink was given every line decoded before it.
 */
export class PartialReadError extends InputError {
  constructor(
    input: string,
    reason: string,
    readonly stats: FeedStats,
  ) {
    super(input, reason);
  }
}

/**
 * Streams `input` (a stream or an iterable of Buffers or other Uint8Arrays) into `sink` line by line, with terminal
 * escape sequences (colour codes) taken off (`maxLineBytes` counts the bytes left); see `LineSink` for which lines may be skipped. When reading fails the
 * lines decoded so far stay delivered (including a final partial line) and the error is rethrown as an
 * `InputError` naming the input. A read stopped by `untilAborted` (ReadInterrupted) delivers no partial line: the
 * stop, not the log, cut it. An option key that is none of `FeedOptions`', or a value of the wrong kind, is a `UsageError`.
 */
export async function feedLines(
  input: NodeJS.ReadableStream | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  sink: LineSink,
  opts: FeedOptions = {},
): Promise<FeedStats> {
  inFunction('feedLines', () => checkStreamInput(input));
  const isSink = isObject(sink) && typeof sink.pushLine === 'function' && Array.isArray(sink.triggers);
  checkArgument(isSink, 'feedLines', 'sink', 'a line sink ({ pushLine, wantsEveryLine, triggers }, as a LogAnalyzer is)', sink);
  inFunction('feedLines', () => checkFeedOptions(opts));
  const maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const sniffer = new EncodingSniffer(opts.lineOffset === undefined ? undefined : 'utf-8');
  // A later part of a file reads its line breaks and needles as the file's head showed them (planParts splits only a
  // file whose head has LFs and no hidden needles): judged again on the part's own first bytes, a part starting in a
  // run of bare-CR lines had come out unlike a single read.
  const normalizer = new LineBreakNormalizer(opts.lineOffset === undefined ? undefined : 'lf');
  const escapes = new AnsiStripper();
  let feeder: LineFeeder | undefined;
  let bytes = 0;
  // Whether the input so far ends inside a line: one of colour codes alone has no bytes left once they are off.
  let insideLine = false;
  const track = (lines: Buffer): Buffer => {
    if (lines.length > 0) insideLine = lines[lines.length - 1] !== LF;
    return lines;
  };
  // UTF-16 input takes the plain path (every line): it is rare, and its needles were never raw ASCII bytes. So does
  // input whose start shows a wrapper that hides needles in its own way (headReading).
  const feederFor = (start: Buffer): LineFeeder => {
    const reading = opts.lineOffset === undefined ? headReading(start) : undefined;
    return new LineFeeder(sink, maxLineBytes, {
      everyLine: sniffer.encoding !== 'utf-8' || reading?.everyLine === true,
      ...(reading?.moreNeedles !== undefined && { moreNeedles: reading.moreNeedles }),
      ...(opts.search !== undefined && { search: opts.search }),
      ...(opts.lineOffset !== undefined && { lineOffset: opts.lineOffset }),
      ...(opts.onQuotedPrintable !== undefined && { onQuotedPrintable: opts.onQuotedPrintable }),
    });
  };
  // The input's first HEAD_BYTES, held until they have all come (or the input ended) and headReading has judged them:
  // judged on a first chunk alone (a pipe's first write, a zip member's 16 KiB), a journal's second host or an
  // escaped colour code just past it had gone unseen.
  const head: Buffer[] = [];
  let headBytes = 0;
  const feed = (utf8: Buffer, ended = false): LineFeeder | undefined => {
    let bytesIn = utf8;
    if (feeder === undefined) {
      if (!ended && opts.lineOffset === undefined && headBytes + utf8.length < HEAD_BYTES) {
        head.push(utf8);
        headBytes += utf8.length;
        return undefined;
      }
      bytesIn = head.length > 0 ? Buffer.concat([...head, utf8]) : utf8;
      head.length = 0;
      feeder = feederFor(bytesIn);
    }
    feeder.push(escapes.push(track(normalizer.normalize(bytesIn))));
    return feeder;
  };
  const finish = (): LineFeeder => {
    const done = feed(sniffer.end(), true)!;
    done.push(escapes.push(track(normalizer.end())));
    done.push(escapes.end());
    done.end(insideLine);
    return done;
  };
  // A stopped read: the bytes still held (a partial line, half a character, a CR) end nowhere and are dropped.
  const stop = (): LineFeeder => {
    const done = feeder ?? feed(Buffer.alloc(0), true)!;
    done.dropPartialLine();
    return done;
  };

  const chunks = asyncIteratorOf(input as AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>);
  let completed = false;
  try {
    for (;;) {
      let step: IteratorResult<Uint8Array | string>;
      try {
        step = await chunks.next();
      } catch (error) {
        completed = true;
        const partial = statsOf(error instanceof ReadInterrupted ? stop() : finish(), bytes, sniffer);
        if (!(error instanceof InputError)) throw new PartialReadError(opts.name ?? '-', readErrorMessage(error), partial);
        throw new PartialReadError(error.input, InputError.reasonOf(error.message, error.input), partial);
      }
      if (step.done === true) break;
      const buf = asBuffer(step.value);
      bytes += buf.length;
      const utf8 = sniffer.push(buf);
      if (utf8 !== undefined) feed(utf8);
    }
    completed = true;
  } finally {
    // A throwing sink stops the read early: release the input.
    if (!completed) await chunks.return?.();
  }
  return statsOf(finish(), bytes, sniffer);
}

/**
 * Each option, when given, of its kind, as the other exports check theirs: a `maxLineBytes` of 'x' had been a
 * RangeError naming no export.
 */
function checkFeedOptions(opts: FeedOptions): void {
  checkOptionsObject(opts, FEED_OPTION_KEYS);
  checkWholeNumber('maxLineBytes', opts.maxLineBytes, 1);
  checkWholeNumber('lineOffset', opts.lineOffset, 0);
  checkString('name', opts.name);
  checkChoice('search', opts.search, HIT_SEARCHES);
  checkFunction('onQuotedPrintable', opts.onQuotedPrintable);
}

function statsOf(done: LineFeeder, bytes: number, sniffer: EncodingSniffer): FeedStats {
  return {
    lines: done.lines,
    bytes,
    truncatedLines: done.truncatedLines,
    encoding: sniffer.encoding ?? 'utf-8',
    ...(done.sawQuotedPrintable && { quotedPrintable: true }),
  };
}

function readErrorMessage(error: unknown): string {
  return error instanceof Error ? `read failed: ${error.message}` : `read failed: ${String(error)}`;
}
