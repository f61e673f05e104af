import { parentPort } from 'node:worker_threads';
import { processInput } from './process-input.js';
import { turnOfEventLoop } from '../util/turn-of-event-loop.js';
import { releaseBlockedFifos } from '../ingest/blocked-fifos.js';
import { TaskQueue } from './task-queue.js';
import type { WorkerEvent, WorkerRun, WorkerStop } from './worker-protocol.js';
import { capYoungGeneration } from '../util/heap-policy.js';

// Worker-thread entry (loaded from dist/ by the pool): takes inputs from the shared queue until it is empty.
const port = parentPort;
if (port) {
  const post = (event: WorkerEvent): void => port.postMessage(event);
  const stop = new AbortController();
  port.once('message', (run: WorkerRun) => {
    port.on('message', (message: WorkerStop) => {
      if (message.kind === 'stop') stop.abort();
    });
    void drain(run, post, stop.signal);
  });
}

async function drain(run: WorkerRun, post: (event: WorkerEvent) => void, signal: AbortSignal): Promise<void> {
  // Each isolate watches its own young generation; the flag that stops the growth is process-wide.
  if (run.ctx.youngGenerationCapBytes !== undefined) capYoungGeneration(undefined, run.ctx.youngGenerationCapBytes);
  const queue = new TaskQueue(run.tasks, run.queue);
  const claims = new Int32Array(run.claims);
  post({ kind: 'ready' });
  for (;;) {
    // A turn of the event loop before each input, for a 'stop' message to be seen (run-in-process.ts does the same).
    await turnOfEventLoop();
    if (signal.aborted) break;
    const next = queue.takeIndexed();
    if (next === undefined) break;
    // The claim tells the pool which input a crash belongs to.
    Atomics.store(claims, run.slot, next.index + 1);
    post({ kind: 'start', index: next.index });
    const summary = await processInput(next.task, run.ctx, { signal });
    // A read of a FIFO whose writer is idle still waits in a pool thread, and would hold the process' exit up: this
    // isolate's FIFOs are released by this isolate (the main thread's list does not hold them).
    if (signal.aborted) releaseBlockedFifos();
    post({ kind: 'done', index: next.index, summary });
    Atomics.store(claims, run.slot, 0);
  }
  post({ kind: 'drained' });
}
