import { runPart } from '../../../src/analyze/parts/run-part.js';
import type { PartRunner } from '../../../src/analyze/parts/part-job.js';

/**
 * Runs each part on this thread (jest cannot load workers from src/), its outcome passed through structuredClone
 * as postMessage would: what crosses the thread boundary is tested with it.
 */
export const inProcessRunner: PartRunner = {
  run(job, onBytes) {
    return { outcome: runPart(job, onBytes).then((outcome) => structuredClone(outcome)), cancel: () => undefined };
  },
};

/** Like inProcessRunner, but every outcome reports a failure: the caller must read the file in one piece. */
export const failingRunner: PartRunner = {
  run() {
    return { outcome: Promise.resolve({ ok: false, reason: 'worker could not start' }), cancel: () => undefined };
  },
};
