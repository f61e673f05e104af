import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the tests run the built CLI (`node bin/vmemwarn`) from here, against dist/bundle/. */
export const REPO = path.resolve(process.cwd());
export const distBuilt = existsSync(path.join(REPO, 'dist/bundle/main.js'));

export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface BinOptions {
  stdin?: Buffer | string;
  /** Called once the child runs, e.g. to feed stdin slowly or to send it a signal. */
  onSpawn?: (child: ChildProcess) => void;
  uid?: number;
  gid?: number;
  timeoutMs?: number;
  /** Run under `/usr/bin/time -f maxrss-kib=%M`, which adds the child's peak RSS as the last stderr line. */
  measureMaxRss?: boolean;
}

/** Runs `node bin/vmemwarn …args` as a child process with the repository as cwd. */
export function runBin(args: readonly string[], opts: BinOptions = {}): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, 'bin/vmemwarn', ...args];
    if (opts.measureMaxRss === true) command.unshift('/usr/bin/time', '-f', 'maxrss-kib=%M');
    const child = spawn(command[0]!, command.slice(1), {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', CI: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.uid !== undefined && { uid: opts.uid }),
      ...(opts.gid !== undefined && { gid: opts.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A child that stops reading stdin early must not fail the test with EPIPE.
    child.stdin.on('error', () => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    else if (opts.onSpawn === undefined) child.stdin.end();
    opts.onSpawn?.(child);
  });
}

/** The peak RSS `/usr/bin/time` reported for a `measureMaxRss` run, in KiB. */
export function maxRssKib(run: BinRun): number {
  const m = /maxrss-kib=(\d+)/.exec(run.stderr);
  if (m === null) throw new Error(`no maxrss line in stderr: ${run.stderr}`);
  return Number(m[1]);
}

/** Stack-trace lines (`    at fn (file:1:2)`): a one-line error must never come with one. */
export function stackLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\s+at /.test(l));
}
