/**
 * Bug: with a FIFO whose writer had sent a log and then stayed open (`(cat dmesg; sleep 25) > f`), one Ctrl-C ended
 * `vmemwarn analyze f` and `vmemwarn triage f` only when the writer closed: exit waited for the pool thread blocked
 * in read(2), and triage's format sniff waited for more bytes without looking at Ctrl-C. Found by a README review.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, closeSync, rmSync, writeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, SAMPLES } from '../cli/_spawn-cli.js';
import { tarBuffer } from '../triage/fixture-tree.js';
import { openFifoWriter } from '../_fifo-writer.js';

const hasMkfifo = spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;
const LOG = readFileSync(`${SAMPLES}plain-boot-6.6-unrelated-warning.log`);

async function interruptWhileWriterIdles(
  args: readonly string[],
  data: Buffer = LOG,
  fifoCount = 1,
): Promise<{ code: number | null | 'hung'; stdout: string; stderr: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vmemwarn-fifo-'));
  let child: ChildProcess | undefined;
  const writers: number[] = [];
  try {
    const fifos = Array.from({ length: fifoCount }, (_, i) => path.join(dir, `console${i}`));
    for (const fifo of fifos) expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    child = spawn(process.execPath, ['bin/vmemwarn', ...args, ...fifos], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    // The writers: each opened once the reader has opened its end, then idle with the data written.
    for (const fifo of fifos) {
      const writer = await openFifoWriter(fifo);
      expect(writer).toBeDefined();
      writers.push(writer!);
      writeSync(writer!, data);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 4000))]);
    return { code, stdout, stderr };
  } finally {
    for (const writer of writers) closeSync(writer);
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
  // Found by an audit: nothing said how many inputs the run had found.
  if (args[0] === 'triage') expect(stderr).toContain('interrupted (Ctrl-C) after 1 of 1 inputs found: the summary covers the logs that finished');
});

// Found by a review: a tar read from a FIFO whose writer stalled between members held a Ctrl-C until a second one (the
// wait for the next member did not look at it), and a worker's archive lost the members it had read.
(hasMkfifo ? test : test.skip).each([
  // With one job the second FIFO would never be opened while the first waits: one archive.
  ['--jobs 1', '1', 1],
  ['--jobs 2, one archive in a worker', '2', 2],
])('triage %s of tars stalled mid-archive: one Ctrl-C, exit 130, the members read are kept, each archive named', async (_name, jobs, count) => {
  // Members over the 8 KiB an input's format sniff waits for.
  const member = Buffer.concat(Array.from({ length: 4 }, () => LOG));
  const tar = await tarBuffer([{ name: 'first.log', data: member }, { name: 'second.log', data: member }]);
  // The first member whole, and a part of the second's header: the reader waits for more.
  const cut = tar.subarray(0, 512 + Math.ceil(member.length / 512) * 512 + 100);
  const { code, stdout } = await interruptWhileWriterIdles(['triage', '-q', '-f', 'json', '--jobs', jobs], cut, count);
  expect(code).toBe(130);
  const summary = JSON.parse(stdout) as { logs: { name: string }[]; issues: { input: string; reason: string }[] };
  const fifos = Array.from({ length: count }, (_, i) => `console${i}`);
  expect(summary.logs.map((l) => l.name.replace(/.*\//, '')).sort()).toEqual(fifos.map((f) => `${f}:first.log`));
  expect(summary.issues.map((i) => [i.input.replace(/.*\//, ''), i.reason.split(':')[0]]).sort()).toEqual(
    fifos.map((f) => [f, 'interrupted (Ctrl-C) before it was read to the end']),
  );
});
