import { InputError } from '../../src/errors.js';
import { PeekableSource } from '../../src/ingest/peekable-source.js';

async function* pieces(...parts: string[]) {
  for (const p of parts) yield Buffer.from(p);
}

async function collect(source: PeekableSource): Promise<string> {
  let text = '';
  for await (const chunk of source.chunks()) text += chunk.toString();
  return text;
}

test('peeked bytes are delivered again, once', async () => {
  const source = new PeekableSource(pieces('ab', 'cd', 'ef'), 'x');
  expect((await source.peek(3)).toString()).toBe('abcd');
  expect(source.ended).toBe(false);
  expect(await collect(source)).toBe('abcdef');
  expect(source.ended).toBe(true);
});

test('a head within one chunk is that chunk, not a copy of it (a small file is one whole-file chunk)', async () => {
  // Larger than Node's 8 KiB buffer pool, which small buffers (and small concats) share.
  const whole = Buffer.alloc(16 * 1024, 'a');
  const source = new PeekableSource((async function* () { yield whole; })(), 'x');
  expect((await source.peek(4)).buffer).toBe(whole.buffer);
  expect(await collect(source)).toBe('a'.repeat(16 * 1024));
});

test('a short input peeks what there is', async () => {
  const source = new PeekableSource(pieces('a'), 'x');
  expect((await source.peek(6)).toString()).toBe('a');
  expect(source.ended).toBe(true);
  expect(await collect(source)).toBe('a');
});

test('a read failure is an InputError naming the input', async () => {
  async function* failing() {
    yield Buffer.from('a');
    throw new Error('EIO: i/o error, read');
  }
  const source = new PeekableSource(failing(), 'dev.log');
  await expect(collect(source)).rejects.toThrow(new InputError('dev.log', 'read failed: EIO: i/o error, read'));
});

// Found by review: a truncated gzip log that decoded to less than triage's 8 KiB peek was an error with nothing
// read, where `analyze` read its lines.
test('a read that fails while peeking, after some bytes: the peek gives them, and the replay gives them then fails', async () => {
  async function* failing() {
    yield Buffer.from('line 1\n');
    throw new Error('unexpected end of file');
  }
  const source = new PeekableSource(failing(), 'short.log.gz');
  expect((await source.peek(8192)).toString()).toBe('line 1\n');
  const got: string[] = [];
  await expect(
    (async () => {
      for await (const chunk of source.chunks()) got.push(chunk.toString());
    })(),
  ).rejects.toThrow(new InputError('short.log.gz', 'read failed: unexpected end of file'));
  expect(got).toEqual(['line 1\n']);
});

test('a read that fails before any byte fails the peek itself', async () => {
  async function* failing(): AsyncGenerator<Buffer> {
    throw new Error('unexpected end of file');
  }
  await expect(new PeekableSource(failing(), 'x.gz').peek(8)).rejects.toThrow(InputError);
});

test('an empty input peeks nothing and replays nothing', async () => {
  const source = new PeekableSource(pieces(), 'x');
  expect((await source.peek(8)).length).toBe(0);
  expect(await collect(source)).toBe('');
});

test('the replay stream yields every byte once, a whole-file chunk uncopied', async () => {
  const whole = Buffer.alloc(16 * 1024, 'a');
  const source = new PeekableSource((async function* () { yield whole; yield Buffer.from('b'); })(), 'x');
  await source.peek(4);
  const chunks: Buffer[] = [];
  for await (const chunk of source.replay()) chunks.push(chunk as Buffer);
  expect(chunks.map((c) => c.buffer === whole.buffer)).toEqual([true, false]);
  expect(Buffer.concat(chunks).toString()).toBe(`${'a'.repeat(16 * 1024)}b`);
});

test('destroying the replay early releases the input', async () => {
  let released = false;
  async function* endless(): AsyncGenerator<Buffer> {
    try {
      for (;;) yield Buffer.alloc(1024);
    } finally {
      released = true;
    }
  }
  const source = new PeekableSource(endless(), 'x');
  await source.peek(10);
  for await (const _ of source.replay()) break;
  await new Promise((r) => setImmediate(r));
  expect(released).toBe(true);
});

// Found by a review of the library API: a Uint8Array chunk (a web stream's) reached the decoders as it was, and the gzip
// one read its trailer with Buffer's readUInt32LE.
test('Found by a review: Uint8Array chunks come out as Buffers over the same memory, peeked or not', async () => {
  const bytes = new Uint8Array(Buffer.from('abcdef'));
  const source = new PeekableSource([bytes.subarray(0, 2), bytes.subarray(2)], 'x');
  const head = await source.peek(1);
  expect(Buffer.isBuffer(head)).toBe(true);
  expect(head.buffer).toBe(bytes.buffer);
  const chunks: Buffer[] = [];
  for await (const chunk of source.chunks()) chunks.push(chunk);
  expect(chunks.every((chunk) => Buffer.isBuffer(chunk) && chunk.buffer === bytes.buffer)).toBe(true);
  expect(Buffer.concat(chunks).toString()).toBe('abcdef');
});
