/**
 * Bug: with a FIFO whose writer had sent a log and then stayed open (`(cat dmesg; sleep 25) > f`), one Ctrl-C ended
 * `vmemwarn analyze f` and `vmemwarn triage f` only when the writer closed: exit waited for the pool thread blocked
 * in read(2), and triage's format sniff waited for more bytes without looking at Ctrl-C. Found by a README review.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeSync, readFileSync } from 'node:fs';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, SAMPLES } from '../cli/_spawn-cli.js';

const hasMkfifo = spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;
const LOG = readFileSync(`${SAMPLES}plain-boot-6.6-unrelated-warning.log`);

async function interruptWhileWriterIdles(args: readonly string[]): Promise<{ code: number | null | 'hung'; stderr: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vmemwarn-fifo-'));
  let child: ChildProcess | undefined;
  let writer: number | undefined;
  try {
    const fifo = path.join(dir, 'console');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    child = spawn(process.execPath, ['bin/vmemwarn', ...args, fifo], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    // The writer: opened once the reader has opened its end, then idle with the log written.
    for (let tries = 0; writer === undefined && tries < 100; tries++) {
      try {
        writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    expect(writer).toBeDefined();
    writeSync(writer!, LOG);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 4000))]);
    return { code, stderr };
  } finally {
    if (writer !== undefined) closeSync(writer);
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

(hasMkfifo ? test : test.skip).each([
  ['analyze', ['analyze']],
  ['triage --jobs 1', ['triage', '--jobs', '1']],
])('%s: one Ctrl-C ends the run while the writer idles, exit 130', async (_name, args) => {
  const { code, stderr } = await interruptWhileWriterIdles(args);
  expect(code).toBe(130);
  expect(stderr).toContain('interrupted');
});
