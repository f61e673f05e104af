/**
 * Bug: `vmemwarn analyze f` on a FIFO no one writes to printed its (empty, interrupted) report on Ctrl-C and then
 * never exited, not even on a second Ctrl-C: process exit waited for the libuv pool thread blocked in open(2).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../cli/_spawn-cli.js';

const hasMkfifo = spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;

(hasMkfifo ? test : test.skip)('Ctrl-C ends a run waiting for a FIFO writer, with exit code 130', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vmemwarn-fifo-'));
  try {
    const fifo = path.join(dir, 'console');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, ['bin/vmemwarn', 'analyze', fifo], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Started and waiting in open(2): the bundle loads in well under a second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 5000))]);
    if (code === 'hung') child.kill('SIGKILL');
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
