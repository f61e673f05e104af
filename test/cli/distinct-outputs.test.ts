import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../src/errors.js';
import { checkDistinctOutputs } from '../../src/cli/distinct-outputs.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-distinct-outputs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// Found by a review of the CLI: `triage --db h.sqlite -o h.sqlite` replaced the history with the summary (exit 0), and
// `--out d -o d` failed with EISDIR once every log was read, the summary lost.
test('two flags that write one place, missing or there, by path or under another name: a usage error', async () => {
  const db = path.join(dir, 'h.sqlite');
  await expect(checkDistinctOutputs([['--output', db], ['--db', db]])).rejects.toThrow(
    new UsageError(`--db ${db}: --output writes there too (${db}): one would destroy the other; give each its own place`),
  );
  await expect(checkDistinctOutputs([['--output', path.join(dir, 'd')], ['--db', undefined], ['--out', `${dir}/./d/`]])).rejects.toThrow(UsageError);
  await writeFile(db, '');
  await symlink(db, path.join(dir, 'link'));
  await expect(checkDistinctOutputs([['--db', db], ['--output', path.join(dir, 'link')]])).rejects.toThrow(UsageError);
});

test('different places, stdout and flags not given pass', async () => {
  await expect(checkDistinctOutputs([['--output', '-'], ['--db', path.join(dir, 'h')], ['--out', path.join(dir, 'd')]])).resolves.toBeUndefined();
  await expect(checkDistinctOutputs([['--output', undefined], ['--db', undefined], ['--out', undefined]])).resolves.toBeUndefined();
});
