/**
 * Bug: `vmemwarn analyze f` on a FIFO no one writes to printed its (empty, interrupted) report on Ctrl-C and then
 * never exited, not even on a second Ctrl-C: process exit waited for the libuv pool thread blocked in open(2).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interruptCli } from '../cli/_spawn-cli.js';

const hasMkfifo = spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;

(hasMkfifo ? test : test.skip)('Ctrl-C ends a run waiting for a FIFO writer, with exit code 130', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vmemwarn-fifo-'));
  try {
    const fifo = path.join(dir, 'console');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Started and waiting in open(2): the bundle loads in well under a second.
    const { code, stderr } = await interruptCli(['analyze', fifo]);
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
