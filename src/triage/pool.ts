import { Worker } from 'node:worker_threads';
import type { InputContext } from './input-context.js';
import type { TaskQueue } from './task-queue.js';
import type { RunnerHooks } from './runner-hooks.js';
import type { Summary } from './summary-types.js';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.js';
import { summarizeIssues } from './summarize-log.js';

/** Compiled worker entry next to this file: worker_threads cannot load TypeScript, so this runs from dist/. */
export const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * Analyses inputs on `jobs` worker threads, one top-level input per worker at a time. A worker that crashes
 * turns its input into an error and is replaced. On abort the workers are terminated and the summaries of the
 * inputs that finished are returned.
 */
export function runPool(
  queue: TaskQueue,
  ctx: InputContext,
  jobs: number,
  hooks: RunnerHooks = {},
  workerUrl: URL = WORKER_URL,
): Promise<Summary[]> {
  return new Promise((resolve) => {
    const summaries: Summary[] = [];
    const workers = new Set<Worker>();
    let running = 0;
    let finished = false;

    const finish = (): void => {
      if (finished) return;
      finished = true;
      hooks.signal?.removeEventListener('abort', finish);
      for (const w of workers) void w.terminate();
      resolve(summaries);
    };

    const dispatch = (worker: Worker): void => {
      const task = queue.take();
      if (finished || hooks.signal?.aborted || task === undefined) {
        workers.delete(worker);
        void worker.terminate();
        if (running === 0) finish();
        return;
      }
      running++;
      hooks.onStart?.(task);
      const settle = (summary: Summary, replace: boolean): void => {
        // Only our own listeners: removeAllListeners() would also drop the Worker's internal port hooks.
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (finished) return;
        running--;
        summaries.push(summary);
        hooks.onDone?.(task, summary);
        if (replace) {
          workers.delete(worker);
          dispatch(spawn());
        } else {
          dispatch(worker);
        }
      };
      const onMessage = (response: WorkerResponse): void => settle(response.summary, false);
      const crash = (reason: string): void => {
        const crashed = summarizeIssues([{ input: task.display, severity: 'error', reason: `analysis crashed: ${reason}` }]);
        crashed.totals.inputs = 1;
        settle(crashed, true);
      };
      const onError = (err: Error): void => crash(err.message);
      const onExit = (code: number): void => crash(`worker exited with code ${code}`);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: WorkerRequest = { task, ctx };
      worker.postMessage(request);
    };

    const spawn = (): Worker => {
      const worker = new Worker(workerUrl);
      workers.add(worker);
      return worker;
    };

    hooks.signal?.addEventListener('abort', finish, { once: true });
    if (queue.remaining === 0 || hooks.signal?.aborted) return finish();
    const count = Math.max(1, Math.min(jobs, queue.remaining));
    for (let i = 0; i < count; i++) dispatch(spawn());
  });
}
