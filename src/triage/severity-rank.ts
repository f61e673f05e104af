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

/** 0 for the most severe class; lower ranks sort first. */
export function severityRank(kind: SplatKind): number {
  return SEVERITY_CLASSES.indexOf(severityClass(kind));
}
