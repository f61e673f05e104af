import { compareVersions, parseRelease, releaseAtLeast, type KernelVersion } from './eras.js';

export type WarnedOp = 'populate' | 'free';

interface WarnOrigin {
  first: KernelVersion;
  commit: string;
}

/**
 * The first mainline release whose arm64 function has `WARN_ON((start < VMEMMAP_START) || (end > VMEMMAP_END))`:
 * vmemmap_free got it with memory hot-remove (bbd6ec605c0f "arm64/mm: Enable memory hot remove", accepted for 5.7);
 * vmemmap_populate with edb739eed8f3 "arm64/mm: Add warning for outside range requests in vmemmap_populate()",
 * applied to arm64 for-next/misc on 2021-01-20, after 5.11's merge window.
 */
export const WARN_ORIGIN: Record<WarnedOp, WarnOrigin> = {
  free: { first: { major: 5, minor: 7 }, commit: 'bbd6ec605c0f' },
  populate: { first: { major: 5, minor: 12 }, commit: 'edb739eed8f3' },
};

export function warnOriginText(op: WarnedOp): string {
  const { first, commit } = WARN_ORIGIN[op];
  return `${first.major}.${first.minor} (${commit})`;
}

/**
 * When `release` predates the WARN of `op` upstream, says so: the splat then comes from a backport or a vendor
 * tree, or the release read from the log is not the running kernel's. Undefined otherwise, also for a release
 * that is no version.
 */
export function warnPredatesNote(op: WarnedOp, release: string | undefined): string | undefined {
  if (releaseAtLeast(release, WARN_ORIGIN[op].first) !== false) return undefined;
  return (
    `Upstream vmemmap_${op} has this WARN_ON only from ${warnOriginText(op)}: on ${release} it comes from a ` +
    `backport or a vendor tree.`
  );
}

/**
 * Which of the two functions have the WARN_ON in `release`: both, vmemmap_free only (5.7-5.11) or neither; undefined
 * for a release that is no version.
 */
export function warnsIn(release: string): 'yes' | 'free-only' | 'no' | undefined {
  const v = parseRelease(release);
  if (v === undefined) return undefined;
  if (compareVersions(v, WARN_ORIGIN.populate.first) >= 0) return 'yes';
  return compareVersions(v, WARN_ORIGIN.free.first) >= 0 ? 'free-only' : 'no';
}
