import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError, UsageError } from '../../src/errors.js';
import { openInput } from '../../src/ingest/open-input.js';
import { descriptorsOpenOn } from '../_open-descriptors.js';
import { incompressibleText } from '../_incompressible-text.js';
import { hasTool } from '../triage/fixture-tree.js';
import { consumerTypeErrors } from '../_consumer-types.js';
import { pathToFileURL } from 'node:url';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vmemwarn-open-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts).toString('utf8');
}

test('a plain file is read as is', async () => {
  const path = join(dir, 'plain.log');
  await writeFile(path, 'hello\n');
  const input = await openInput(path);
  expect(input).toMatchObject({ name: path, compression: 'none', regularFile: true });
  expect(await readAll(input.stream)).toBe('hello\n');
});

test.each([
  ['plain', (text: string) => Buffer.from(text)],
  ['gzip', (text: string) => gzipSync(text)],
])('close() closes a %s file whose stream was never read', async (kind, encode) => {
  const path = join(dir, `unread-${kind}.log`);
  // Over the 1 MiB read in one piece, so the file is still open after the first chunk.
  await writeFile(path, encode(incompressibleText(2 * 1024 * 1024)));
  const input = await openInput(path);
  expect(descriptorsOpenOn(path)).toBe(1);
  input.close();
  expect(descriptorsOpenOn(path)).toBe(0);
});

test('compression is found by magic bytes, not by name', async () => {
  const path = join(dir, 'looks-plain.txt');
  await writeFile(path, gzipSync('zipped\n'));
  const input = await openInput(path);
  expect(input.compression).toBe('gzip');
  expect(await readAll(input.stream)).toBe('zipped\n');
});

(hasTool('bzip2') ? test : test.skip)('recycleChunks reaches the bzip2 decoder: its blocks reuse the buffers of the blocks before', async () => {
  const text = Buffer.from('[    1.000000] hello from the kernel\n'.repeat(300_000));
  const path = join(dir, 'blocks.bz2');
  await writeFile(path, execFileSync('bzip2', ['-9', '-c'], { input: text, maxBuffer: 1 << 30 }));
  const read = async (recycleChunks: boolean): Promise<{ text: Buffer; buffers: number; chunks: number }> => {
    const input = await openInput(path, { recycleChunks });
    const copies: Buffer[] = [];
    const backing = new Set<ArrayBufferLike>();
    for await (const chunk of input.stream) {
      copies.push(Buffer.from(chunk as Buffer));
      backing.add((chunk as Buffer).buffer);
    }
    return { text: Buffer.concat(copies), buffers: backing.size, chunks: copies.length };
  };
  const recycled = await read(true);
  const fresh = await read(false);
  expect(recycled.text.equals(text)).toBe(true);
  expect(fresh.text.equals(text)).toBe(true);
  expect(fresh.buffers).toBe(fresh.chunks);
  expect(recycled.buffers * 3).toBeLessThan(recycled.chunks);

  // Turned on after a look at the head (triage): the chunks read before it stay as they were.
  const input = await openInput(path);
  const first = (await input.stream[Symbol.asyncIterator]().next()).value as Buffer;
  const head = Buffer.from(first);
  input.recycleChunks();
  const later = new Set<ArrayBufferLike>();
  let chunks = 0;
  for await (const chunk of input.stream) {
    later.add((chunk as Buffer).buffer);
    chunks++;
  }
  expect(first.equals(head)).toBe(true);
  expect(later.size * 3).toBeLessThan(chunks);
});

test('recycleChunks() on a plain file reads the rest into reused buffers, leaving the chunks read before', async () => {
  const path = join(dir, 'plain-big.log');
  const text = incompressibleText(4 * 1024 * 1024);
  await writeFile(path, text);
  const input = await openInput(path);
  const iterator = input.stream[Symbol.asyncIterator]();
  const first = (await iterator.next()).value as Buffer;
  const head = Buffer.from(first);
  input.recycleChunks();
  const copies: Buffer[] = [head];
  const later = new Set<ArrayBufferLike>();
  for (let step = await iterator.next(); step.done !== true; step = await iterator.next()) {
    copies.push(Buffer.from(step.value as Buffer));
    later.add((step.value as Buffer).buffer);
  }
  expect(first.equals(head)).toBe(true);
  expect(Buffer.concat(copies).toString('utf8')).toBe(text);
  // 64 chunks of 64 KiB, from eight buffers (and any the stream joined two chunks into).
  expect(later.size * 3).toBeLessThan(copies.length);
});

test('maxDecompressedBytes reaches the decompressor', async () => {
  const path = join(dir, 'bomb.gz');
  await writeFile(path, gzipSync(Buffer.alloc(1 << 20)));
  const input = await openInput(path, { maxDecompressedBytes: 1000 });
  await expect(readAll(input.stream)).rejects.toThrow(InputError);
});

test('a missing file is an InputError naming it', async () => {
  const path = join(dir, 'nope.log');
  await expect(openInput(path)).rejects.toThrow(new InputError(path, 'no such file'));
});

test('a directory is an InputError', async () => {
  await expect(openInput(dir)).rejects.toThrow(new InputError(dir, 'is a directory'));
});

// Found by a review: a socket named on the command line gave Node's raw `cannot open (ENXIO: no such device or
// address, open '…')`, where a walk that meets one says `not a regular file (socket)`.
test('Found by a review: a socket is an InputError in the words of a walk that meets one', async () => {
  const path = join(dir, 'sock.log');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  try {
    await expect(openInput(path)).rejects.toThrow(new InputError(path, 'not a regular file (socket)'));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

// root reads files whatever their mode, so the check only means something for other users.
(process.getuid?.() === 0 ? test.skip : test)('an unreadable file is an InputError', async () => {
  const path = join(dir, 'secret.log');
  await writeFile(path, 'x\n');
  await chmod(path, 0o000);
  await expect(openInput(path)).rejects.toThrow(new InputError(path, 'permission denied'));
});

test('a FIFO named explicitly is read', async () => {
  const path = join(dir, 'pipe');
  execFileSync('mkfifo', [path]);
  const opening = openInput(path);
  const writer = await open(path, 'w');
  await writer.write(gzipSync('through a pipe\n'));
  await writer.close();
  const input = await opening;
  expect([input.compression, input.regularFile]).toEqual(['gzip', false]);
  expect(await readAll(input.stream)).toBe('through a pipe\n');
});

test('an option other than those of OpenOptions is a usage error, before anything is opened', async () => {
  await expect(openInput(join(dir, 'no-such.log'), { maxDecompressBytes: 10 } as never)).rejects.toThrow(
    new UsageError("openInput: unknown option 'maxDecompressBytes' (did you mean 'maxDecompressedBytes'?)"),
  );
});

// Found by a review of the library API: openInput took a file: URL at run time, but its type said string only.
test('Found by a review: openInput takes a file: URL in its type, as it does at run time', async () => {
  const path = join(dir, 'by-url.log');
  await writeFile(path, 'a line\n');
  const opened = await openInput(pathToFileURL(path));
  expect(opened.name).toBe(path);
  let text = '';
  for await (const chunk of opened.stream) text += String(chunk);
  expect(text).toBe('a line\n');
  expect(consumerTypeErrors(`import { openInput } from 'vmemwarn';\nconst o = await openInput(new URL('file:///var/log/dmesg.txt.gz'));\no.close();\n`)).toEqual([]);
});
