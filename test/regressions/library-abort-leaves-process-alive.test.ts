/**
 * Bug: `analyzeFile(fifo, { signal })` resolved on abort, but the embedding process then did not exit: with no writer
 * a libuv pool thread stayed blocked in open(2) for ever, and with an idle writer (or an idle pipe on stdin) until
 * the writer closed. Only the CLI released them, at exit. Found by a review of the library API.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../cli/_spawn-cli.js';
import { openFifoWriter } from '../_fifo-writer.js';

const hasMkfifo = spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * A process that analyzes `spec` through the built library (or triages it, with `jobs`) and aborts after 300 ms; its
 * exit code or 'hung'.
 */
function embedder(spec: string, triageJobs?: number, ignoreFile?: string): { child: ChildProcess; exit: Promise<number | null | 'hung'> } {
  const lib = JSON.stringify(path.join(REPO_ROOT, 'dist/index.js'));
  const script = ignoreFile !== undefined
    ? `import { runTriage, ReadInterrupted } from ${lib};
    const ac = new AbortController(); setTimeout(() => ac.abort(), 300);
    const stopped = await runTriage({ inputs: [${JSON.stringify(spec)}], jobs: 1, ignoreFile: ${JSON.stringify(ignoreFile)} }, { signal: ac.signal })
      .then(() => false, (err) => err instanceof ReadInterrupted);
    if (!stopped) process.exitCode = 9;`
    : triageJobs === undefined
    ? `import { analyzeFile } from ${lib};
    const ac = new AbortController(); setTimeout(() => ac.abort(), 300);
    const r = await analyzeFile(${JSON.stringify(spec)}, { signal: ac.signal });
    if (!r.interrupted) process.exitCode = 9;`
    : `import { runTriage } from ${lib};
    const ac = new AbortController(); setTimeout(() => ac.abort(), 300);
    const r = await runTriage({ inputs: [${JSON.stringify(spec)}], jobs: ${triageJobs} }, { signal: ac.signal });
    // A FIFO input is named as not read; a path list on stdin stopped part-way names nothing.
    if (r.exitCode !== 130 || r.summary.issues.length !== ${spec === '-' ? 0 : 1}) process.exitCode = 9;`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'ignore', 'inherit'] });
  const exit = Promise.race([
    new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))),
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 3000)),
  ]);
  return { child, exit };
}

(hasMkfifo ? describe : describe.skip)('after an abort the embedding process can exit', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vmemwarn-lib-abort-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a FIFO no one writes to', async () => {
    const fifo = path.join(dir, 'console');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { child, exit } = embedder(fifo);
    const code = await exit;
    child.kill('SIGKILL');
    expect(code).toBe(0);
  });

  // Found by a review: runTriage resolved, but a FIFO open (in a worker, or on this thread) held the exit up.
  test.each([1, 2])('runTriage --jobs %i of a FIFO no one writes to', async (jobs) => {
    const fifo = path.join(dir, 'console');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { child, exit } = embedder(fifo, jobs);
    const code = await exit;
    child.kill('SIGKILL');
    expect(code).toBe(0);
  });

  test('a FIFO whose writer sent a line and idles', async () => {
    const fifo = path.join(dir, 'console');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { child, exit } = embedder(fifo);
    const writer = await openFifoWriter(fifo, 100, 20);
    writeSync(writer!, '[    0.000000] Booting Linux on physical CPU 0x0\n');
    const code = await exit;
    closeSync(writer!);
    child.kill('SIGKILL');
    expect(code).toBe(0);
  });

  // Found by a review: runTriage rejected with ReadInterrupted, and the process then waited for the writer.
  test.each([
    ['a FIFO no one writes to', 'fifo'],
    ['stdin, a pipe whose writer idles', '-'],
  ])('runTriage stopped while its ignore file, %s, is awaited', async (_name, kind) => {
    const fifo = path.join(dir, 'known.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { child, exit } = embedder(dir, 1, kind === '-' ? '-' : fifo);
    if (kind === '-') child.stdin!.write('WARNING in f\n');
    const code = await exit;
    child.stdin!.end();
    child.kill('SIGKILL');
    expect(code).toBe(0);
  });

  test('runTriage stopped while its path list on stdin (a pipe whose writer idles) is read', async () => {
    const { child, exit } = embedder('-', 1);
    child.stdin!.write(`${path.join(dir, 'a.log')}\n`);
    const code = await exit;
    child.stdin!.end();
    child.kill('SIGKILL');
    expect(code).toBe(0);
  });

  test('stdin, a pipe whose writer idles', async () => {
    const { child, exit } = embedder('-');
    child.stdin!.write('[    0.000000] Booting Linux on physical CPU 0x0\n');
    const code = await exit;
    child.stdin!.end();
    child.kill('SIGKILL');
    expect(code).toBe(0);
  });
});
