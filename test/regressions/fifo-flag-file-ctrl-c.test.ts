/**
 * Bug (found by an adversarial run): a FIFO named by a flag (`--config`, `--ignore`, `--log`) or given to `merge`,
 * with no writer, held the run: the first Ctrl-C did nothing, and exit then waited for the pool thread blocked in
 * open(2), so not even a second one ended it. `vmemwarn analyze FIFO` itself had been fixed before
 * (fifo-without-writer-ctrl-c.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interruptCli } from '../cli/_spawn-cli.js';

const hasMkfifo = spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;
const LOG = 'samples/logs/plain-boot-6.6-unrelated-warning.log';

(hasMkfifo ? test.each : test.skip.each)([
  [['analyze', LOG, '--config', 'FIFO']],
  [['merge', 'FIFO']],
  [['triage', 'samples/logs', '--quiet', '--ignore', 'FIFO']],
  [['layout', '--log', 'FIFO']],
])('one Ctrl-C ends %j, with exit code 130 and a note', async (args) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vmemwarn-fifo-flag-'));
  try {
    const fifo = path.join(dir, 'idle');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { code, stderr } = await interruptCli(args.map((a) => (a === 'FIFO' ? fifo : a)));
    expect(code).toBe(130);
    expect(stderr).toBe('vmemwarn: interrupted before the report was made: nothing to report\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
