import bzip2 from 'unbzip2-stream/lib/bzip2.js';
import bitIterator from 'unbzip2-stream/lib/bit_iterator.js';
import { ChunkPool, RECYCLE_NEVER } from './chunk-pool.js';
import type { DecodeOptions } from './compression-formats.js';

/** Compressed bytes kept ahead of the decoder: more than the largest block (`BZh9`), the margin unbzip2-stream uses. */
const lookahead = (blockSize: number): number => 25_000 + 100_000 * blockSize;
const OUT_CHUNK_BYTES = 64 * 1024;

/**
 * bzip2 decoded one block at a time, each block's output handed on before the next is decoded.
 *
 * unbzip2-stream's own stream decodes every block still buffered when its input ends, at once: a 268 kB .bz2 of
 * 2 GB of text took 2 GiB of memory before the size limit could see a byte. This drives its block decoder
 * (lib/bzip2.js) and bit reader directly, pulling compressed input only as the decoder needs it, so memory holds one
 * block's output (at most ~46 MB, from bzip2's run-length stage) and about 1 MB of input.
 *
 * `recycleOutput`, once it says yes: a block's output buffers are written again by the blocks after it (ChunkPool
 * says when). Fresh ones for each block are garbage V8 collects late: 1 GB of one repeated line (46 MB blocks)
 * peaked at 206 MiB that way, 109 MiB with them reused.
 */
export async function* decodeBzip2Blocks(
  compressed: AsyncIterable<Buffer>,
  opts: DecodeOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  const input = compressed[Symbol.asyncIterator]();
  const queue: Buffer[] = [];
  let buffered = 0;
  let ended = false;
  // An error reading the input (a file that shrank, an I/O error) waits until the blocks read before it are out.
  let inputFailure: { error: unknown } | undefined;
  const pull = async (): Promise<void> => {
    try {
      const next = await input.next();
      if (next.done === true) ended = true;
      else if (next.value.length > 0) {
        queue.push(next.value);
        buffered += next.value.length;
      }
    } catch (error) {
      inputFailure = { error };
      ended = true;
    }
  };
  while (!ended && buffered === 0) await pull();
  if (buffered === 0) {
    if (inputFailure !== undefined) throw inputFailure.error;
    return;
  }
  const bits = bitIterator(() => {
    const next = queue.shift();
    if (next === undefined) throw new Error('input stream ended prematurely');
    return next;
  });
  let blockSize = 0;
  let streamCRC: number | null = null;
  let work: Int32Array | undefined;
  const pool = new ChunkPool(OUT_CHUNK_BYTES, opts.recycleOutput ?? RECYCLE_NEVER);
  try {
    for (;;) {
      while (!ended && buffered - bits.bytesRead < lookahead(blockSize)) await pull();
      if (buffered <= bits.bytesRead) break;
      if (blockSize === 0) {
        blockSize = bzip2.header(bits);
        streamCRC = 0;
        continue;
      }
      if (work?.length !== 100_000 * blockSize) work = new Int32Array(100_000 * blockSize);
      const out = new ChunkedOutput(pool);
      streamCRC = bzip2.decompress(bits, out.write, work, work.length, streamCRC);
      if (streamCRC === null) blockSize = 0;
      else yield* out.handOut();
    }
    if (streamCRC !== null) throw new Error('input stream ended prematurely');
  } catch (error) {
    // The data ran out because the input failed: that failure is what to report.
    throw inputFailure?.error ?? error;
  } finally {
    // Stopped early (an error, the size limit): the file under it is closed, not left open until exit.
    await input.return?.();
  }
  if (inputFailure !== undefined) throw inputFailure.error;
}

/** A block's output in 64 KiB buffers from the pool, written a byte at a time. */
class ChunkedOutput {
  private readonly full: Buffer[] = [];
  private current: Buffer;
  private used = 0;

  constructor(private readonly pool: ChunkPool) {
    this.current = pool.take();
  }

  readonly write = (byte: number): void => {
    if (this.used === OUT_CHUNK_BYTES) {
      this.full.push(this.current);
      this.current = this.pool.take();
      this.used = 0;
    }
    this.current[this.used++] = byte;
  };

  /** The block's chunks, in order, each told to the pool as it is handed out. */
  *handOut(): Generator<Buffer, void, undefined> {
    for (const chunk of this.full) {
      this.pool.handOut(chunk);
      yield chunk;
    }
    this.pool.handOut(this.current);
    if (this.used > 0) yield this.current.subarray(0, this.used);
  }
}
