import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';
import type { AnalysisResult, Cluster, VmemmapFinding } from '../../src/analyze/types.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/logs/', import.meta.url));

export function analyzeSample(file: string): Promise<AnalysisResult> {
  return analyzeFile(`${SAMPLES_DIR}${file}`);
}

/** The one vmemmap finding of the cluster whose title is `title`. */
export function findingOf(r: AnalysisResult, title: string): VmemmapFinding {
  const cluster: Cluster | undefined = r.clusters.find((c) => c.title === title);
  if (!cluster) throw new Error(`no cluster "${title}" in ${r.clusters.map((c) => c.title).join(', ')}`);
  expect(cluster.vmemmap).toHaveLength(1);
  return cluster.vmemmap[0]!;
}
