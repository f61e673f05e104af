import type { InputTask } from './input-task.js';
import type { Summary } from './summary-types.js';

/** Runs inputs and reports each input's summary as it finishes; stops starting new ones once aborted. */
export interface RunnerHooks {
  signal?: AbortSignal;
  onStart?: (task: InputTask) => void;
  onDone?: (task: InputTask, summary: Summary) => void;
}

export type InputRunner = (tasks: readonly InputTask[], hooks: RunnerHooks) => Promise<Summary[]>;
