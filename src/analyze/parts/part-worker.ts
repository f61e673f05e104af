import { parentPort } from 'node:worker_threads';
import { capYoungGeneration } from '../../util/heap-policy.js';
import type { PartJob } from './part-job.js';
import type { PartMessage } from './worker-part-runner.js';
import { runPart } from './run-part.js';

// Worker-thread entry (loaded from dist/ by worker-part-runner.ts): analyzes one part of a file.
const port = parentPort;
if (port) {
  const post = (message: PartMessage): void => port.postMessage(message);
  port.once('message', (job: PartJob) => {
    if (job.youngGenerationCapBytes !== undefined) capYoungGeneration(undefined, job.youngGenerationCapBytes);
    void runPart(job, (bytes) => post({ kind: 'bytes', bytes })).then((outcome) => post({ kind: 'done', outcome }));
  });
}
