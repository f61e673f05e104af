import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PRELOAD = fileURLToPath(new URL('./max-rss-preload.mjs', import.meta.url));

/**
 * Runs one command and returns its wall time, CPU time (user + system, all threads), peak RSS and exit code. Stdout
 * goes to /dev/null, or with `captureStdout` into a pipe that is returned: GNU grep ≥ 2.27 stops at the first match
 * when its output is /dev/null, so grep must write to a pipe to read the whole file. Peak RSS and CPU time come from
 * GNU time (`-f '%M %U %S'`) when installed, else — for Node commands only — from a preload that writes
 * `process.resourceUsage()` at exit.
 * `timeoutSeconds` kills a hung command (code null, timedOut true).
 * @param {string} command
 * @param {string[]} args
 * @param {{ node?: boolean, env?: NodeJS.ProcessEnv, captureStdout?: boolean, timeoutSeconds?: number }} [opts]
 *   node: run `args` with this Node binary
 * @returns {Promise<{ seconds: number, cpuSeconds?: number, maxRssKiB?: number, code: number | null, stderr: string, stdout: string, timedOut: boolean }>}
 */
export async function timedRun(command, args, opts = {}) {
  const scratch = await mkdtemp(path.join(tmpdir(), 'vmemwarn-run-'));
  const rssFile = path.join(scratch, 'rss');
  const env = { ...process.env, ...opts.env };
  let argv = opts.node ? [process.execPath, ...args] : [command, ...args];
  if (existsSync(GNU_TIME)) argv = [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, ...argv];
  else if (opts.node) {
    argv = [argv[0], '--import', PRELOAD, ...argv.slice(1)];
    env.VMEMWARN_BENCH_RSS_FILE = rssFile;
  }
  const devNull = openSync('/dev/null', 'w');
  try {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), {
      stdio: ['ignore', opts.captureStdout ? 'pipe' : devNull, 'pipe'],
      env,
      // Its own process group, so a timeout kills GNU time and the command under it together.
      detached: true,
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    child.stdout?.on('data', (d) => {
      stdout = (stdout + d).slice(-4000);
    });
    let timedOut = false;
    const timer =
      opts.timeoutSeconds === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            process.kill(-child.pid, 'SIGKILL');
          }, opts.timeoutSeconds * 1000);
    const code = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    clearTimeout(timer);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // GNU time writes a `Command exited with non-zero status` line first when the command fails.
    const usage = ((await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop() ?? '').split(' ');
    const rss = Number.parseInt(usage[0] ?? '', 10);
    const cpuSeconds = Number(usage[1]) + Number(usage[2]);
    return {
      seconds,
      ...(Number.isFinite(cpuSeconds) && { cpuSeconds }),
      ...(Number.isFinite(rss) && { maxRssKiB: rss }),
      code,
      stderr,
      stdout,
      timedOut,
    };
  } finally {
    closeSync(devNull);
    await rm(scratch, { recursive: true, force: true });
  }
}
