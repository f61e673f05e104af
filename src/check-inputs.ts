/**
 * The input argument of the library's entry points, checked before anything is read: one of the wrong kind is a
 * UsageError, not a result whose `inputError` says `read failed: Cannot read properties of null` (`analyzeStream(null)`)
 * nor a raw TypeError (`analyzeText(undefined)`).
 */
import { fileURLToPath } from 'node:url';
import { UsageError } from './errors.js';
import { describeValue } from './util/describe-value.js';

/** `analyzeStream`'s input: a stream or (async) iterable of chunks, not bytes or text themselves. */
export function checkStreamInput(input: unknown): void {
  if (typeof input === 'string') throw new UsageError('input must be a stream or an async iterable of Buffers, not a string: analyzeText takes text');
  // A Buffer is iterable, by the byte: each chunk was a number ('chunk.findIndex is not a function').
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    throw new UsageError('input must be a stream or an async iterable of Buffers, not the bytes themselves: give Readable.from([bytes])');
  }
  const iterable = typeof input === 'object' && input !== null && (Symbol.asyncIterator in input || Symbol.iterator in input);
  if (!iterable) throw new UsageError(`input must be a stream or an async iterable of Buffers, not ${describeValue(input)}`);
}

/** `analyzeText`'s text. */
export function checkText(text: unknown): void {
  if (text instanceof Uint8Array) throw new UsageError("text must be a string, not bytes: decode them (bytes.toString('utf8')), or give analyzeStream Readable.from([bytes])");
  if (typeof text !== 'string') throw new UsageError(`text must be a string, not ${describeValue(text)}`);
}

/** A path to open, as a string: a string as given (`-` for stdin), a `file:` URL as its path. */
export function pathArgument(spec: unknown): string {
  if (typeof spec === 'string') return spec;
  if (spec instanceof URL && spec.protocol === 'file:') return fileURLToPath(spec);
  throw new UsageError(`the path must be a string (or - for stdin) or a file: URL, not ${spec instanceof URL ? spec.href : describeValue(spec)}`);
}
