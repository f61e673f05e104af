import { jest } from '@jest/globals';
import { gzipSync } from 'node:zlib';

// Deflate inflates up to 1032:1 and a write's output is gathered before it is passed on: what bounds memory is the
// size of each write to zlib. Spy on them.
const zlib = await import('node:zlib');
const writes: number[] = [];
jest.unstable_mockModule('node:zlib', () => ({
  ...zlib,
  createInflateRaw: (opts: object) => {
    const inflater = zlib.createInflateRaw(opts);
    const write = inflater.write.bind(inflater) as (chunk: Buffer, cb: () => void) => boolean;
    inflater.write = ((chunk: Buffer, cb: () => void) => {
      writes.push(chunk.length);
      return write(chunk, cb);
    }) as typeof inflater.write;
    return inflater;
  },
}));
const { decodeGzipMembers } = await import('../../src/ingest/gzip-members.js');

test('a gzip handed over in one large chunk reaches zlib 16 KiB at a time (a 1 GB text gzip had peaked at 168 MiB)', async () => {
  const text = Buffer.from('[    1.000000] hello from the kernel\n'.repeat(200_000));
  const compressed = gzipSync(Buffer.concat([text, Buffer.from(Array.from({ length: 50_000 }, (_, i) => `${i}\n`).join(''))]));
  expect(compressed.length).toBeGreaterThan(3 * 16 * 1024);
  const parts: Buffer[] = [];
  for await (const part of decodeGzipMembers((async function* () { yield compressed; })())) parts.push(part);
  expect(Buffer.concat(parts).subarray(0, text.length).equals(text)).toBe(true);
  expect(Math.max(...writes)).toBe(16 * 1024);
  expect(writes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(compressed.length - 18);
});
