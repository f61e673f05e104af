import { Worker } from 'node:worker_threads';
import type { PartOutcome, PartRunner } from './part-job.js';

export type PartMessage = { kind: 'bytes'; bytes: number } | { kind: 'done'; outcome: PartOutcome };

const WORKER_URL = new URL('./part-worker.js', import.meta.url);

/**
 * Runs each part in a worker thread of its own. A worker that cannot start or dies gives a failed outcome (the
 * caller then reads the file in one piece), never an exception.
 */
export const workerPartRunner: PartRunner = {
  run(job, onBytes) {
    let worker: Worker | undefined;
    const outcome = new Promise<PartOutcome>((resolve) => {
      const fail = (reason: string): void => resolve({ ok: false, reason });
      try {
        worker = new Worker(WORKER_URL);
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
        return;
      }
      let done: PartOutcome | undefined;
      worker.on('message', (message: PartMessage) => {
        if (message.kind === 'bytes') onBytes(message.bytes);
        else {
          done = message.outcome;
          void worker?.terminate();
        }
      });
      worker.on('error', (error) => fail(error.message));
      // Resolved once the thread is gone, so that its heap is freed before the report is built (peak RSS).
      worker.on('exit', (code) => (done !== undefined ? resolve(done) : fail(`worker exited with code ${code}`)));
      worker.postMessage(job);
    });
    return { outcome, cancel: () => void worker?.terminate() };
  },
};
