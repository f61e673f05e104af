/**
 * Bug: `vmemwarn explain 0x1 --log console.log.gz` on a truncated gzip said
 * "console.log.gz: console.log.gz: truncated gzip data": the read error already named the input.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { layoutInputs } from '../../src/cli/layout-source.js';
import { InputError } from '../../src/errors.js';

test('a --log that fails part-way is named once', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-log-flag-'));
  const log = path.join(dir, 'console.log.gz');
  const gz = gzipSync('[    0.000000] Booting Linux on physical CPU 0x0\n'.repeat(2000));
  await writeFile(log, gz.subarray(0, gz.length >> 1));
  try {
    await expect(layoutInputs({ log })).rejects.toThrow(new InputError(log, 'truncated gzip data'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
