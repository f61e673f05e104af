import type { SplatKind } from '../parse/types.js';
import { isPanicOrOops, kernelPanicked, kindRank } from '../analyze/splat-severity.js';
import type { ClusterReport, Report } from './model-types.js';
import { plural } from './report-facts.js';

const CRASH_WORDS: Partial<Record<SplatKind, readonly [string, string]>> = {
  panic: ['panic', 'panics'],
  oops: ['Oops', 'Oopses'],
};

/**
 * A report of another kind after which the kernel panicked (`kernelPanicked`): an Oops's `Fatal exception`, a BUG's, a
 * WARNING under panic_on_warn. Found by a review: an Oops's own panic had been left to the Oops, so a kernel that died
 * after one was headlined `1 Oops` and its lead `**Kernel Oops**`, while a BUG's or a WARNING's panic was a panic.
 */
export function panickedAfter(c: Pick<ClusterReport, 'kind' | 'panickedCount'>): boolean {
  return c.kind !== 'panic' && kernelPanicked(c);
}

/** A panic, an Oops, or a report the kernel panicked after: what a report names first. */
function isCrash(c: ClusterReport): boolean {
  return isPanicOrOops(c.kind) || kernelPanicked(c);
}

/** The panics of a cluster: all its splats for a panic cluster, else those the kernel panicked after. */
function panicsOf(c: ClusterReport): number {
  return c.kind === 'panic' ? c.count : Math.min(c.panickedCount ?? 0, c.count);
}

/**
 * `1 Oops`, `1 panic, 2 Oopses`: the panics and Oopses of the clusters, panics first; undefined when none. A panic
 * after a report of another kind (an Oops's `Fatal exception`, panic_on_warn) counts as a panic, and an Oops the
 * kernel panicked after as that panic alone.
 */
export function crashCounts(clusters: readonly ClusterReport[]): string | undefined {
  const counts = new Map<SplatKind, number>();
  const add = (kind: SplatKind, n: number) => n > 0 && counts.set(kind, (counts.get(kind) ?? 0) + n);
  for (const c of clusters) {
    add('panic', panicsOf(c));
    if (c.kind === 'oops') add('oops', c.count - panicsOf(c));
  }
  const parts = [...counts]
    .sort(([a], [b]) => kindRank(a) - kindRank(b))
    .map(([kind, n]) => plural(n, CRASH_WORDS[kind]![0], CRASH_WORDS[kind]![1]));
  return parts.length === 0 ? undefined : parts.join(', ');
}

export interface CrashOf {
  source: string;
  cluster: ClusterReport;
  /** Panic and Oops clusters of all inputs, and those the kernel panicked after. */
  clusters: number;
}

/**
 * The panic or Oops a reader should hear of first: the most severe kind (a report the kernel panicked after ranks as
 * a panic), then the first input, then the earliest line.
 */
export function leadCrash(report: Report): CrashOf | undefined {
  const all = report.inputs.flatMap((input, i) => input.clusters.filter(isCrash).map((c) => ({ input, i, c })));
  const rank = (c: ClusterReport): number => kindRank(kernelPanicked(c) ? 'panic' : c.kind);
  const [first] = all.sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i || a.c.firstLine - b.c.firstLine);
  return first && { source: first.input.source, cluster: first.c, clusters: all.length };
}

/** `Kernel Oops` / `Kernel panic`: how the lead names a panic or Oops cluster's kind. */
export function crashName(kind: SplatKind): string {
  return `Kernel ${CRASH_WORDS[kind]?.[0] ?? kind}`;
}
