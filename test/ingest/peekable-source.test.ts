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
