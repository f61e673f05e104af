import { closeSync, readSync } from 'node:fs';

/** Bytes read between two turns of the event loop: timers, signals and progress stay live. */
const YIELD_EVERY_BYTES = 1024 * 1024;

/**
 * The chunks of a regular file, read with synchronous reads: from page cache a read is a memcpy, and the
 * thread-pool round trip of an asynchronous read cost more than the copy (in a profile of a quiet 1 GiB log, 30%
 * of the time went to `read` and to waiting for it; 1.8 s in all instead of 2.7 s with synchronous reads). The file is closed at end of file, before the last chunk is handed
 * out (a consumer that only peeks at a small file leaves nothing open), or when the iteration ends early.
 */
export async function* readFileChunks(fd: number, chunkBytes: number): AsyncGenerator<Buffer, void, undefined> {
  let open = true;
  try {
    let sinceYield = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const read = fill(fd, chunk);
      if (read < chunkBytes) {
        open = false;
        closeSync(fd);
        if (read > 0) yield chunk.subarray(0, read);
        return;
      }
      yield chunk;
      sinceYield += read;
      if (sinceYield >= YIELD_EVERY_BYTES) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    if (open) closeSync(fd);
  }
}

/** Reads until `chunk` is full or the file ends; returns the bytes read. */
function fill(fd: number, chunk: Buffer): number {
  let filled = 0;
  while (filled < chunk.length) {
    const read = readSync(fd, chunk, filled, chunk.length - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}
