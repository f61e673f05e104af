import type { InputContext } from './input-context.js';
import type { TaskQueue } from './task-queue.js';
import type { RunnerHooks } from './runner-hooks.js';
import type { Summary } from './summary-types.js';
import { processInput } from './process-input.js';

/** Analyses queued inputs one after another on this thread (alone for jobs 0/1, beside the workers otherwise). */
export async function runInProcess(queue: TaskQueue, ctx: InputContext, hooks: RunnerHooks = {}): Promise<Summary[]> {
  const summaries: Summary[] = [];
  for (let task = queue.take(); task !== undefined; task = queue.take()) {
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
