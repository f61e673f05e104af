import type { InputContext } from './input-context.js';
import type { TaskQueue } from './task-queue.js';
import type { RunnerHooks } from './runner-hooks.js';
import type { Summary } from './summary-types.js';
import type { SummarySink } from './merge.js';
import { processInput } from './process-input.js';
import { turnOfEventLoop } from '../util/turn-of-event-loop.js';
import { summarizeInterrupted } from './summarize-log.js';
import { stopSignalOf } from '../util/stop-cause.js';

/**
 * Analyses queued inputs one after another on this thread (alone for jobs 0/1, beside the workers otherwise), each
 * input's summary put `into` the sink as it finishes (run-triage folds them: SummaryFold), which is returned.
 */
export async function runInProcess<S extends SummarySink = Summary[]>(
  queue: TaskQueue,
  ctx: InputContext,
  hooks: RunnerHooks = {},
  into: S = [] as SummarySink as S,
): Promise<S> {
  const summaries = into;
  for (;;) {
    // A small file is read in one go, without a turn of the event loop: without this one, Ctrl-C waited for the
    // whole queue. Looked at before an input is taken, so that no input is taken and dropped.
    await turnOfEventLoop();
    if (hooks.signal?.aborted) break;
    const task = queue.take();
    if (task === undefined) break;
    hooks.onStart?.(task);
    const summary = await processInput(task, ctx, hooks.signal ? { signal: hooks.signal } : {});
    if (summary.interrupted) {
      // Cut short by Ctrl-C: the archive members it finished stay, the rest of it is named as not read.
      summaries.push(summarizeInterrupted(task.display, summary, stopSignalOf(hooks.signal)));
      break;
    }
    summaries.push(summary);
    hooks.onDone?.(task, summary);
  }
  return summaries;
}
