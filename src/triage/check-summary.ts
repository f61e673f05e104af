import { checkArgument, checkArrayOf, hasArray, isObject } from '../util/check-argument.js';

/** A summary as runTriage, mergeSummaries or parseSummary gives it: its totals, clusters, logs and issues. */
function isSummary(value: unknown): boolean {
  return hasArray(value, 'clusters') && hasArray(value, 'logs') && hasArray(value, 'issues') && isObject((value as { totals: unknown }).totals);
}

const SUMMARY_FROM = 'a summary (from runTriage, mergeSummaries or parseSummary)';

/** `fn`'s argument `arg` must be a triage summary, else a UsageError naming both. */
export function checkSummary(fn: string, arg: string, value: unknown): void {
  checkArgument(isSummary(value), fn, arg, SUMMARY_FROM, value);
}

/** `fn`'s argument `arg` must be an array of triage summaries, else a UsageError naming the first that is none. */
export function checkSummaries(fn: string, arg: string, value: unknown): void {
  checkArrayOf(isSummary, fn, arg, value, 'an array of summaries', SUMMARY_FROM);
}
