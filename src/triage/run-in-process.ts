import type { InputContext } from './input-context.js';
import type { InputTask } from './input-task.js';
import type { RunnerHooks } from './runner-hooks.js';
import type { Summary } from './summary-types.js';
import { processInput } from './process-input.js';

/** Analyses the inputs one after another on this thread (jobs 0/1, and unit tests under jest). */
export async function runInProcess(tasks: readonly InputTask[], ctx: InputContext, hooks: RunnerHooks = {}): Promise<Summary[]> {
  const summaries: Summary[] = [];
  for (const task of tasks) {
    if (hooks.signal?.aborted) break;
    hooks.onStart?.(task);
    const summary = await processInput(task, ctx, hooks.signal ? { signal: hooks.signal } : {});
    // An input cut short by Ctrl-C is left out: the summary only holds inputs that finished.
    if (summary.interrupted) break;
    summaries.push(summary);
    hooks.onDone?.(task, summary);
  }
  return summaries;
}
