import type { SplatKind } from '../parse/types.js';

/**
 * Splat kinds from the most to the least severe, as a triager reads a log: the kernel died (panic) or a task died in
 * the kernel (Oops); memory corruption caught in the act; a BUG report; the machine stopped making progress; a lock
 * ordering problem; a WARN; anything else.
 */
export const SEVERITY_ORDER: readonly SplatKind[] = [
  'panic',
  'oops',
  'kasan',
  'kfence',
  'bug',
  'ubsan',
  'hung-task',
  'rcu-stall',
  'soft-lockup',
  'lockdep',
  'warning',
  'other',
];

/** 0 for the most severe kind; a lower rank sorts first. */
export function severityRank(kind: SplatKind): number {
  return SEVERITY_ORDER.indexOf(kind);
}

/** A panic or an Oops: the kernel, or the task inside it, did not go on. */
export function isCrash(kind: SplatKind): boolean {
  return kind === 'panic' || kind === 'oops';
}
