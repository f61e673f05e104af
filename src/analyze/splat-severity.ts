import type { Splat, SplatKind } from '../parse/types.js';
import { PANIC_LINE } from '../parse/panic-line.js';

/**
 * How bad a splat is, as a triager reads a log, most severe first: `crash` the kernel died or memory was really
 * accessed wrong (panic, Oops, BUG, KASAN, KFENCE); `hang` it stopped making progress or could deadlock (hung task,
 * RCU stall, soft or hard lockup, lockdep); `warning` it went on after a WARN (UBSAN too: the kernel reports undefined
 * behaviour as a warning, `check_panic_on_warn("UBSAN")`, and no bad access happened); `other` the rest (firmware
 * asserts...).
 */
export const SEVERITY_CLASSES = ['crash', 'hang', 'warning', 'other'] as const;
/** A splat's severity class, as SEVERITY_CLASSES lists them (a summary's `totals.logsBySeverity` counts logs by it). */
export type SeverityClass = (typeof SEVERITY_CLASSES)[number];

const CLASS_OF_KIND: Readonly<Record<SplatKind, SeverityClass>> = {
  panic: 'crash',
  oops: 'crash',
  bug: 'crash',
  kasan: 'crash',
  kfence: 'crash',
  'hung-task': 'hang',
  'rcu-stall': 'hang',
  'soft-lockup': 'hang',
  'hard-lockup': 'hang',
  lockdep: 'hang',
  warning: 'warning',
  ubsan: 'warning',
  other: 'other',
};

/**
 * Every kind, most severe first: by class, and within one the kernel dying (panic, Oops) before memory caught being
 * misused (KASAN, KFENCE) before a BUG report that went on, a task blocked before a lock-order report, a WARN before
 * UBSAN. What picks the one example a report shows.
 */
export const SEVERITY_ORDER: readonly SplatKind[] = [
  'panic', 'oops', 'kasan', 'kfence', 'bug',
  'hung-task', 'rcu-stall', 'soft-lockup', 'hard-lockup', 'lockdep',
  'warning', 'ubsan',
  'other',
];

export function severityClass(kind: SplatKind): SeverityClass {
  return CLASS_OF_KIND[kind];
}

/** 0 for the most severe class; kinds of one class rank alike. Lower ranks sort first. */
export function classRank(kind: SplatKind): number {
  return SEVERITY_CLASSES.indexOf(severityClass(kind));
}

/** 0 for the most severe kind (SEVERITY_ORDER). Lower ranks sort first. */
export function kindRank(kind: SplatKind): number {
  return SEVERITY_ORDER.indexOf(kind);
}

/** The kinds of one class, in the order CLASS_OF_KIND lists them. */
export function kindsOf(cls: SeverityClass): SplatKind[] {
  return (Object.keys(CLASS_OF_KIND) as SplatKind[]).filter((kind) => CLASS_OF_KIND[kind] === cls);
}

/** The most severe class of `clusters` (`clusterClass`), or undefined when there are none. */
export function worstClass(clusters: Iterable<ClusterSeverity>): SeverityClass | undefined {
  let worst: number | undefined;
  for (const cluster of clusters) worst = Math.min(worst ?? Infinity, clusterClassRank(cluster));
  return worst === undefined ? undefined : SEVERITY_CLASSES[worst];
}

/** A panic or an Oops: the kernel, or the task inside it, did not go on. What a report's first words name. */
export function isPanicOrOops(kind: SplatKind): boolean {
  return kind === 'panic' || kind === 'oops';
}

/**
 * The kernel died in this report: it is a panic, or a `Kernel panic - not syncing` escalated it (a WARNING under
 * panic_on_warn, an Oops's `Fatal exception`, a stack overflow). An Oops alone may have killed only its task.
 */
export function endedInPanic(splat: Pick<Splat, 'kind' | 'escalations'>): boolean {
  return splat.kind === 'panic' || (splat.escalations?.some((line) => line.includes(PANIC_LINE)) ?? false);
}

/** What a cluster's severity depends on: its kind, and whether the kernel panicked after its splats. */
export interface ClusterSeverity {
  kind: SplatKind;
  panickedCount?: number;
}

/** The kernel panicked after a splat of the cluster (its `panickedCount`, which is absent when none did). */
export function kernelPanicked(cluster: Pick<ClusterSeverity, 'panickedCount'>): boolean {
  return (cluster.panickedCount ?? 0) > 0;
}

/** A cluster's severity class, counting the kernel's death: a WARNING that panic_on_warn turned into a panic is a crash. */
export function clusterClass(cluster: ClusterSeverity): SeverityClass {
  return kernelPanicked(cluster) ? 'crash' : severityClass(cluster.kind);
}

/** 0 for the most severe class (`clusterClass`). Lower ranks sort first. */
export function clusterClassRank(cluster: ClusterSeverity): number {
  return SEVERITY_CLASSES.indexOf(clusterClass(cluster));
}
