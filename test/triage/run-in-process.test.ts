import { jest } from '@jest/globals';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as realProcessInput from '../../src/triage/process-input.js';
import type { InputContext } from '../../src/triage/input-context.js';
import type { InputTask } from '../../src/triage/input-task.js';
import type { Summary } from '../../src/triage/summary-types.js';
import { emptySummary } from '../../src/triage/merge.js';
import { TaskQueue } from '../../src/triage/task-queue.js';

// The real processInput, watched; a test may replace what it does for one run.
const processInput = jest.fn(realProcessInput.processInput);
jest.unstable_mockModule('../../src/triage/process-input.js', () => ({ ...realProcessInput, processInput }));

const { runInProcess } = await import('../../src/triage/run-in-process.js');

const ctx: InputContext = { analyze: {}, maxBufferedZipBytes: 64 * 1024 * 1024, fileTimes: false };

/** A task that is never opened: for runs whose processInput is faked. */
function fakeTask(name: string): InputTask {
  return { path: `/nonexistent/${name}`, display: name, rel: name, sizeBytes: 0, mtimeMs: 0 };
}

/** The summary a faked processInput gives for a task: one log named after it. */
function fakeSummary(task: InputTask, interrupted = false): Summary {
  const s = emptySummary();
  s.interrupted = interrupted;
  s.totals.inputs = 1;
  s.logs = [{ name: task.display, input: task.display, bytes: 0, lines: 0, splats: 0, arch: 'unknown', clusters: [] }];
  return s;
}

function recordingHooks() {
  const events: string[] = [];
  return {
    events,
    onStart: (task: InputTask) => events.push(`start ${task.display}`),
    onDone: (task: InputTask, summary: Summary) => events.push(`done ${task.display} -> ${summary.logs[0]?.name ?? '?'}`),
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-run-in-process-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  processInput.mockReset();
  processInput.mockImplementation(realProcessInput.processInput);
});

test('real inputs: one summary each, in queue order, with hooks around each', async () => {
  const warning = [
    '[   10.000000] ------------[ cut here ]------------',
    '[   10.000001] WARNING: CPU: 1 PID: 42 at mm/page_alloc.c:4000 __alloc_pages+0x1c/0x300',
    '[   10.000002] CPU: 1 PID: 42 Comm: kworker/1:1 Not tainted 6.6.0 #1',
    '[   10.000003] Call trace:',
    '[   10.000004]  __alloc_pages+0x1c/0x300',
    '[   10.000005] ---[ end trace 0000000000000000 ]---',
  ];
  const files = { 'a-warning.log': warning, 'b-clean.log': ['[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]'] };
  const tasks: InputTask[] = [];
  for (const [name, lines] of Object.entries(files)) {
    const file = path.join(dir, name);
    await writeFile(file, `${lines.join('\n')}\n`);
    const st = await stat(file);
    tasks.push({ path: file, display: `logs/${name}`, rel: name, sizeBytes: st.size, mtimeMs: st.mtimeMs });
  }
  const queue = new TaskQueue(tasks);
  const hooks = recordingHooks();
  const summaries = await runInProcess(queue, ctx, hooks);

  expect(summaries.map((s) => s.logs.map((l) => [l.name, l.lines, l.splats]))).toEqual([
    [['logs/a-warning.log', warning.length, 1]],
    [['logs/b-clean.log', 1, 0]],
  ]);
  expect(summaries.map((s) => s.totals.inputs)).toEqual([1, 1]);
  expect(hooks.events).toEqual([
    'start logs/a-warning.log',
    'done logs/a-warning.log -> logs/a-warning.log',
    'start logs/b-clean.log',
    'done logs/b-clean.log -> logs/b-clean.log',
  ]);
  expect(queue.remaining).toBe(0);
});

test('an empty queue: nothing analysed, no hooks', async () => {
  const hooks = recordingHooks();
  await expect(runInProcess(new TaskQueue([]), ctx, hooks)).resolves.toEqual([]);
  expect(hooks.events).toEqual([]);
  expect(processInput).not.toHaveBeenCalled();
});

test('hooks are optional', async () => {
  processInput.mockImplementation(async (task) => fakeSummary(task));
  const summaries = await runInProcess(new TaskQueue([fakeTask('a'), fakeTask('b')]), ctx);
  expect(summaries.map((s) => s.logs[0]?.name)).toEqual(['a', 'b']);
  // Without a signal, processInput is given no signal key at all.
  expect(processInput.mock.calls.map((call) => call[2])).toEqual([{}, {}]);
});

test('the context and the signal are passed to each input', async () => {
  processInput.mockImplementation(async (task) => fakeSummary(task));
  const signal = new AbortController().signal;
  const ownCtx: InputContext = { ...ctx, fileTimes: true, outDir: '/tmp/reports' };
  await runInProcess(new TaskQueue([fakeTask('a')]), ownCtx, { signal });
  expect(processInput).toHaveBeenCalledTimes(1);
  const [task, passedCtx, inputHooks] = processInput.mock.calls[0]!;
  expect(task.display).toBe('a');
  expect(passedCtx).toBe(ownCtx);
  expect(inputHooks).toEqual({ signal });
  expect(inputHooks?.signal).toBe(signal);
});

test('already aborted: no input starts', async () => {
  const controller = new AbortController();
  controller.abort();
  const hooks = recordingHooks();
  const summaries = await runInProcess(new TaskQueue([fakeTask('a'), fakeTask('b')]), ctx, { ...hooks, signal: controller.signal });
  expect(summaries).toEqual([]);
  expect(hooks.events).toEqual([]);
  expect(processInput).not.toHaveBeenCalled();
});

test('aborted after an input finished: the next one does not start', async () => {
  const controller = new AbortController();
  processInput.mockImplementation(async (task) => fakeSummary(task));
  const hooks = recordingHooks();
  const summaries = await runInProcess(new TaskQueue([fakeTask('a'), fakeTask('b'), fakeTask('c')]), ctx, {
    ...hooks,
    signal: controller.signal,
    onDone: (task, summary) => {
      hooks.onDone(task, summary);
      controller.abort();
    },
  });
  expect(summaries.map((s) => s.logs[0]?.name)).toEqual(['a']);
  expect(hooks.events).toEqual(['start a', 'done a -> a']);
  expect(processInput).toHaveBeenCalledTimes(1);
});

// Found by a review: an archive cut short by Ctrl-C had vanished from the summary, the members it finished with it,
// and was named nowhere.
test('an input cut short by Ctrl-C keeps what of it finished and is named as not read to the end; nothing after it starts', async () => {
  const controller = new AbortController();
  processInput.mockImplementation(async (task) => {
    if (task.display !== 'b') return fakeSummary(task);
    // As the CLI aborts on Ctrl-C: the signal's name is the reason.
    controller.abort('SIGINT');
    // What processInput gives for an archive stopped after its first member: that member's log, marked interrupted.
    return fakeSummary({ ...task, display: 'b:first-member' }, true);
  });
  const hooks = recordingHooks();
  const summaries = await runInProcess(new TaskQueue([fakeTask('a'), fakeTask('b'), fakeTask('c')]), ctx, { ...hooks, signal: controller.signal });
  expect(summaries.map((s) => s.logs[0]?.name)).toEqual(['a', 'b:first-member']);
  expect(summaries[1]?.issues).toEqual([
    { input: 'b', severity: 'skipped', reason: 'interrupted (Ctrl-C) before it was read to the end: the members read in full are in the summary, the rest is not' },
  ]);
  expect(summaries[1]?.interrupted).toBe(true);
  // b started but is not done; c never started.
  expect(hooks.events).toEqual(['start a', 'done a -> a', 'start b']);
  expect(processInput.mock.calls.map((call) => call[0].display)).toEqual(['a', 'b']);
});

// Found by a review: small files are read without a turn of the event loop, so a Ctrl-C waited for the whole queue;
// and an input taken just as the signal aborted was dropped unnamed.
test('the event loop turns between inputs: an abort scheduled on it stops the run, and no input is taken and dropped', async () => {
  processInput.mockImplementation(async (task) => fakeSummary(task));
  const controller = new AbortController();
  const queue = new TaskQueue(Array.from({ length: 50 }, (_, i) => fakeTask(`t${i}`)));
  setImmediate(() => controller.abort());
  const summaries = await runInProcess(queue, ctx, { signal: controller.signal });
  expect(summaries.length).toBeLessThan(50);
  expect(summaries.length + queue.remaining).toBe(50);
});

test('an interrupted summary stops the run even without a signal in the hooks', async () => {
  processInput.mockImplementation(async (task) => fakeSummary(task, task.display === 'a'));
  const summaries = await runInProcess(new TaskQueue([fakeTask('a'), fakeTask('b')]), ctx);
  expect(summaries.map((s) => s.issues.map((i) => i.input))).toEqual([['a']]);
  expect(processInput).toHaveBeenCalledTimes(1);
});

test('inputs another runner took from the shared queue are not analysed here', async () => {
  processInput.mockImplementation(async (task) => fakeSummary(task));
  const tasks = [fakeTask('a'), fakeTask('b'), fakeTask('c')];
  const mine = new TaskQueue(tasks);
  // A worker's queue over the same tasks and the same shared index.
  const workers = new TaskQueue(tasks, mine.shared);
  expect(workers.take()?.display).toBe('a');
  const summaries = await runInProcess(mine, ctx);
  expect(summaries.map((s) => s.logs[0]?.name)).toEqual(['b', 'c']);
  expect(workers.take()).toBeUndefined();
});

// Found by a review: the runner kept every input's summary until the queue was empty (1.5 KB an input: 20,000 small
// logs held 25 MiB more than 5,000). Each goes into the sink it is given as soon as it is done, before the next input
// starts; run-triage's sink folds it in (SummaryFold).
test('each summary goes into the sink given, before the next input starts, and the sink is returned', async () => {
  processInput.mockImplementation(async (task) => fakeSummary(task));
  const hooks = recordingHooks();
  const sink = { push: (s: Summary) => hooks.events.push(`push ${s.logs[0]?.name ?? '?'}`) };
  const returned = await runInProcess(new TaskQueue([fakeTask('a'), fakeTask('b')]), ctx, hooks, sink);
  expect(returned).toBe(sink);
  expect(hooks.events).toEqual(['start a', 'push a', 'done a -> a', 'start b', 'push b', 'done b -> b']);
});
