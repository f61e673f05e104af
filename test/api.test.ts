import { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { analyzeFile, analyzeStream, analyzeText } from '../src/api.js';
import { tempDir } from './_temp-dirs.js';
import { descriptorsOpenOn } from './_open-descriptors.js';
import { incompressibleText } from './_incompressible-text.js';
import { consumerTypeErrors } from './_consumer-types.js';
import { fileURLToPath } from 'node:url';

const MIB = 1024 * 1024;

/** A bundled sample log repeated until it is at least `bytes` long, written to `dir`. */
async function repeatedSample(dir: string, name: string, bytes: number): Promise<{ path: string; text: string }> {
  const sample = await readFile(new URL(`../samples/logs/${name}`, import.meta.url), 'utf8');
  const text = sample.repeat(Math.ceil(bytes / sample.length));
  const path = join(dir, name);
  await writeFile(path, text);
  return { path, text };
}

test('a multi-MiB plain file read through recycled buffers gives the same analysis as the text in memory', async () => {
  const dir = tempDir('api');
  // Many 64 KiB chunks, so the eight-buffer ring wraps several times.
  const { path, text } = await repeatedSample(dir, 'e3-48-4k-amdgpu-populate-storm.log', 3 * MIB);
  const fromFile = await analyzeFile(path);
  const fromText = await analyzeText(text, { name: path });
  expect(fromFile.stats.bytes).toBeGreaterThan(3 * MIB);
  expect(fromFile.stats.splats).toBeGreaterThan(0);
  expect(fromFile).toEqual(fromText);
});

test('analyses running at once on one thread share the SIMD finder without mixing their regions', async () => {
  const samples = ['e3-48-4k-amdgpu-populate-storm.log', 'e4-48-4k-amdgpu-6.10-warn-then-oops.log', 'plain-boot-6.6-unrelated-warning.log'];
  const dir = tempDir('api');
  // Over 1 MiB each, so each analysis reads many chunks and the three interleave between them.
  const paths = (await Promise.all(samples.map((name) => repeatedSample(dir, name, 1.5 * MIB)))).map((s) => s.path);
  const oneByOne = [];
  for (const path of paths) oneByOne.push(await analyzeFile(path));
  expect(await Promise.all(paths.map((path) => analyzeFile(path)))).toEqual(oneByOne);
});

// Found by an audit embedding the library: analyzeText's options type had no `signal` (TS2353), though the run
// honoured it. `tsc --noEmit` over the tests fails on this call without it.
test('analyzeText takes a signal and onBytes, as analyzeStream does', async () => {
  const text = await readFile(new URL('../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url), 'utf8');
  const stopped = await analyzeText(text, { signal: AbortSignal.abort() });
  expect(stopped.interrupted).toBe(true);
  expect(stopped.clusters).toEqual([]);
  const seen: number[] = [];
  await analyzeText(text, { onBytes: (bytes) => seen.push(bytes) });
  expect(seen.at(-1)).toBe(Buffer.byteLength(text));
});

describe('analyzeFile stopped by its signal leaves no descriptor open once it settles', () => {
  // Both over the 1 MiB read in one piece, so the file is still open after the first read (a small one closes at once).
  const inputs = async (): Promise<string[]> => {
    const dir = tempDir('api-fd');
    const text = incompressibleText(2 * MIB);
    const path = join(dir, 'random.log');
    const gz = `${path}.gz`;
    await writeFile(path, text);
    await writeFile(gz, gzipSync(text));
    expect(statSync(gz).size).toBeGreaterThan(MIB);
    return [path, gz];
  };

  test('aborted before the call: the file it opens meanwhile is closed', async () => {
    for (const path of await inputs()) {
      for (let i = 0; i < 5; i++) {
        const result = await analyzeFile(path, { signal: AbortSignal.abort() });
        expect(result.interrupted).toBe(true);
        expect(descriptorsOpenOn(path)).toBe(0);
      }
    }
  });

  test('aborted while the file is being opened (in a microtask after the call)', async () => {
    for (const path of await inputs()) {
      const controller = new AbortController();
      const analysis = analyzeFile(path, { signal: controller.signal });
      queueMicrotask(() => controller.abort());
      expect((await analysis).interrupted).toBe(true);
      expect(descriptorsOpenOn(path)).toBe(0);
    }
  });

  test('aborted part-way through the read', async () => {
    for (const path of await inputs()) {
      const controller = new AbortController();
      // Past the first MiB, where the read waits a turn of the event loop (file-chunks.ts): the stopped iteration's
      // return waits with it.
      const result = await analyzeFile(path, { signal: controller.signal, onBytes: (bytes) => bytes >= MIB && controller.abort() });
      expect(result.interrupted).toBe(true);
      expect(result.stats.bytes).toBeGreaterThan(0);
      expect(descriptorsOpenOn(path)).toBe(0);
    }
  });

  test('aborted part-way through the first part of a file read in parts', async () => {
    // Parts start at a report's first line: a log with many. Stopped past the first MiB, where the read waits a turn
    // of the event loop (file-chunks.ts), so the stopped iteration's return waits with it.
    const { path } = await repeatedSample(tempDir('api-fd'), 'e3-48-4k-amdgpu-populate-storm.log', 4 * MIB);
    const controller = new AbortController();
    let parts = 0;
    const result = await analyzeFile(path, {
      signal: controller.signal,
      threads: 2,
      partsEvenly: true,
      onSplit: (n) => (parts = n),
      onBytes: (bytes) => bytes >= MIB && controller.abort(),
    });
    expect(parts).toBe(2);
    expect(result.interrupted).toBe(true);
    expect(descriptorsOpenOn(path)).toBe(0);
  });
});

// Found by a library audit: a gzipped log given to analyzeStream was read as 74 lines of text, with nothing said; it
// then got a warning naming the format. It is now undone, as analyzeFile undoes it.
describe('analyzeStream decompresses what it is given', () => {
  const samplePath = new URL('../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url).pathname;

  test('a gzipped log gives the analysis of the log, under the name given', async () => {
    const sample = await readFile(samplePath);
    const result = await analyzeStream(Readable.from([gzipSync(sample)]), { name: 'storm.log' });
    expect(result).toEqual(await analyzeFile(samplePath, { name: 'storm.log' }));
    expect(result.stats.splats).toBeGreaterThan(0);
  });

  test('past maxDecompressedBytes, and in corrupt data, what was read is kept and the failure said', async () => {
    const sample = await readFile(samplePath);
    const capped = await analyzeStream(Readable.from([gzipSync(sample)]), { name: 's.gz', maxDecompressedBytes: 4096 });
    expect(capped.inputError).toMatch(/^s\.gz: /);
    expect(capped.stats.lines).toBeGreaterThan(0);
    expect(capped.stats.lines).toBeLessThan(sample.toString().split('\n').length);
    const gz = gzipSync(sample);
    const cut = await analyzeStream(Readable.from([gz.subarray(0, gz.length >> 1)]), { name: 'cut.gz' });
    expect(cut.inputError).toBe('cut.gz: truncated gzip data');
    expect(cut.stats.lines).toBeGreaterThan(0);
  });

  test('analyzeText reads its text as text, whatever it starts with', async () => {
    const text = 'BZh91AY&SY is no bzip2 here\n';
    expect((await analyzeText(text)).stats).toMatchObject({ lines: 1, bytes: text.length });
  });
});

// Found while making analyzeStream decompress: an array of Buffers (an iterable it takes) with a signal had failed
// with `read failed: input[Symbol.asyncIterator] is not a function`, nothing read.
test('analyzeStream reads an array of Buffers with a signal as without one', async () => {
  const chunks = [Buffer.from('[    1.000000] WARNING: foo is wrong\n'), Buffer.from('[    2.000000] usb 1-1: new device\n')];
  const withSignal = await analyzeStream(chunks, { signal: new AbortController().signal });
  expect(withSignal.inputError).toBeUndefined();
  expect(withSignal).toEqual(await analyzeStream(chunks));
  expect(withSignal.stats.lines).toBe(2);
});

test('analyzeStream stopped while its input has sent nothing (the magic bytes not yet seen) settles at once', async () => {
  const idle = new Readable({ read: () => undefined });
  const controller = new AbortController();
  const pending = analyzeStream(idle, { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  const result = await pending;
  expect(result.interrupted).toBe(true);
  expect(result.inputError).toBeUndefined();
  expect(result.stats.bytes).toBe(0);
});

// Found by a review of the library API: gzip data in Uint8Array chunks that are no Buffers (a web stream's:
// `(await fetch(url)).body`, `new Blob([bytes]).stream()`) was 'corrupt gzip data (trailer.readUInt32LE is not a
// function)' after its first member, and every later member was lost; xz, zstd, bzip2 and plain text were read.
describe('Found by a review: gzip given as Uint8Array chunks or a web stream is read as from Buffers', () => {
  const twoMembers = async (): Promise<Buffer> => {
    const sample = await readFile(new URL('../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url));
    return Buffer.concat([gzipSync(sample), gzipSync(sample)]);
  };
  /** Plain Uint8Array views of `bytes`, cut every `size` bytes: not Buffers, as a web stream's chunks are not. */
  const uint8Chunks = (bytes: Buffer, size: number): Uint8Array[] => {
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += size) chunks.push(new Uint8Array(bytes.buffer, bytes.byteOffset + at, Math.min(size, bytes.length - at)));
    return chunks;
  };

  test.each([
    ['Uint8Array chunks', (gz: Buffer) => uint8Chunks(gz, 4096)],
    ['one Uint8Array', (gz: Buffer) => [new Uint8Array(gz)]],
    ['a Blob stream', (gz: Buffer) => new Blob([gz]).stream()],
    ['a Response body', (gz: Buffer) => new Response(gz).body!],
  ])('%s: both members, the same lines and splats as Buffer chunks', async (_, input) => {
    const gz = await twoMembers();
    const fromBuffers = await analyzeStream([gz], { name: 'two.gz' });
    expect(fromBuffers.inputError).toBeUndefined();
    const result = await analyzeStream(input(gz), { name: 'two.gz' });
    expect(result.inputError).toBeUndefined();
    expect(result.stats).toEqual(fromBuffers.stats);
    expect(result).toEqual(fromBuffers);
  });
});

// Found by a review of the library API: analyzeFile took a file: URL at run time (pathArgument), but its type said
// string only, so a TypeScript caller got TS2345 for analyzeFile(new URL('./dmesg.txt', import.meta.url)).
test('Found by a review: analyzeFile takes a file: URL in its type, as it does at run time', async () => {
  const url = new URL('../samples/logs/plain-boot-6.6-unrelated-warning.log', import.meta.url);
  const fromUrl = await analyzeFile(url);
  expect(fromUrl).toEqual(await analyzeFile(fileURLToPath(url)));
  expect(fromUrl.source).toBe(fileURLToPath(url));
  expect(consumerTypeErrors(`import { analyzeFile } from 'vmemwarn';\nawait analyzeFile(new URL('file:///var/log/dmesg.txt'), { threads: 2 });\n`)).toEqual([]);
});
