import { parentPort } from 'node:worker_threads';
import { capYoungGeneration } from '../../util/heap-policy.js';
import type { PartJob } from './part-job.js';
import type { PartMessage } from './worker-part-runner.js';
import { runPart } from './run-part.js';

/** How often a worker reports progress: a message per 64 KiB read would be thousands a second. */
const PROGRESS_BYTES = 16 * 1024 * 1024;

// Worker-thread entry (loaded from dist/ by worker-part-runner.ts): analyzes one part of a file.
const port = parentPort;
if (port) {
  const post = (message: PartMessage): void => port.postMessage(message);
  port.once('message', (job: PartJob) => {
    if (job.youngGenerationCapBytes !== undefined) capYoungGeneration(undefined, job.youngGenerationCapBytes);
    let posted = 0;
    const onBytes = (bytes: number): void => {
      if (bytes - posted < PROGRESS_BYTES) return;
      posted = bytes;
      post({ kind: 'bytes', bytes });
    };
    void runPart(job, onBytes).then((outcome) => {
      if (outcome.ok) post({ kind: 'bytes', bytes: outcome.bytes });
      post({ kind: 'done', outcome });
    });
  });
}
