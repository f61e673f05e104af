import type { ClusterHistory, SummaryCluster, SummaryVmemmap } from './summary-types.js';
import { joinHexRanges } from './hex-range.js';
import { sortedUnion } from './sorted-union.js';
import { earliestWallTime, latestWallTime } from './wall-time-order.js';

export const MAX_LISTED_VALUES = 16;

/** Merges two summaries' entries for the same cluster id. Every rule is associative and commutative. */
export function mergeCluster(a: SummaryCluster, b: SummaryCluster): SummaryCluster {
  // Descriptive fields come from the side holding the smallest example log, so the choice is order-free.
  const lead = compareLead(a, b) <= 0 ? a : b;
  const merged: SummaryCluster = {
    id: a.id,
    kind: lead.kind,
    title: lead.title,
    signature: lead.signature,
    count: a.count + b.count,
    logs: a.logs + b.logs,
    releases: sortedUnion(a.releases, b.releases, MAX_LISTED_VALUES),
    hardware: sortedUnion(a.hardware, b.hardware, MAX_LISTED_VALUES),
    exampleLog: lead.exampleLog,
    known: a.known || b.known,
    failOn: sortedUnion(a.failOn, b.failOn),
    ...(a.panickedCount !== undefined || b.panickedCount !== undefined ? { panickedCount: (a.panickedCount ?? 0) + (b.panickedCount ?? 0) } : {}),
    vmemmap: mergeVmemmapLists(a.vmemmap, b.vmemmap),
  };
  const firstSeen = earliestWallTime(a.firstSeen, b.firstSeen);
  const lastSeen = latestWallTime(a.lastSeen, b.lastSeen);
  if (firstSeen !== undefined) merged.firstSeen = firstSeen;
  if (lastSeen !== undefined) merged.lastSeen = lastSeen;
  const history = mergeHistory(a.history, b.history);
  if (history) merged.history = history;
  return merged;
}

function compareLead(a: SummaryCluster, b: SummaryCluster): number {
  if (a.exampleLog !== b.exampleLog) return a.exampleLog < b.exampleLog ? -1 : 1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

/** New only when no side has seen it before; run range joined. */
function mergeHistory(a: ClusterHistory | undefined, b: ClusterHistory | undefined): ClusterHistory | undefined {
  if (!a || !b) return a ?? b;
  const merged: ClusterHistory = {
    firstRun: Math.min(a.firstRun, b.firstRun),
    lastRun: Math.max(a.lastRun, b.lastRun),
    isNew: a.isNew && b.isNew,
  };
  const firstSeen = earliestWallTime(a.firstSeen, b.firstSeen);
  const lastSeen = latestWallTime(a.lastSeen, b.lastSeen);
  if (firstSeen !== undefined) merged.firstSeen = firstSeen;
  if (lastSeen !== undefined) merged.lastSeen = lastSeen;
  return merged;
}

/** One entry per operation and layout, in that order. */
export function mergeVmemmapLists(a: readonly SummaryVmemmap[], b: readonly SummaryVmemmap[]): SummaryVmemmap[] {
  const byKey = new Map<string, SummaryVmemmap>();
  for (const v of [...a, ...b]) {
    const key = vmemmapKey(v);
    const seen = byKey.get(key);
    byKey.set(key, seen ? mergeVmemmap(seen, v) : v);
  }
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, v]) => v);
}

const vmemmapKey = (v: SummaryVmemmap): string => `${v.op}\0${v.layout ?? ''}\0${v.driver ?? ''}`;

function mergeVmemmap(a: SummaryVmemmap, b: SummaryVmemmap): SummaryVmemmap {
  const merged: SummaryVmemmap = {
    op: a.op,
    ...(a.layout !== undefined && { layout: a.layout }),
    ...(a.driver !== undefined && { driver: a.driver }),
    logs: a.logs + b.logs,
    splatCount: a.splatCount + b.splatCount,
    readCount: a.readCount + b.readCount,
    positions: sortedUnion(a.positions, b.positions),
  };
  const pageHull = joinHexRanges(a.pageHull, b.pageHull);
  const pfnHull = joinHexRanges(a.pfnHull, b.pfnHull);
  const physHull = joinHexRanges(a.physHull, b.physHull);
  if (pageHull) merged.pageHull = pageHull;
  if (pfnHull) merged.pfnHull = pfnHull;
  if (physHull) merged.physHull = physHull;
  return merged;
}
