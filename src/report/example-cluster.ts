import type { ClusterReport, InputReport } from './model-types.js';
import { clusterClassRank, isPanicOrOops, kernelPanicked, kindRank } from '../analyze/splat-severity.js';
import { vmemmapClusters } from './report-facts.js';

/**
 * Ranks a cluster for showing its example: the most severe class (a WARNING the kernel panicked after is a crash), the
 * kernel's death, the most severe kind, then a complete example, then more splats.
 */
function exampleRank(c: ClusterReport): readonly number[] {
  return [-clusterClassRank(c), kernelPanicked(c) ? 1 : 0, -kindRank(c.kind), c.example.corrupted === undefined ? 1 : 0, c.count];
}

function outranks(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i >= 0 && a[i]! > b[i]!;
}

/** The cluster a reader should see first: the most severe, then complete, then largest (the earliest on ties). */
export function mostSevereCluster(clusters: readonly ClusterReport[]): ClusterReport | undefined {
  return clusters.reduce<ClusterReport | undefined>((best, c) => (!best || outranks(exampleRank(c), exampleRank(best)) ? c : best), undefined);
}

/**
 * The clusters whose examples a report shows: the first vmemmap cluster, and beside it the most severe cluster when
 * that is a panic or an Oops, or a report the kernel panicked after (the Oops after a WARNING storm is the splat a
 * kernel developer needs); with no vmemmap cluster, the most severe one.
 */
export function exampleClusters(input: InputReport): ClusterReport[] {
  const severe = mostSevereCluster(input.clusters);
  const vmemmap = vmemmapClusters(input)[0];
  if (!vmemmap) return severe ? [severe] : [];
  return severe && severe !== vmemmap && (isPanicOrOops(severe.kind) || kernelPanicked(severe)) ? [vmemmap, severe] : [vmemmap];
}
