import type { AnalysisResult, Cluster } from '../analyze/types.js';
import { kernelPanicked } from '../analyze/splat-severity.js';

export const FAIL_ON_KINDS = ['vmemmap', 'warning', 'bug', 'panic', 'any'] as const;
/**
 * Which clusters make a run fail (exit 1, `--fail-on`): `vmemmap` those with a vmemmap finding, `warning` WARNING
 * reports (kind `warning`, or a title starting `WARNING`), `bug` every other report, `panic` those after which the
 * kernel panicked (a panic, or a report one escalated: a WARNING under panic_on_warn too), `any` all.
 */
export type FailOn = (typeof FAIL_ON_KINDS)[number];

/** Whether a cluster is of the kind `--fail-on` asks about; `bug` covers every non-WARNING report. */
export function clusterMatches(cluster: Cluster, failOn: FailOn): boolean {
  switch (failOn) {
    case 'vmemmap':
      return cluster.vmemmap.length > 0;
    case 'warning':
      return isWarning(cluster);
    case 'bug':
      return !isWarning(cluster);
    case 'panic':
      return kernelPanicked(cluster);
    case 'any':
      return true;
  }
}

// Lockdep and RCU-usage reports print `WARNING:` too; they count as warnings whatever their kind.
function isWarning(cluster: Cluster): boolean {
  return cluster.kind === 'warning' || cluster.title.startsWith('WARNING');
}

export function resultsMatch(results: readonly AnalysisResult[], failOn: FailOn | undefined): boolean {
  if (failOn === undefined) return false;
  return results.some((r) => r.clusters.some((c) => clusterMatches(c, failOn)));
}
