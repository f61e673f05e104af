import type { Summary, SummaryCluster } from './summary-types.js';

/**
 * The summary with only the clusters `keep` accepts, and each log's cluster list cut to match, so that every id a
 * log lists is found among the clusters (`--new-only`). Totals still count every splat that was read.
 */
export function keepClusters(summary: Summary, keep: (c: SummaryCluster) => boolean): Summary {
  const clusters = summary.clusters.filter(keep);
  const ids = new Set(clusters.map((c) => c.id));
  const logs = summary.logs.map((log) => ({ ...log, clusters: log.clusters.filter((c) => ids.has(c.id)) }));
  return { ...summary, clusters, logs };
}
