import type { InputTask } from './input-task.js';
import type { InputContext } from './input-context.js';
import type { Summary } from './summary-types.js';

/** Main thread → worker: analyse one top-level input. */
export interface WorkerRequest {
  task: InputTask;
  ctx: InputContext;
}

/** Worker → main thread: the input's summary (plain JSON-able data, small). */
export interface WorkerResponse {
  summary: Summary;
}
