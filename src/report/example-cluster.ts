import type { ClusterReport, InputReport } from './model-types.js';
import { vmemmapClusters } from './report-facts.js';

/**
 * The cluster whose example a report shows: the first vmemmap cluster; else the largest cluster with a complete
 * example, else the largest cluster (the earliest on ties).
 */
export function exampleCluster(input: InputReport): ClusterReport | undefined {
  const vmemmap = vmemmapClusters(input)[0];
  if (vmemmap) return vmemmap;
  const rank = (c: ClusterReport) => [c.example.corrupted === undefined ? 1 : 0, c.count] as const;
  return input.clusters.reduce<ClusterReport | undefined>((best, c) => {
    if (!best) return c;
    const [completeC, countC] = rank(c);
    const [completeB, countB] = rank(best);
    return completeC > completeB || (completeC === completeB && countC > countB) ? c : best;
  }, undefined);
}
