import type { Summary, SummaryCluster, SummaryIssue, SummaryLog, SummaryTotals } from './summary-types.js';
import { SUMMARY_SCHEMA_VERSION } from './summary-types.js';
import { mergeCluster } from './merge-cluster.js';

export function emptySummary(): Summary {
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    interrupted: false,
    totals: { inputs: 0, logs: 0, logsWithSplats: 0, bytes: 0, lines: 0, splats: 0, errors: 0, skipped: 0 },
    clusters: [],
    logs: [],
    issues: [],
  };
}

/**
 * Combines summaries of disjoint input sets (shards, or single inputs of one run) into one. Associative and
 * commutative: any grouping or order gives the same (deep-equal) result, and merging the shards of a run equals
 * the run over everything.
 */
export function mergeSummaries(summaries: readonly Summary[]): Summary {
  return summaries.reduce(mergeTwo, emptySummary());
}

function mergeTwo(a: Summary, b: Summary): Summary {
  const merged: Summary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    interrupted: a.interrupted || b.interrupted,
    totals: addTotals(a.totals, b.totals),
    clusters: mergeClusters(a.clusters, b.clusters),
    logs: [...a.logs, ...b.logs].sort(compareLogs),
    issues: [...a.issues, ...b.issues].sort(compareIssues),
  };
  const generatedAt = [a.generatedAt, b.generatedAt].filter((t) => t !== undefined).sort().at(-1);
  if (generatedAt !== undefined) merged.generatedAt = generatedAt;
  const run = [a.run, b.run].filter((r) => r !== undefined).sort((x, y) => x.sequence - y.sequence).at(-1);
  if (run) merged.run = run;
  return merged;
}

function addTotals(a: SummaryTotals, b: SummaryTotals): SummaryTotals {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof SummaryTotals)[]) sum[key] += b[key];
  return sum;
}

function mergeClusters(a: readonly SummaryCluster[], b: readonly SummaryCluster[]): SummaryCluster[] {
  const byId = new Map<string, SummaryCluster>();
  for (const c of [...a, ...b]) {
    const seen = byId.get(c.id);
    byId.set(c.id, seen ? mergeCluster(seen, c) : c);
  }
  return [...byId.values()].sort(compareClusters);
}

export function compareClusters(x: SummaryCluster, y: SummaryCluster): number {
  return y.count - x.count || cmp(x.id, y.id);
}

function compareLogs(x: SummaryLog, y: SummaryLog): number {
  return cmp(x.name, y.name) || cmp(x.input, y.input);
}

function compareIssues(x: SummaryIssue, y: SummaryIssue): number {
  return cmp(x.input, y.input) || cmp(x.severity, y.severity) || cmp(x.reason, y.reason);
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
