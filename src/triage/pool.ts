import { Worker } from 'node:worker_threads';
import type { InputContext } from './input-context.js';
import type { TaskQueue } from './task-queue.js';
import type { RunnerHooks } from './runner-hooks.js';
import type { Summary } from './summary-types.js';
import type { SummarySink } from './merge.js';
import type { WorkerEvent, WorkerRun, WorkerStop } from './worker-protocol.js';
import { summarizeInterrupted, summarizeIssues } from './summarize-log.js';
import { stopSignalOf } from '../util/stop-cause.js';

/** How long a worker may take to hand over what it read once Ctrl-C asked it to stop. */
const STOP_GRACE_MS = 1000;

/** Compiled worker entry next to this file: worker_threads cannot load TypeScript, so this runs from dist/. */
const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * Analyses inputs on `jobs` worker threads, each taking inputs from the shared queue until it is empty. A worker
 * that crashes on an input turns that input into an error and is replaced; one that crashes before taking any
 * input is not, and what it left stays in the queue for the caller (run-triage's runner on this thread). On
 * abort the workers are terminated and the summaries of the inputs that finished are kept. Each summary is put
 * `into` the sink as it arrives (run-triage folds them: SummaryFold), which is returned.
 */
export function runPool<S extends SummarySink = Summary[]>(
  queue: TaskQueue,
  ctx: InputContext,
  jobs: number,
  hooks: RunnerHooks = {},
  workerUrl: URL = WORKER_URL,
  into: S = [] as SummarySink as S,
): Promise<S> {
  return new Promise((resolve, reject) => {
    const summaries = into;
    const live = new Set<Worker>();
    const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * Math.max(1, jobs)));
    let finished = false;

    // Inputs a worker started and has not finished: named as not read when Ctrl-C stops the workers.
    const inFlight = new Map<number, string>();
    let stopping: NodeJS.Timeout | undefined;
    const ready = new Set<Worker>();
    const finish = (failure?: unknown): void => {
      if (finished) return;
      finished = true;
      clearTimeout(stopping);
      hooks.signal?.removeEventListener('abort', onAbort);
      for (const w of live) void w.terminate();
      if (failure === undefined) resolve(summaries);
      else reject(failure instanceof Error ? failure : new Error(String(failure)));
    };
    // Ctrl-C: each worker finishes its input as interrupted (keeping the archive members it read) and takes no other;
    // one that has not drained in STOP_GRACE_MS is terminated, its input named as not read.
    const onAbort = (): void => {
      if (finished || stopping !== undefined) return;
      // An input claimed whose 'start' is still on its way is in flight too.
      for (let slot = 0; slot < claims.length; slot++) {
        const index = Atomics.load(claims, slot) - 1;
        const task = queue.tasks[index];
        if (task) inFlight.set(index, task.display);
      }
      if (live.size === 0) return finish();
      // A loaded worker answers with its input's summary (if it had one) and then 'drained': the pool ends when all
      // have, so that an input a worker took just before the stop reached it is not lost. One still loading holds no
      // input and would only make Ctrl-C wait for its start: it is terminated (its exit names a claim, should one have
      // slipped in).
      for (const w of live) {
        if (ready.has(w)) w.postMessage({ kind: 'stop' } satisfies WorkerStop);
        else void w.terminate();
      }
      stopping = setTimeout(finishStopped, STOP_GRACE_MS);
    };
    // The inputs still in flight when the last worker is gone (or the grace is over) are named as not read.
    const finishStopped = (): void => {
      for (const input of inFlight.values()) summaries.push(summarizeInterrupted(input, undefined, stopSignalOf(hooks.signal)));
      inFlight.clear();
      finish();
    };
    // A hook of the caller's that throws, called from a worker's message, would be an uncaught exception that ends
    // the process: it ends the pool instead, which rejects with it.
    const callHook = (call: () => void): void => {
      try {
        call();
      } catch (err) {
        finish(err ?? new Error('a triage hook threw'));
      }
    };

    const retire = (worker: Worker): void => {
      if (!live.delete(worker)) return;
      void worker.terminate();
      if (live.size === 0) finish();
    };

    const record = (index: number, summary: Summary): void => {
      const task = queue.tasks[index];
      if (finished || task === undefined) return;
      if (summary.interrupted) {
        summaries.push(summarizeInterrupted(task.display, summary, stopSignalOf(hooks.signal)));
        return;
      }
      summaries.push(summary);
      callHook(() => hooks.onDone?.(task, summary));
    };

    const spawn = (slot: number): void => {
      // A crash recorded through a hook that threw has ended the pool: no replacement may start after that.
      if (finished) return;
      const worker = new Worker(workerUrl);
      live.add(worker);
      let crashReason: string | undefined;
      worker.on('message', (event: WorkerEvent) => {
        if (finished) return;
        if (event.kind === 'ready') {
          ready.add(worker);
        } else if (event.kind === 'start') {
          const task = queue.tasks[event.index];
          if (task) inFlight.set(event.index, task.display);
          if (task && stopping === undefined) callHook(() => hooks.onStart?.(task));
        } else if (event.kind === 'done') {
          inFlight.delete(event.index);
          record(event.index, event.summary);
        } else {
          retire(worker);
        }
      });
      worker.on('error', (err: Error) => {
        crashReason = err.message;
      });
      // 'exit' comes after every message the worker posted has been delivered.
      worker.on('exit', (code: number) => {
        if (finished || !live.delete(worker)) return;
        const claimed = Atomics.exchange(claims, slot, 0) - 1;
        inFlight.delete(claimed);
        if (stopping !== undefined) {
          const task = queue.tasks[claimed];
          if (task) inFlight.set(claimed, task.display);
          if (live.size === 0) finishStopped();
          return;
        }
        if (claimed >= 0) record(claimed, crashed(queue.tasks[claimed]?.display ?? '?', crashReason ?? `worker exited with code ${code}`));
        if (claimed >= 0 && queue.remaining > 0 && !hooks.signal?.aborted) spawn(slot);
        else if (live.size === 0) finish();
      });
      const run: WorkerRun = { tasks: queue.tasks, ctx, queue: queue.shared, claims: claims.buffer as SharedArrayBuffer, slot };
      worker.postMessage(run);
    };

    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    if (queue.remaining === 0 || hooks.signal?.aborted) return finish();
    const count = Math.max(1, Math.min(jobs, queue.remaining));
    for (let slot = 0; slot < count; slot++) spawn(slot);
  });
}

function crashed(input: string, reason: string): Summary {
  const summary = summarizeIssues([{ input, severity: 'error', reason: `analysis crashed: ${reason}` }]);
  summary.totals.inputs = 1;
  return summary;
}
