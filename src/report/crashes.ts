import type { SplatKind } from '../parse/types.js';
import { isPanicOrOops, kindRank } from '../analyze/splat-severity.js';
import type { ClusterReport, Report } from './model-types.js';
import { plural } from './report-facts.js';

const CRASH_WORDS: Partial<Record<SplatKind, readonly [string, string]>> = {
  panic: ['panic', 'panics'],
  oops: ['Oops', 'Oopses'],
};

/** `1 Oops`, `1 panic, 2 Oopses`: the panics and Oopses of the clusters, panics first; undefined when none. */
export function crashCounts(clusters: readonly ClusterReport[]): string | undefined {
  const counts = new Map<SplatKind, number>();
  for (const c of clusters) if (isPanicOrOops(c.kind)) counts.set(c.kind, (counts.get(c.kind) ?? 0) + c.count);
  const parts = [...counts]
    .sort(([a], [b]) => kindRank(a) - kindRank(b))
    .map(([kind, n]) => plural(n, CRASH_WORDS[kind]![0], CRASH_WORDS[kind]![1]));
  return parts.length === 0 ? undefined : parts.join(', ');
}

export interface CrashOf {
  source: string;
  cluster: ClusterReport;
  /** Panic and Oops clusters of all inputs. */
  clusters: number;
}

/** The panic or Oops a reader should hear of first: the most severe kind, then the first input, then the earliest line. */
export function leadCrash(report: Report): CrashOf | undefined {
  const all = report.inputs.flatMap((input, i) => input.clusters.filter((c) => isPanicOrOops(c.kind)).map((c) => ({ input, i, c })));
  const [first] = all.sort((a, b) => kindRank(a.c.kind) - kindRank(b.c.kind) || a.i - b.i || a.c.firstLine - b.c.firstLine);
  return first && { source: first.input.source, cluster: first.c, clusters: all.length };
}

/** `Kernel Oops` / `Kernel panic`: how the lead names a panic or Oops cluster's kind. */
export function crashName(kind: SplatKind): string {
  return `Kernel ${CRASH_WORDS[kind]?.[0] ?? kind}`;
}
