import { parentPort } from 'node:worker_threads';
import { processInput } from './process-input.js';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.js';

// Worker-thread entry (loaded from dist/ by the pool): one request at a time, answered with the input's summary.
const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    void processInput(request.task, request.ctx).then((summary) => {
      const response: WorkerResponse = { summary };
      port.postMessage(response);
    });
  });
}
