import { InputError } from '../errors.js';

/** 4 GiB: far above any real kernel log, low enough to stop a decompression bomb. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 4 * 1024 ** 3;

/** Passes `chunks` through, throwing an `InputError` naming `name` once more than `maxBytes` have gone by. */
export async function* limitSize(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  name: string,
): AsyncGenerator<Buffer, void, undefined> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new InputError(name, `decompressed data exceeds the limit of ${maxBytes} bytes (--max-decompressed; maxDecompressedBytes in the API)`);
    }
    yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  }
}
