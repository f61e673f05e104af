import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeFile, analyzeText } from '../src/api.js';
import { tempDir } from './_temp-dirs.js';

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
