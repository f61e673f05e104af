import type { SplatKind } from '../parse/types.js';

/**
 * How bad a splat is for triage, most severe first: `crash` the kernel died or memory was really accessed wrong
 * (panic, Oops, BUG, KASAN, KFENCE); `hang` it stopped making progress or could deadlock (hung task, RCU stall,
 * soft lockup, lockdep); `warning` it went on after a WARN (UBSAN too: the kernel reports undefined behaviour as a
 * warning, `check_panic_on_warn("UBSAN")`, and no bad access happened); `other` the rest (firmware asserts...).
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

export function severityClass(kind: SplatKind): SeverityClass {
  return CLASS_OF_KIND[kind];
}

/** The kinds of one class, in the order CLASS_OF_KIND lists them. */
export function kindsOf(cls: SeverityClass): SplatKind[] {
  return (Object.keys(CLASS_OF_KIND) as SplatKind[]).filter((kind) => CLASS_OF_KIND[kind] === cls);
}

/** The most severe class of `kinds`, or undefined when there are none. */
export function worstClass(kinds: Iterable<SplatKind>): SeverityClass | undefined {
  let worst: number | undefined;
  for (const kind of kinds) worst = Math.min(worst ?? Infinity, severityRank(kind));
  return worst === undefined ? undefined : SEVERITY_CLASSES[worst];
}

/** 0 for the most severe class; lower ranks sort first. */
export function severityRank(kind: SplatKind): number {
  return SEVERITY_CLASSES.indexOf(severityClass(kind));
}
