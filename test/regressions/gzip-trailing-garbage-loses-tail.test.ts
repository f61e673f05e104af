/**
 * Bug: a gzip log with bytes after its last member (`cat log.gz; echo garbage`, a capture tool's padding) failed
 * with "corrupt gzip data (incorrect header check)" — and the last ~12 KB of the log, which had decompressed
 * fine, was thrown away with the decoder: 37 of the 40 splats of the storm sample were reported.
 * Cause: Node's gunzip, meeting bytes after a member that are neither another member nor zero padding, reports
 * Z_DATA_ERROR from the same inflate call that produced the member's last output chunk (up to 16 KiB), and that
 * chunk is never pushed. Fixed: src/ingest/gzip-members.ts inflates each member raw and finds its end itself.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyzeFile } from '../../src/api.js';

const SAMPLE = path.resolve(process.cwd(), 'samples/logs/e3-48-4k-amdgpu-populate-storm.log');

test('every line before the garbage is analyzed, and the garbage is still an input error', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-gz-garbage-'));
  const file = path.join(dir, 'console.log.gz');
  await writeFile(file, Buffer.concat([gzipSync(readFileSync(SAMPLE)), Buffer.from('garbage\n')]));
  try {
    const clean = await analyzeFile(SAMPLE);
    const result = await analyzeFile(file);
    expect(result.stats.lines).toBe(clean.stats.lines);
    expect(result.stats.splats).toBe(clean.stats.splats);
    expect(result.inputError).toMatch(/console\.log\.gz: corrupt gzip data/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
