import type { FailOn } from '../cli/fail-on.js';
import type { Summary, SummaryCluster, SummaryLog } from './summary-types.js';

/** The clusters of a log that make it fail under `failOn` (known clusters never do). */
export function failingClusters(summary: Summary, log: SummaryLog, failOn: FailOn): SummaryCluster[] {
  const byId = new Map(summary.clusters.map((c) => [c.id, c]));
  return log.clusters
    .map((lc) => byId.get(lc.id))
    .filter((c): c is SummaryCluster => c !== undefined && !c.known && c.failOn.includes(failOn));
}

export function anyLogFails(summary: Summary, failOn: FailOn | undefined): boolean {
  return failOn !== undefined && summary.logs.some((log) => failingClusters(summary, log, failOn).length > 0);
}
