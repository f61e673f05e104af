import type { SplatKind } from '../parse/types.js';

/**
 * How bad a splat is, as a triager reads a log, most severe first: `crash` the kernel died or memory was really
 * accessed wrong (panic, Oops, BUG, KASAN, KFENCE); `hang` it stopped making progress or could deadlock (hung task,
 * RCU stall, soft lockup, lockdep); `warning` it went on after a WARN (UBSAN too: the kernel reports undefined
 * behaviour as a warning, `check_panic_on_warn("UBSAN")`, and no bad access happened); `other` the rest (firmware
 * asserts...).
 */
export const SEVERITY_CLASSES = ['crash', 'hang', 'warning', 'other'] as const;
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
  'hung-task', 'rcu-stall', 'soft-lockup', 'lockdep',
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

/** The most severe class of `kinds`, or undefined when there are none. */
export function worstClass(kinds: Iterable<SplatKind>): SeverityClass | undefined {
  let worst: number | undefined;
  for (const kind of kinds) worst = Math.min(worst ?? Infinity, classRank(kind));
  return worst === undefined ? undefined : SEVERITY_CLASSES[worst];
}

/** A panic or an Oops: the kernel, or the task inside it, did not go on. What a report's first words name. */
export function isPanicOrOops(kind: SplatKind): boolean {
  return kind === 'panic' || kind === 'oops';
}
