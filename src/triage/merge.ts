import type { Summary, SummaryCluster, SummaryIssue, SummaryLog, SummaryShards, SummaryTotals } from './summary-types.js';
import { SUMMARY_SCHEMA_VERSION } from './summary-types.js';
import { clusterClassRank, SEVERITY_CLASSES, type SeverityClass } from '../analyze/splat-severity.js';
import { checkMergeOptions, type MergeOptions } from './merge-options.js';
import { logsInSeveralWarning } from './logs-in-several.js';
import { shardingsMixedWarning } from './shardings-mixed.js';
import { checkSummaries } from './check-summary.js';
import { inFunction } from '../util/check-argument.js';
import { mergeCluster } from './merge-cluster.js';
import { stopSignalsUnion, type StopSignal } from '../util/stop-cause.js';

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
  const fold = new SummaryFold();
  for (const s of summaries) fold.push(s);
  return fold.result();
}

/** Where a runner puts the summary of each input it finishes: an array, or a `SummaryFold`. */
export interface SummarySink {
  push(summary: Summary): unknown;
}

/**
 * `mergeSummaries` taken one summary at a time, holding only what the merged summary shows: totals, one entry per
 * cluster id, and a row per log and per issue (the summary lists each). Runners fold each input's summary in as it
 * finishes: kept whole until the end, each input of one small log had held 1.3–1.5 KB (a summary, its totals, its
 * clusters with their lists and hulls), where its log's row, 200 bytes, is the part that stays.
 */
export class SummaryFold implements SummarySink {
  private readonly merged = emptySummary();
  private readonly clusters = new Map<string, SummaryCluster>();
  private readonly logs: SummaryLog[] = [];
  private readonly issues: SummaryIssue[] = [];
  /** Each arch name once: a log's arch is a string of its own (a worker's copy, a boot line's), the same few names. */
  private readonly archNames = new Map<string, string>();
  private readonly stoppedBy = new Set<StopSignal>();
  private readonly shards: { shards?: SummaryShards }[] = [];
  /** A summary that named no shards: then the merge names none either (mergeShards). */
  private unsharded = false;

  push(s: Summary): void {
    const m = this.merged;
    m.interrupted ||= s.interrupted;
    m.totals = addTotals(m.totals, s.totals);
    for (const c of s.clusters) {
      const seen = this.clusters.get(c.id);
      this.clusters.set(c.id, seen ? mergeCluster(seen, c) : c);
    }
    for (const log of s.logs) this.logs.push(this.row(log));
    for (const issue of s.issues) this.issues.push(issue);
    if (s.generatedAt !== undefined && (m.generatedAt === undefined || s.generatedAt > m.generatedAt)) m.generatedAt = s.generatedAt;
    if (s.run && (!m.run || s.run.sequence > m.run.sequence)) m.run = s.run;
    for (const by of s.interruptedBy ?? []) this.stoppedBy.add(by);
    if (s.shards === undefined) this.unsharded = true;
    else if (!this.unsharded) this.shards.push({ shards: s.shards });
  }

  /** The merge of every summary pushed so far; one sort each here, so that folding thousands stays O(n log n). */
  result(): Summary {
    const merged: Summary = { ...this.merged, totals: { ...this.merged.totals, logsBySeverity: { ...this.merged.totals.logsBySeverity } } };
    merged.clusters = [...this.clusters.values()].sort(compareClusters);
    merged.logs = [...this.logs].sort(compareLogs);
    merged.issues = [...this.issues].sort(compareIssues);
    // Shards stopped differently (one by a CI timeout, one by Ctrl-C) name both; a union keeps the merge associative.
    const stoppedBy = stopSignalsUnion([[...this.stoppedBy]]);
    if (stoppedBy.length > 0) merged.interruptedBy = stoppedBy;
    const shards = this.unsharded ? undefined : mergeShards(this.shards);
    if (shards) merged.shards = shards;
    return merged;
  }

  /**
   * The log's row as the summary shows it, made of nothing else, its strings shared where they can be: each log's
   * analysis (and a worker's copy of it) has strings of its own, so a cluster's id is the one its cluster entry holds,
   * a plain file's name its input's, and its arch the first of that name. A row of one cluster holds 200 bytes (the
   * row, its cluster list and entry).
   */
  private row(log: SummaryLog): SummaryLog {
    const row: SummaryLog = {
      name: log.name === log.input ? log.input : log.name,
      input: log.input,
      bytes: log.bytes,
      lines: log.lines,
      splats: log.splats,
      arch: this.archName(log.arch),
      clusters: log.clusters.map((c) => ({ id: this.clusters.get(c.id)?.id ?? c.id, count: c.count })),
    };
    if (log.reports) row.reports = log.reports;
    return row;
  }

  private archName(arch: string): string {
    const known = this.archNames.get(arch);
    if (known !== undefined) return known;
    this.archNames.set(arch, arch);
    return arch;
  }
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
