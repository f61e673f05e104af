import { parentPort } from 'node:worker_threads';
import { processInput } from './process-input.js';
import { TaskQueue } from './task-queue.js';
import type { WorkerEvent, WorkerRun } from './worker-protocol.js';
import { capYoungGeneration } from '../util/heap-policy.js';

// Worker-thread entry (loaded from dist/ by the pool): takes inputs from the shared queue until it is empty.
const port = parentPort;
if (port) {
  const post = (event: WorkerEvent): void => port.postMessage(event);
  port.once('message', (run: WorkerRun) => {
    void drain(run, post);
  });
}

async function drain(run: WorkerRun, post: (event: WorkerEvent) => void): Promise<void> {
  // Each isolate watches its own young generation; the flag that stops the growth is process-wide.
  if (run.ctx.youngGenerationCapBytes !== undefined) capYoungGeneration(undefined, run.ctx.youngGenerationCapBytes);
  const queue = new TaskQueue(run.tasks, run.queue);
  const claims = new Int32Array(run.claims);
  for (let next = queue.takeIndexed(); next !== undefined; next = queue.takeIndexed()) {
    // The claim tells the pool which input a crash belongs to.
    Atomics.store(claims, run.slot, next.index + 1);
    post({ kind: 'start', index: next.index });
    const summary = await processInput(next.task, run.ctx);
    post({ kind: 'done', index: next.index, summary });
    Atomics.store(claims, run.slot, 0);
  }
  post({ kind: 'drained' });
}
