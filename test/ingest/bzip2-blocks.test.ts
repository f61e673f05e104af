import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { hasTool } from '../triage/fixture-tree.js';

const require = createRequire(import.meta.url);
type Decoder = { header(bits: unknown): number; decompress(...args: unknown[]): number | null };
const real = require('unbzip2-stream/lib/bzip2.js') as Decoder;
let blocksDecoded = 0;
jest.unstable_mockModule('unbzip2-stream/lib/bzip2.js', () => ({
  default: {
    header: (bits: unknown) => real.header(bits),
    decompress: (...args: unknown[]) => {
      blocksDecoded++;
      return real.decompress(...args);
    },
  },
}));
const { decodeBzip2Blocks } = await import('../../src/ingest/bzip2-blocks.js');
const { RECYCLED_BUFFERS } = await import('../../src/ingest/chunk-pool.js');

/** `data` handed over in pieces of `size` bytes. */
async function* pieces(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}


async function decodeAll(data: Buffer, size = 65536): Promise<Buffer> {
  return decodeFrom(pieces(data, size));
}

async function decodeFrom(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of decodeBzip2Blocks(source)) out.push(Buffer.from(chunk));
  return Buffer.concat(out);
}

// 20 MB of log text compresses some 3000:1: 23 blocks of ~900 kB of output from a file of a few KiB.
const TEXT = Buffer.from('[    1.000000] hello from the kernel\n'.repeat(540_000));

(hasTool('bzip2') ? describe : describe.skip)('decodeBzip2Blocks', () => {
  const compressed = execFileSync('bzip2', ['-9', '-c'], { input: TEXT, maxBuffer: 1 << 30 });

  test('a block is handed on before the next is decoded (all at once had taken 2 GiB for a 268 kB file)', async () => {
    blocksDecoded = 0;
    const decoder = decodeBzip2Blocks(pieces(compressed, 65536));
    const first = await decoder.next();
    expect(first.done).toBe(false);
    expect(blocksDecoded).toBe(1);
    await decoder.return(undefined);
  });

  test('decodes in full, whatever the input pieces, two concatenated streams too', async () => {
    blocksDecoded = 0;
    expect((await decodeAll(compressed)).equals(TEXT)).toBe(true);
    // Several data blocks (bzip2 -9 holds at most 900 000 bytes in one) and the end-of-stream marker.
    expect(blocksDecoded).toBeGreaterThan(TEXT.length / 900_000);
    const small = execFileSync('bzip2', ['-1', '-c'], { input: TEXT.subarray(0, 5000) });
    expect((await decodeAll(Buffer.concat([small, small]), 1)).equals(Buffer.concat([TEXT.subarray(0, 5000), TEXT.subarray(0, 5000)]))).toBe(true);
  });

  test('a stream cut short ends in an error after the blocks before the cut', async () => {
    const out: Buffer[] = [];
    const cut = (async () => {
      for await (const chunk of decodeBzip2Blocks(pieces(compressed.subarray(0, compressed.length - 10), 4096))) out.push(Buffer.from(chunk));
    })();
    await expect(cut).rejects.toThrow();
    const got = Buffer.concat(out);
    expect(got.length).toBeGreaterThan(0);
    expect(got.equals(TEXT.subarray(0, got.length))).toBe(true);
  });

  test('an input that fails gives the blocks read before it, then its own error', async () => {
    const cut = compressed.subarray(0, compressed.length >> 1);
    const failing = async function* (): AsyncGenerator<Buffer> {
      yield* pieces(cut, 4096);
      throw new Error('the file shrank');
    };
    const out: Buffer[] = [];
    const reading = (async () => {
      for await (const chunk of decodeBzip2Blocks(failing())) out.push(Buffer.from(chunk));
    })();
    await expect(reading).rejects.toThrow('the file shrank');
    const got = Buffer.concat(out);
    // Every block wholly inside the first half; a block of bzip2 -9 holds at most 900 000 bytes.
    expect(got.length).toBeGreaterThan(TEXT.length / 2 - 2 * 900_000);
    expect(got.equals(TEXT.subarray(0, got.length))).toBe(true);
  });

  test('an input that fails before any byte is that error', async () => {
    const failing = async function* (): AsyncGenerator<Buffer> {
      yield* [];
      throw new Error('EIO');
    };
    await expect(decodeFrom(failing())).rejects.toThrow('EIO');
  });

  test('recycled: blocks reuse the output buffers of the blocks before them, and the text read is the same', async () => {
    const copies: Buffer[] = [];
    const backing = new Set<ArrayBufferLike>();
    let chunks = 0;
    for await (const chunk of decodeBzip2Blocks(pieces(compressed, 65536), { recycleOutput: () => true })) {
      copies.push(Buffer.from(chunk));
      backing.add(chunk.buffer);
      chunks++;
    }
    expect(Buffer.concat(copies).equals(TEXT)).toBe(true);
    // A block of bzip2 -9 decodes to at most 900 000 bytes of this text (its run-length stage only lengthens it):
    // 14 chunks of 64 KiB. The seven chunks handed out last are not written again by the next block.
    expect(backing.size).toBeLessThanOrEqual(Math.ceil(900_000 / 65536) + RECYCLED_BUFFERS - 1);
    expect(chunks).toBeGreaterThan(3 * backing.size);
  });

  test('not recycled: a consumer may keep every chunk as it came', async () => {
    const kept: Buffer[] = [];
    for await (const chunk of decodeBzip2Blocks(pieces(compressed, 65536))) kept.push(chunk);
    expect(Buffer.concat(kept).equals(TEXT)).toBe(true);
  });

  test('no input, no output', async () => {
    expect(await decodeAll(Buffer.alloc(0))).toEqual(Buffer.alloc(0));
  });
});
