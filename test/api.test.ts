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
