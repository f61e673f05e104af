import { spawn, spawnSync } from 'node:child_process';
import { closeSync, readFileSync, writeSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { signalExitCode, stopCause, stoppedBy } from '../../src/cli/stop-signals.js';
import { distBuilt, REPO, runBin } from './_run-bin.js';
import { SAMPLES } from './_spawn-cli.js';
import { tempDir } from '../_temp-dirs.js';
import type { Summary } from '../../src/triage/summary-types.js';
import { openFifoWriter } from '../_fifo-writer.js';

const LOG = readFileSync(`${SAMPLES}plain-boot-6.6-unrelated-warning.log`, 'utf8');
const STORM = readFileSync(`${SAMPLES}e3-48-4k-amdgpu-populate-storm.log`);
const hasMkfifo = spawnSync('mkfifo', ['--version'], { stdio: 'ignore' }).status === 0;
const builtTest = distBuilt ? test : test.skip;

describe('stop signals', () => {
  test.each([['SIGINT'], ['SIGTERM'], ['SIGHUP']] as const)('%s exits as the shell reports it: 128 + its number', (name) => {
    expect(signalExitCode(name)).toBe(128 + constants.signals[name]);
  });

  test('the cause of a stop is the signal the controller was aborted with; Ctrl-C for SIGINT or any other abort', () => {
    const aborted = (reason?: unknown): AbortSignal => {
      const c = new AbortController();
      c.abort(reason);
      return c.signal;
    };
    expect(stoppedBy(aborted('SIGTERM'))).toBe('SIGTERM');
    expect(stopCause(aborted('SIGTERM'))).toBe('SIGTERM');
    expect(stopCause(aborted('SIGINT'))).toBe('Ctrl-C');
    expect(stopCause(aborted())).toBe('Ctrl-C');
  });

  // Found by a review: SIGTERM (a CI timeout, `timeout`, docker stop) ended the run at once, writing nothing and
  // printing nothing; only SIGINT stopped it gracefully.
  builtTest.each([['SIGTERM'], ['SIGHUP']] as const)(
    'Found by a review: %s while stdin idles: the report of what was read is written to -o, exit 128 + the signal',
    async (name) => {
      const out = path.join(tempDir('stop-signal'), 'report.json');
      const run = await runBin(['analyze', '-', '--format', 'json', '-o', out], {
        timeoutMs: 10_000,
        onSpawn: (child) => {
          // One log, then the writer goes quiet without closing stdin.
          child.stdin!.write(LOG);
          setTimeout(() => child.kill(name), 1500);
        },
      });
      expect(run.code).toBe(signalExitCode(name));
      expect(run.stderr).toContain(`interrupted: the report covers what was read before ${name}`);
      const report = JSON.parse(readFileSync(out, 'utf8')) as { inputs: { interrupted?: boolean; clusters: { title: string }[] }[] };
      expect(report.inputs[0]?.interrupted).toBe(true);
      expect(report.inputs[0]?.clusters.map((c) => c.title)).toEqual(['WARNING in clk_core_disable']);
    },
  );

  (distBuilt && hasMkfifo ? test.each : test.skip.each)([['1'], ['2']])('Found by a review: SIGTERM stops triage -j %s as Ctrl-C does: the summary says interrupted, exit 143', async (jobs) => {
    const dir = tempDir('stop-signal-fifo');
    const fifo = path.join(dir, 'console');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, ['bin/vmemwarn', 'triage', '-q', '-j', jobs, '-f', 'json', fifo], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const writer = await openFifoWriter(fifo);
    try {
      expect(writer).toBeDefined();
      writeSync(writer!, LOG);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 5000))]);
      expect(code).toBe(signalExitCode('SIGTERM'));
      // Found by a review of the CLI: the summary, its JUnit and merge's warning had called any stop Ctrl-C.
      expect(stderr).toContain('interrupted (SIGTERM) after 1 of 1 inputs found');
      const summary = JSON.parse(stdout) as Summary;
      expect(summary).toMatchObject({ interrupted: true, interruptedBy: ['SIGTERM'] });
      expect(summary.issues.map((i) => i.reason)).toEqual(['interrupted (SIGTERM) before it was read to the end: it is not in the summary']);
    } finally {
      if (writer !== undefined) closeSync(writer);
      child.kill('SIGKILL');
    }
  });

  builtTest('Found by a review: a second stop signal exits at once, with the first one\'s code, and says so', async () => {
    const run = await runBin(['analyze', '-', '--format', 'json'], {
      onSpawn: (child) => {
        let writes = 0;
        const pump = (): void => {
          while (child.exitCode === null && writes < 2000 && child.stdin!.write(STORM)) writes++;
          if (child.exitCode === null && writes < 2000) child.stdin!.once('drain', pump);
        };
        pump();
        // Which of the two is handled first is up to the threads the kernel delivers them to.
        setTimeout(() => {
          child.kill('SIGHUP');
          child.kill('SIGTERM');
        }, 1500);
      },
    });
    expect([signalExitCode('SIGHUP'), signalExitCode('SIGTERM')]).toContain(run.code);
    expect(run.stderr).toContain('interrupted again: exiting without writing the report');
  });
});
