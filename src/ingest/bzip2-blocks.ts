import bzip2 from 'unbzip2-stream/lib/bzip2.js';
import bitIterator from 'unbzip2-stream/lib/bit_iterator.js';

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
 */
export async function* decodeBzip2Blocks(compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer, void, undefined> {
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
      const out = new ChunkedOutput();
      streamCRC = bzip2.decompress(bits, out.write, work, work.length, streamCRC);
      if (streamCRC === null) blockSize = 0;
      else yield* out.chunks();
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

/** A block's output in 64 KiB buffers, written a byte at a time. */
class ChunkedOutput {
  private readonly full: Buffer[] = [];
  private current = Buffer.allocUnsafe(OUT_CHUNK_BYTES);
  private used = 0;

  readonly write = (byte: number): void => {
    if (this.used === OUT_CHUNK_BYTES) {
      this.full.push(this.current);
      this.current = Buffer.allocUnsafe(OUT_CHUNK_BYTES);
      this.used = 0;
    }
    this.current[this.used++] = byte;
  };

  chunks(): Buffer[] {
    return this.used > 0 ? [...this.full, this.current.subarray(0, this.used)] : this.full;
  }
}
