import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFile, analyzeText } from '../src/api.js';

const SAMPLE = new URL('../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url);

test('a multi-MiB plain file read through recycled buffers gives the same analysis as the text in memory', async () => {
  const sample = await readFile(SAMPLE, 'utf8');
  // Repeated until the file spans many 64 KiB chunks, so the eight-buffer ring wraps several times.
  const text = sample.repeat(Math.ceil((3 * 1024 * 1024) / sample.length));
  const path = join(await mkdtemp(join(tmpdir(), 'vmemwarn-api-')), 'big.log');
  await writeFile(path, text);
  const fromFile = await analyzeFile(path);
  const fromText = await analyzeText(text, { name: path });
  expect(fromFile.stats.bytes).toBeGreaterThan(3 * 1024 * 1024);
  expect(fromFile.stats.splats).toBeGreaterThan(0);
  expect(fromFile).toEqual(fromText);
});

test('analyses running at once on one thread share the SIMD finder without mixing their regions', async () => {
  const samples = ['e3-48-4k-amdgpu-populate-storm.log', 'e4-48-4k-amdgpu-6.10-warn-then-oops.log', 'plain-boot-6.6-unrelated-warning.log'];
  const dir = await mkdtemp(join(tmpdir(), 'vmemwarn-api-'));
  const paths = await Promise.all(
    samples.map(async (name) => {
      const text = await readFile(new URL(`../samples/logs/${name}`, import.meta.url), 'utf8');
      const path = join(dir, name);
      // Over 1 MiB, so each analysis reads many chunks and the three interleave between them.
      await writeFile(path, text.repeat(Math.ceil((1.5 * 1024 * 1024) / text.length)));
      return path;
    }),
  );
  const oneByOne = [];
  for (const path of paths) oneByOne.push(await analyzeFile(path));
  expect(await Promise.all(paths.map((path) => analyzeFile(path)))).toEqual(oneByOne);
});
