import type { InputContext } from './input-context.js';
import type { TaskQueue } from './task-queue.js';
import type { RunnerHooks } from './runner-hooks.js';
import type { Summary } from './summary-types.js';
import { processInput } from './process-input.js';
import { mergeSummaries } from './merge.js';
import { interruptedIssue, summarizeIssues } from './summarize-log.js';

/** Analyses queued inputs one after another on this thread (alone for jobs 0/1, beside the workers otherwise). */
export async function runInProcess(queue: TaskQueue, ctx: InputContext, hooks: RunnerHooks = {}): Promise<Summary[]> {
  const summaries: Summary[] = [];
  for (let task = queue.take(); task !== undefined; task = queue.take()) {
    if (hooks.signal?.aborted) break;
    hooks.onStart?.(task);
    const summary = await processInput(task, ctx, hooks.signal ? { signal: hooks.signal } : {});
    if (summary.interrupted) {
      // Cut short by Ctrl-C: the archive members it finished stay, the rest of it is named as not read.
      summaries.push(mergeSummaries([summary, summarizeIssues([interruptedIssue(task.display)])]));
      break;
    }
    summaries.push(summary);
    hooks.onDone?.(task, summary);
  }
  return summaries;
}
