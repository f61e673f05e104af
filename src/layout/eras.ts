import type { Era } from './types.js';
import { checkArgument } from '../util/check-argument.js';

/** A release's major and minor numbers (`6.1.0-rc1` → 6, 1): all the layout model reads of a release. */
export interface KernelVersion {
  major: number;
  minor: number;
}

export interface EraInfo {
  era: Era;
  /** First upstream release with this layout. */
  first: KernelVersion;
  summary: string;
}

/** arm64 vmemmap layout eras, oldest first; a release belongs to the last era whose `first` it reaches. */
export const ERAS: readonly EraInfo[] = [
  { era: 'E0', first: { major: 0, minor: 0 }, summary: 'vmemmap below PAGE_OFFSET, indexed by absolute pfn (<= 4.4)' },
  // dfd55ad85e4a "use virtual projection of linear region" (Feb 2016, Cc stable): 4.5 is an assumption. 4.6 has it
  // too: 3e1907d5bf5a was posted (v2, 30 March 2016) after 4.6-rc1 and came with 4.7; a fix of it says "kernels as
  // old as linux-4.7".
  { era: 'E0b', first: { major: 4, minor: 5 }, summary: 'vmemmap projection of the linear region (dfd55ad85e4a)' },
  { era: 'E1', first: { major: 4, minor: 7 }, summary: 'vmemmap right below the linear region (3e1907d5bf5a)' },
  { era: 'E2', first: { major: 5, minor: 4 }, summary: 'flipped kernel VA space, VMEMMAP_START = -SIZE - 2M' },
  { era: 'E3', first: { major: 5, minor: 11 }, summary: 'vmemmap projection, VMEMMAP_START = -2^(VA_BITS - VMEMMAP_SHIFT) (8c96400d6a39)' },
  { era: 'E4', first: { major: 6, minor: 9 }, summary: 'VMEMMAP_END = -1G, size from sizeof(struct page) (32697ff38287)' },
];

/** The eras' names, oldest first: what a user may give as an era. */
export const ERA_NAMES: readonly Era[] = ERAS.map((e) => e.era);

/** `6.1.0-rc1`, `4.4.38-tegra`, `v5.15.0-1019-nvidia`, `6.10-rc3-next-20240611` → major/minor. */
export function parseRelease(release: string): KernelVersion | undefined {
  checkArgument(typeof release === 'string', 'parseRelease', 'release', 'a string (6.1.0-rc1)', release);
  const m = /^v?(\d+)\.(\d+)/.exec(release.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

export function compareVersions(a: KernelVersion, b: KernelVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/** Whether `release` is `first` or later; undefined when there is no release or it is no version (`foo`). */
export function releaseAtLeast(release: string | undefined, first: KernelVersion): boolean | undefined {
  const v = release === undefined ? undefined : parseRelease(release);
  return v === undefined ? undefined : compareVersions(v, first) >= 0;
}

function eraForVersion(v: KernelVersion): Era {
  let found: Era = 'E0';
  for (const info of ERAS) if (compareVersions(v, info.first) >= 0) found = info.era;
  return found;
}

/** The layout era (E0…E4) a kernel release falls in, from its major.minor; undefined when the text is no release. */
export function eraForRelease(release: string): Era | undefined {
  checkArgument(typeof release === 'string', 'eraForRelease', 'release', 'a string (6.1.0-rc1)', release);
  const v = parseRelease(release);
  return v ? eraForVersion(v) : undefined;
}

export function eraInfo(era: Era): EraInfo {
  const info = ERAS.find((e) => e.era === era);
  if (!info) throw new Error(`unknown era ${era}`);
  return info;
}

/** The era's position in ERAS, for ordering comparisons such as "E2 or later". */
export function eraIndex(era: Era): number {
  return ERAS.findIndex((e) => e.era === era);
}
