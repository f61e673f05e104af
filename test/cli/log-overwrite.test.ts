import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../src/errors.js';
import { refuseOverwritingALog } from '../../src/cli/log-overwrite.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-log-overwrite-'));
  await mkdir(path.join(dir, 'logs'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// Found by a review: `triage logs -o logs/boot.log` replaced the log with the summary, exit 0.
test('a log in a directory the run reads is refused', async () => {
  const log = path.join(dir, 'logs', 'boot.log');
  await writeFile(log, '[    0.000000] Booting Linux on physical CPU 0x0\n');
  await expect(refuseOverwritingALog(log, '--output', [path.join(dir, 'logs')])).rejects.toThrow(
    new UsageError(`--output ${log}: is in ${path.join(dir, 'logs')}, which this run reads, and holds no vmemwarn output: writing there would replace it (a log?); remove it or write elsewhere`),
  );
  // Named through a parent of it, too.
  await expect(refuseOverwritingALog(log, '--output', ['-', dir])).rejects.toThrow(UsageError);
});

test('an earlier summary, an empty or missing file, or one outside the inputs is written over as before', async () => {
  const summary = path.join(dir, 'logs', 'summary.txt');
  await writeFile(summary, 'vmemwarn triage: 3 inputs, 3 logs (3 with splats)\n');
  const empty = path.join(dir, 'logs', 'empty.txt');
  await writeFile(empty, '');
  const outside = path.join(dir, 'notes.txt');
  await writeFile(outside, 'my notes\n');
  const logs = [path.join(dir, 'logs')];
  await expect(refuseOverwritingALog(summary, '--output', logs)).resolves.toBeUndefined();
  await expect(refuseOverwritingALog(empty, '--output', logs)).resolves.toBeUndefined();
  await expect(refuseOverwritingALog(path.join(dir, 'logs', 'new.json'), '--output', logs)).resolves.toBeUndefined();
  await expect(refuseOverwritingALog(outside, '--output', logs)).resolves.toBeUndefined();
  await expect(refuseOverwritingALog(undefined, '--output', logs)).resolves.toBeUndefined();
  await expect(refuseOverwritingALog('-', '--output', logs)).resolves.toBeUndefined();
});
