import { Readable } from 'node:stream';

/**
 * Reads the first `bytes` bytes (fewer at end of input) and returns them with a stream that yields the whole
 * input again, head included, so content can be sniffed without buffering the rest.
 */
export async function peekStream(
  input: NodeJS.ReadableStream | AsyncIterable<Buffer>,
  bytes: number,
): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    seen.push(chunk);
    size += chunk.length;
  }
  // One chunk (a small file is read whole) is passed on as it is: a concat would copy every byte of it.
  const all = seen.length === 1 ? seen[0]! : Buffer.concat(seen, size);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (all.length > 0) yield all;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      ended = true;
    } finally {
      // The consumer stopped early: release the source (closes a file, drains an archive member).
      if (!ended) await iterator.return?.();
    }
  }
  return { head: all.subarray(0, bytes), stream: Readable.from(replay(), { objectMode: false }) };
}
