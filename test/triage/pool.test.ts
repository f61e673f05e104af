import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTree, corpusAvailable, corpusFile } from './fixture-tree.js';

// worker_threads load compiled JS: build dist/ first (tsc still emits when another module has type errors).
function buildDist(): void {
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
  } catch {
    // Type errors elsewhere do not stop emission; a missing dist/ makes the imports below fail loudly.
  }
}

type RunTriage = typeof import('../../src/triage/run-triage.js').runTriage;
type RunPool = typeof import('../../src/triage/pool.js').runPool;
type TaskQueueClass = typeof import('../../src/triage/task-queue.js').TaskQueue;

const suite = corpusAvailable ? describe : describe.skip;

suite('worker pool (dist/)', () => {
  let root: string;
  let runTriage: RunTriage;
  let runPool: RunPool;
  let TaskQueue: TaskQueueClass;

  beforeAll(async () => {
    buildDist();
    ({ runTriage } = (await import('../../dist/triage/run-triage.js')) as { runTriage: RunTriage });
    ({ runPool } = (await import('../../dist/triage/pool.js')) as unknown as { runPool: RunPool });
    ({ TaskQueue } = (await import('../../dist/triage/task-queue.js')) as unknown as { TaskQueue: TaskQueueClass });
    root = await mkdtemp(path.join(tmpdir(), 'vmemwarn-pool-'));
    await buildTree(path.join(root, 'tree'));
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  test('two workers give the same summary as the in-process run', async () => {
    const tree = path.join(root, 'tree');
    const [inProcess, pooled] = await Promise.all([runTriage({ inputs: [tree], jobs: 1 }), runTriage({ inputs: [tree], jobs: 2 })]);
    // Under jest the in-process run sees zlib errors from another realm, which the ingest prints as `Error: ...`.
    const plain = (s: typeof pooled.summary) => JSON.stringify(s).replace(/\(Error: /g, '(');
    expect(plain(pooled.summary)).toBe(plain(inProcess.summary));
    expect(pooled.exitCode).toBe(inProcess.exitCode);
  });

  test('abort stops the run and returns what finished, marked interrupted', async () => {
    const controller = new AbortController();
    const outcome = await runTriage({ inputs: [path.join(root, 'tree')], jobs: 2 }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.filesDone === 1) controller.abort();
      },
    });
    expect(outcome.summary.interrupted).toBe(true);
    expect(outcome.exitCode).toBe(130);
    expect(outcome.summary.totals.inputs).toBeGreaterThanOrEqual(1);
    expect(outcome.summary.totals.inputs).toBeLessThan((await readdir(path.join(root, 'tree'))).length);
  });

  // Found by review: the pool went on after runTriage had rejected, writing reports and calling hooks, and a hook
  // that threw from a worker's message was an uncaught exception that ended the embedding process.
  test.each([
    ['the first progress call', (n: number) => n === 1],
    ['every progress call', () => true],
  ])('a hook that throws (%s) rejects runTriage, and nothing runs after', async (_, throws) => {
    let calls = 0;
    const run = runTriage({ inputs: [path.join(root, 'tree')], jobs: 2 }, {
      onProgress: () => {
        calls += 1;
        if (throws(calls)) throw new Error('progress display failed');
      },
    });
    await expect(run).rejects.toThrow('progress display failed');
    const atRejection = calls;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(calls).toBe(atRejection);
  });

  /** A worker that claims one input and crashes on it. */
  async function crashWorker(): Promise<string> {
    const crashing = path.join(root, 'crash-worker.mjs');
    const queueModule = new URL('../../dist/triage/task-queue.js', import.meta.url).href;
    await writeFile(crashing, [
      "import { parentPort } from 'node:worker_threads';",
      `import { TaskQueue } from '${queueModule}';`,
      'parentPort.once(\'message\', (run) => {',
      '  const next = new TaskQueue(run.tasks, run.queue).takeIndexed();',
      '  if (next === undefined) return parentPort.postMessage({ kind: \'drained\' });',
      '  Atomics.store(new Int32Array(run.claims), run.slot, next.index + 1);',
      "  throw new Error('boom');",
      '});',
    ].join('\n'));
    return crashing;
  }

  test('a worker that crashes on an input turns that input into an error and is replaced', async () => {
    const crashing = await crashWorker();
    const task = (name: string) => ({ path: name, display: name, rel: name, sizeBytes: 1, mtimeMs: 0 });
    const ctx = { analyze: {}, maxBufferedZipBytes: 1024, fileTimes: false };
    const summaries = await runPool(new TaskQueue([task('one'), task('two'), task('three')]), ctx, 2, {}, new URL(`file://${crashing}`));
    expect(summaries.flatMap((s) => s.issues).map((i) => `${i.input}: ${i.reason}`).sort()).toEqual([
      'one: analysis crashed: boom', 'three: analysis crashed: boom', 'two: analysis crashed: boom',
    ]);
  });

  // Found by review: a crash recorded through a hook that threw rejected the pool, then started a replacement worker
  // that went through the rest of the queue.
  test('a crash whose hook throws ends the pool: no replacement starts', async () => {
    const crashing = await crashWorker();
    const task = (name: string) => ({ path: name, display: name, rel: name, sizeBytes: 1, mtimeMs: 0 });
    const ctx = { analyze: {}, maxBufferedZipBytes: 1024, fileTimes: false };
    let done = 0;
    const queue = new TaskQueue(['one', 'two', 'three', 'four'].map(task));
    const run = runPool(queue, ctx, 1, {
      onDone: () => {
        done += 1;
        throw new Error('hook failed');
      },
    }, new URL(`file://${crashing}`));
    await expect(run).rejects.toThrow('hook failed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(done).toBe(1);
    // Only the first input was taken: a replacement would have claimed the next.
    expect(queue.remaining).toBe(3);
  });

  // Found by a review: the input a worker was reading when Ctrl-C stopped it was named nowhere.
  // The stuck workers never say they are loaded: Ctrl-C terminates them at once (found by a review: it had waited for
  // every worker to load, up to the grace period), and their inputs are named all the same.
  test('Ctrl-C names the inputs the workers had started and not finished', async () => {
    const stuck = path.join(root, 'stuck-worker.mjs');
    const queueModule = new URL('../../dist/triage/task-queue.js', import.meta.url).href;
    await writeFile(stuck, [
      "import { parentPort } from 'node:worker_threads';",
      `import { TaskQueue } from '${queueModule}';`,
      'parentPort.once(\'message\', (run) => {',
      '  const next = new TaskQueue(run.tasks, run.queue).takeIndexed();',
      "  if (next !== undefined) parentPort.postMessage({ kind: 'start', index: next.index });",
      '  setInterval(() => undefined, 1000);',
      '});',
    ].join('\n'));
    const task = (name: string) => ({ path: name, display: name, rel: name, sizeBytes: 1, mtimeMs: 0 });
    const ctx = { analyze: {}, maxBufferedZipBytes: 1024, fileTimes: false };
    const controller = new AbortController();
    const started: string[] = [];
    const summaries = await runPool(new TaskQueue([task('one'), task('two'), task('three')]), ctx, 2, {
      signal: controller.signal,
      onStart: (t) => {
        started.push(t.display);
        if (started.length === 2) controller.abort();
      },
    }, new URL(`file://${stuck}`));
    expect(started.sort()).toEqual(['one', 'two']);
    expect(summaries.flatMap((s) => s.issues).map((i) => [i.input, i.severity]).sort()).toEqual([['one', 'skipped'], ['two', 'skipped']]);
    expect(summaries.every((s) => s.interrupted && s.totals.inputs === 1)).toBe(true);
  });

  test('Ctrl-C asks each worker to stop: what it hands over is kept, its input named as not read to the end', async () => {
    const polite = path.join(root, 'polite-worker.mjs');
    const queueModule = new URL('../../dist/triage/task-queue.js', import.meta.url).href;
    await writeFile(polite, [
      "import { parentPort } from 'node:worker_threads';",
      `import { TaskQueue } from '${queueModule}';`,
      'parentPort.once(\'message\', (run) => {',
      "  parentPort.postMessage({ kind: 'ready' });",
      '  const next = new TaskQueue(run.tasks, run.queue).takeIndexed();',
      '  Atomics.store(new Int32Array(run.claims), run.slot, next.index + 1);',
      "  parentPort.postMessage({ kind: 'start', index: next.index });",
      '  const timer = setInterval(() => undefined, 1000);',
      '  parentPort.on(\'message\', (m) => {',
      "    if (m.kind !== 'stop') return;",
      '    clearInterval(timer);',
      '    const summary = { schemaVersion: 4, interrupted: true, totals: { inputs: 1, logs: 1, logsWithSplats: 0, bytes: 0, lines: 0, splats: 0, errors: 0, skipped: 0, notKernelLogs: 0, logsBySeverity: { crash: 0, hang: 0, warning: 0, other: 0 } },',
      "      clusters: [], logs: [{ name: `${next.task.display}:member.log`, input: next.task.display, bytes: 0, lines: 0, splats: 0, arch: 'unknown', clusters: [] }], issues: [] };",
      "    parentPort.postMessage({ kind: 'done', index: next.index, summary });",
      "    parentPort.postMessage({ kind: 'drained' });",
      '  });',
      '});',
    ].join('\n'));
    const task = (name: string) => ({ path: name, display: name, rel: name, sizeBytes: 1, mtimeMs: 0 });
    const ctx = { analyze: {}, maxBufferedZipBytes: 1024, fileTimes: false };
    const controller = new AbortController();
    const done: string[] = [];
    const summaries = await runPool(new TaskQueue([task('one')]), ctx, 1, {
      signal: controller.signal,
      onStart: () => controller.abort(),
      onDone: (t) => done.push(t.display),
    }, new URL(`file://${polite}`));
    expect(summaries.flatMap((s) => s.logs.map((l) => l.name))).toEqual(['one:member.log']);
    expect(summaries.flatMap((s) => s.issues).map((i) => [i.input, i.severity])).toEqual([['one', 'skipped']]);
    expect(done).toEqual([]);
  });

  test('a worker that dies before taking an input is not replaced and leaves the queue to the caller', async () => {
    const dying = path.join(root, 'dying-worker.mjs');
    await writeFile(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('no start'); });\n");
    const task = (name: string) => ({ path: name, display: name, rel: name, sizeBytes: 1, mtimeMs: 0 });
    const ctx = { analyze: {}, maxBufferedZipBytes: 1024, fileTimes: false };
    const queue = new TaskQueue([task('one'), task('two'), task('three')]);
    expect(await runPool(queue, ctx, 2, {}, new URL(`file://${dying}`))).toEqual([]);
    expect(queue.remaining).toBe(3);
  });

  test('throughput over 2000 generated small logs, jobs 1 vs 2', async () => {
    const sources = ['syzkaller__report_6__WARNING_foo.txt', 'syzkaller__report_249__WARNING_in_rfkill_fop_read.txt',
      'syzkaller__report_527__WARNING_suspicious_RCU_usage_in_gc_worker.txt', 'squad__linux_log_parser_kfence_arm64_hikey.txt'];
    const texts = await Promise.all(sources.map((s) => readFile(corpusFile(s))));
    const many = path.join(root, 'many');
    for (let i = 0; i < 2000; i++) {
      const dir = path.join(many, `d${i % 20}`);
      if (i < 20) await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `log-${i}.txt`), texts[i % texts.length] ?? '');
    }
    const measure = async (jobs: number) => {
      const start = process.hrtime.bigint();
      const outcome = await runTriage({ inputs: [many], jobs });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const { logs, bytes } = outcome.summary.totals;
      return { outcome, line: `jobs ${jobs}: ${logs} logs in ${seconds.toFixed(2)} s = ${(logs / seconds).toFixed(0)} files/s, ${(bytes / 1048576 / seconds).toFixed(2)} MB/s` };
    };
    const one = await measure(1);
    const two = await measure(2);
    console.log(`triage throughput\n  ${one.line}\n  ${two.line}`);
    expect(one.outcome.summary.totals.logs).toBe(2000);
    expect(two.outcome.summary).toEqual(one.outcome.summary);
  }, 300_000);
});
