import type { Summary, SummaryCluster, SummaryIssue, SummaryLog, SummaryShards, SummaryTotals } from './summary-types.js';
import { SUMMARY_SCHEMA_VERSION } from './summary-types.js';
import { mergeCluster } from './merge-cluster.js';
import { clusterClassRank, SEVERITY_CLASSES, type SeverityClass } from '../analyze/splat-severity.js';
import { checkMergeOptions, type MergeOptions } from './merge-options.js';
import { logsInSeveralWarning } from './logs-in-several.js';
import { shardingsMixedWarning } from './shardings-mixed.js';
import { checkSummaries } from './check-summary.js';
import { inFunction } from '../util/check-argument.js';
import { stopSignalsUnion } from '../util/stop-cause.js';

export function emptySummary(): Summary {
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    interrupted: false,
    totals: { inputs: 0, logs: 0, logsWithSplats: 0, bytes: 0, lines: 0, splats: 0, errors: 0, skipped: 0, notKernelLogs: 0, logsBySeverity: severityCounts() },
    clusters: [],
    logs: [],
    issues: [],
  };
}

/**
 * Combines summaries of disjoint input sets (shards, or single inputs of one run) into one. Associative and
 * commutative: any grouping or order gives the same (deep-equal) result, and merging the shards of a run equals
 * the run over everything. Sets that are not disjoint are added up all the same: `opts.onWarning` hears of the logs
 * that more than one summary holds, and of summaries of different shardings, as `vmemwarn merge` warns of them.
 */
export function mergeSummaries(summaries: readonly Summary[], opts: MergeOptions = {}): Summary {
  checkSummaries('mergeSummaries', 'summaries', summaries);
  inFunction('mergeSummaries', () => checkMergeOptions(opts));
  if (opts.onWarning !== undefined) {
    for (const warning of [logsInSeveralWarning(summaries), shardingsMixedWarning(summaries)]) {
      if (warning !== undefined) opts.onWarning(warning);
    }
  }
  const merged = emptySummary();
  const clusters = new Map<string, SummaryCluster>();
  for (const s of summaries) {
    merged.interrupted ||= s.interrupted;
    merged.totals = addTotals(merged.totals, s.totals);
    for (const c of s.clusters) {
      const seen = clusters.get(c.id);
      clusters.set(c.id, seen ? mergeCluster(seen, c) : c);
    }
    if (s.generatedAt !== undefined && (merged.generatedAt === undefined || s.generatedAt > merged.generatedAt)) {
      merged.generatedAt = s.generatedAt;
    }
    if (s.run && (!merged.run || s.run.sequence > merged.run.sequence)) merged.run = s.run;
  }
  // One sort each at the end: merging thousands of per-log summaries stays O(n log n).
  merged.clusters = [...clusters.values()].sort(compareClusters);
  merged.logs = summaries.flatMap((s) => s.logs).sort(compareLogs);
  merged.issues = summaries.flatMap((s) => s.issues).sort(compareIssues);
  // Shards stopped differently (one by a CI timeout, one by Ctrl-C) name both; a union keeps the merge associative.
  const stoppedBy = stopSignalsUnion(summaries.map((s) => s.interruptedBy));
  if (stoppedBy.length > 0) merged.interruptedBy = stoppedBy;
  const shards = mergeShards(summaries);
  if (shards) merged.shards = shards;
  return merged;
}

/**
 * The shards the summaries cover together, when each covers shards of one `--shard i/n` sharding and together not all
 * of them; undefined when they hold every shard, or any summary names none (a whole run, or a complete merge) or
 * another count. "None" absorbs, so any grouping of a merge gives the same answer.
 */
export function mergeShards(summaries: readonly Pick<Summary, 'shards'>[]): SummaryShards | undefined {
  const count = summaries[0]?.shards?.count;
  if (count === undefined || summaries.some((s) => s.shards?.count !== count)) return undefined;
  const indices = [...new Set(summaries.flatMap((s) => s.shards?.indices ?? []))].sort((a, b) => a - b);
  return indices.length === count ? undefined : { count, indices };
}

/** The shards of `shards.count` that `shards` lacks. */
export function missingShards(shards: SummaryShards): number[] {
  const have = new Set(shards.indices);
  return Array.from({ length: shards.count }, (_, i) => i + 1).filter((i) => !have.has(i));
}

/** Zero logs in every class, or one in `cls`. */
export function severityCounts(cls?: SeverityClass): Record<SeverityClass, number> {
  const counts = Object.fromEntries(SEVERITY_CLASSES.map((c) => [c, 0])) as Record<SeverityClass, number>;
  if (cls !== undefined) counts[cls] = 1;
  return counts;
}

function addTotals(a: SummaryTotals, b: SummaryTotals): SummaryTotals {
  const sum = { ...a, logsBySeverity: { ...a.logsBySeverity } };
  for (const key of Object.keys(sum) as (keyof SummaryTotals)[]) if (key !== 'logsBySeverity') sum[key] += b[key];
  for (const cls of SEVERITY_CLASSES) sum.logsBySeverity[cls] += b.logsBySeverity[cls];
  return sum;
}

/**
 * Most severe class first (splat-severity.ts: a crash, also a WARNING the kernel panicked after, before a hang
 * before a warning), then the cluster met in most
 * logs, then the most splats; the id keeps the order stable.
 */
export function compareClusters(x: SummaryCluster, y: SummaryCluster): number {
  return clusterClassRank(x) - clusterClassRank(y) || y.logs - x.logs || y.count - x.count || cmp(x.id, y.id);
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
