import type { InputTask } from './input-task.js';
import type { InputContext } from './input-context.js';
import type { Summary } from './summary-types.js';

/** Main thread → worker, once: take inputs from the shared queue until it is empty. */
export interface WorkerRun {
  tasks: readonly InputTask[];
  ctx: InputContext;
  /** TaskQueue.shared of the main thread's queue. */
  queue: SharedArrayBuffer;
  /** One Int32 per worker slot: 1 + the index of the input the worker is on, 0 between inputs. */
  claims: SharedArrayBuffer;
  slot: number;
}

/** Worker → main thread. */
export type WorkerEvent =
  /** Loaded, before the first input is taken: from now on it answers a stop. */
  | { kind: 'ready' }
  | { kind: 'start'; index: number }
  | { kind: 'done'; index: number; summary: Summary }
  | { kind: 'drained' };

/** Main thread → worker, after the run: Ctrl-C; finish the input at hand as interrupted and take no other. */
export interface WorkerStop {
  kind: 'stop';
}
