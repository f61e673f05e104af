/**
 * Bug: `vmemwarn analyze big.log -o /tmp` read and analyzed the whole input and only then failed with
 * "--output /tmp: EISDIR"; --output is meant to be checked before any input is read.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkOutputPath } from '../../src/cli/output.js';
import { UsageError } from '../../src/errors.js';

test('an existing directory as --output is a usage error up front', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-outdir-'));
  try {
    await expect(checkOutputPath(dir)).rejects.toThrow(new UsageError(`--output ${dir}: is a directory`));
    await expect(checkOutputPath(path.join(dir, 'report.md'))).resolves.toBeUndefined();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
