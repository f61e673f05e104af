import { layoutLabel } from '../layout/layout-label.js';
import type { AnalysisResult, Cluster, VmemmapFinding } from '../analyze/types.js';
import { FAIL_ON_KINDS, clusterMatches } from '../cli/fail-on.js';
import type { Summary, SummaryCluster, SummaryIssue, SummaryVmemmap } from './summary-types.js';
import { compareClusters, emptySummary, mergeSummaries, severityCounts } from './merge.js';
import { worstClass } from '../analyze/splat-severity.js';
import { toHexRange } from './hex-range.js';
import { mergeVmemmapLists, MAX_LISTED_VALUES } from './merge-cluster.js';
import { interruptedWords, type StopSignal } from '../util/stop-cause.js';

export interface LogContext {
  /** The top-level input the log came from. */
  input: string;
  /** File modification time (ISO-8601), used for first/last seen only when the log has no wall time. */
  fileTime?: string;
  reports?: { json: string; markdown: string };
}

/** The summary of a run over exactly one log. */
export function summarizeLog(result: AnalysisResult, ctx: LogContext): Summary {
  const summary = emptySummary();
  // The analyzer's count: past its cluster cap a splat is counted there but in no cluster.
  const splats = result.stats.splats;
  summary.totals = { ...summary.totals, logs: 1, logsWithSplats: splats > 0 ? 1 : 0, bytes: result.stats.bytes,
    lines: result.stats.lines, splats, logsBySeverity: severityCounts(worstClass(result.clusters)) };
  summary.clusters = result.clusters.map((c) => summarizeCluster(c, result.source, ctx)).sort(compareClusters);
  summary.logs = [{
    name: result.source,
    input: ctx.input,
    bytes: result.stats.bytes,
    lines: result.stats.lines,
    splats,
    arch: result.arch,
    clusters: result.clusters.map((c) => ({ id: c.id, count: c.count })).sort((x, y) => (x.id < y.id ? -1 : 1)),
    ...(ctx.reports ? { reports: ctx.reports } : {}),
  }];
  return summary;
}

/**
 * An input that a stop (Ctrl-C) cut short, named as not read to the end, counted once and marked interrupted;
 * `finished`: what of it had been read (the archive members it finished), kept; `by`: the stop signal, when one.
 */
export function summarizeInterrupted(input: string, finished?: Summary, by?: StopSignal): Summary {
  // A log cut short is left out whole; an archive keeps the members it finished.
  const rest = (finished?.logs.length ?? 0) > 0 ? 'the members read in full are in the summary, the rest is not' : 'it is not in the summary';
  // A SIGTERM (a CI timeout) had been called Ctrl-C.
  const stop = interruptedWords(by === undefined ? undefined : [by]);
  const named = summarizeIssues([{ input, severity: 'skipped', reason: `${stop} before it was read to the end: ${rest}` }]);
  if (finished) return mergeSummaries([finished, named]);
  named.totals.inputs = 1;
  named.interrupted = true;
  return named;
}

/** The summary of a run that met only problems (unreadable input, skipped members...). */
export function summarizeIssues(issues: readonly SummaryIssue[]): Summary {
  const summary = emptySummary();
  summary.issues = [...issues];
  summary.totals = { ...summary.totals,
    errors: issues.filter((i) => i.severity === 'error').length,
    skipped: issues.filter((i) => i.severity === 'skipped').length };
  return summary;
}

function summarizeCluster(c: Cluster, logName: string, ctx: LogContext): SummaryCluster {
  const cluster: SummaryCluster = {
    id: c.id,
    kind: c.kind,
    title: c.title,
    signature: c.signature,
    count: c.count,
    logs: 1,
    releases: [...c.releases].sort().slice(0, MAX_LISTED_VALUES),
    hardware: [...c.hardware].sort().slice(0, MAX_LISTED_VALUES),
    exampleLog: logName,
    known: false,
    failOn: FAIL_ON_KINDS.filter((k) => clusterMatches(c, k)).sort(),
    ...(c.panickedCount !== undefined && { panickedCount: c.panickedCount }),
    vmemmap: mergeVmemmapLists([], c.vmemmap.map(summarizeVmemmap)),
  };
  const firstSeen = c.firstWallTime ?? ctx.fileTime;
  const lastSeen = c.lastWallTime ?? ctx.fileTime;
  if (firstSeen !== undefined) cluster.firstSeen = firstSeen;
  if (lastSeen !== undefined) cluster.lastSeen = lastSeen;
  return cluster;
}

function summarizeVmemmap(f: VmemmapFinding): SummaryVmemmap {
  const v: SummaryVmemmap = {
    op: f.op,
    // What a finding's addresses mean depends on its layout.
    ...(f.layout && { layout: layoutLabel(f.layout) }),
    ...(f.driver !== undefined && { driver: f.driver }),
    logs: 1,
    splatCount: f.splatCount,
    readCount: f.readCount,
    positions: f.position ? [f.position] : [],
  };
  const pageHull = toHexRange(f.pageHull);
  const pfnHull = toHexRange(f.pfnHull);
  const physHull = toHexRange(f.physHull);
  if (pageHull) v.pageHull = pageHull;
  if (pfnHull) v.pfnHull = pfnHull;
  if (physHull) v.physHull = physHull;
  return v;
}
