import { InputError } from '../errors.js';

/** 4 GiB: far above any real kernel log, low enough to stop a decompression bomb. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 4 * 1024 ** 3;

/**
 * Passes `chunks` through, throwing an `InputError` naming `name` once more than `maxBytes` have gone by. The bytes
 * up to the limit are passed on first, so the analysis covers all of them: the chunk that crosses it (64 KiB, or a
 * whole zstd block) had been dropped.
 */
export async function* limitSize(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  name: string,
): AsyncGenerator<Buffer, void, undefined> {
  let total = 0;
  for await (const chunk of chunks) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (total + buffer.length > maxBytes) {
      const room = maxBytes - total;
      if (room > 0) yield buffer.subarray(0, room);
      throw new InputError(name, `decompressed data exceeds the limit of ${maxBytes} bytes (--max-decompressed; maxDecompressedBytes in the API)`);
    }
    total += buffer.length;
    yield buffer;
  }
}
