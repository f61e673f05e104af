import { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { asyncIteratorOf } from '../util/async-iterator-of.js';
import { asBuffer } from './as-buffer.js';

/**
 * A byte stream whose first bytes can be looked at before it is consumed. Read failures become `InputError`s
 * naming the input; `ended` tells whether every byte was read.
 */
export class PeekableSource {
  ended = false;
  private readonly iterator: AsyncIterator<Uint8Array | string>;
  private head: Buffer[] = [];
  /** A read that failed while peeking, after some bytes came: thrown once those bytes have been handed on. */
  private failure: unknown;

  constructor(
    input: NodeJS.ReadableStream | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>,
    private readonly name: string,
  ) {
    this.iterator = asyncIteratorOf(input as AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>);
  }

  /**
   * At least `minBytes` leading bytes, fewer only when the input is shorter or fails after some: a truncated gzip
   * log that decodes to less than a peek had been an error with nothing read, where `analyze` read its lines.
   */
  async peek(minBytes: number): Promise<Buffer> {
    let held = this.head.reduce((n, b) => n + b.length, 0);
    while (held < minBytes && !this.ended && this.failure === undefined) {
      let chunk: Buffer | undefined;
      try {
        chunk = await this.next();
      } catch (err) {
        if (held === 0) throw err;
        this.failure = err;
        break;
      }
      if (chunk === undefined) break;
      this.head.push(chunk);
      held += chunk.length;
    }
    // A small file arrives as one whole-file chunk: a concat would copy all of it to show a few magic bytes.
    return this.head.length === 1 ? this.head[0]! : Buffer.concat(this.head);
  }

  /** `chunks()` as a byte stream; destroying it early releases the input (closes a file, drains an archive member). */
  replay(): Readable {
    return Readable.from(this.chunks(), { objectMode: false });
  }

  /** Every byte, the peeked ones first; iterate once. */
  async *chunks(): AsyncGenerator<Buffer, void, undefined> {
    let completed = false;
    try {
      yield* this.head.splice(0);
      if (this.failure !== undefined) {
        completed = true;
        throw this.failure;
      }
      for (;;) {
        const chunk = await this.next();
        if (chunk === undefined) break;
        yield chunk;
      }
      completed = true;
    } finally {
      if (!completed) await this.iterator.return?.();
    }
  }

  private async next(): Promise<Buffer | undefined> {
    let step: IteratorResult<Uint8Array | string>;
    try {
      step = await this.iterator.next();
    } catch (error) {
      // An upstream stage (a size limit) may already have said what went wrong, naming the input.
      if (error instanceof InputError) throw error;
      throw new InputError(this.name, `read failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (step.done === true) {
      this.ended = true;
      return undefined;
    }
    // The ingest boundary: every decoder, and the plain path, sees Buffers from here on.
    return asBuffer(step.value);
  }
}
