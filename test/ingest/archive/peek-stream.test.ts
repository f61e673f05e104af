import { Readable } from 'node:stream';
import { peekStream } from '../../../src/ingest/archive/peek-stream.js';

async function collect(stream: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts).toString();
}

describe('peekStream', () => {
  test('head spans chunks and the replay yields everything once', async () => {
    const input = Readable.from(['abc', 'def', 'ghi'].map((s) => Buffer.from(s)));
    const { head, stream } = await peekStream(input, 5);
    expect(head.toString()).toBe('abcde');
    expect(await collect(stream)).toBe('abcdefghi');
  });

  test('a head within one chunk is read from that chunk, and the replay passes it on uncopied', async () => {
    // Larger than Node's 8 KiB buffer pool, which small buffers (and small concats) share.
    const whole = Buffer.alloc(16 * 1024, 'a');
    const { head, stream } = await peekStream((async function* () { yield whole; })(), 4);
    expect([head.toString(), head.buffer === whole.buffer]).toEqual(['aaaa', true]);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(chunks.map((c) => c.buffer === whole.buffer)).toEqual([true]);
  });

  test('input shorter than the head', async () => {
    const { head, stream } = await peekStream(Readable.from([Buffer.from('xy')]), 100);
    expect(head.toString()).toBe('xy');
    expect(await collect(stream)).toBe('xy');
  });

  test('empty input', async () => {
    const { head, stream } = await peekStream(Readable.from([]), 8);
    expect(head.length).toBe(0);
    expect(await collect(stream)).toBe('');
  });

  test('destroying the replay releases the source', async () => {
    let released = false;
    async function* source(): AsyncGenerator<Buffer> {
      try {
        for (;;) yield Buffer.alloc(1024);
      } finally {
        released = true;
      }
    }
    const { stream } = await peekStream(source(), 10);
    for await (const _ of stream) break;
    await new Promise((r) => setImmediate(r));
    expect(released).toBe(true);
  });
});
