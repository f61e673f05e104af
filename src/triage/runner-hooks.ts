import type { InputTask } from './input-task.js';
import type { Summary } from './summary-types.js';

/** Hooks of the in-process and worker-pool runners: no new input starts once `signal` is aborted. */
export interface RunnerHooks {
  signal?: AbortSignal;
  onStart?: (task: InputTask) => void;
  onDone?: (task: InputTask, summary: Summary) => void;
}
