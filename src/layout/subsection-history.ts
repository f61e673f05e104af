import { releaseAtLeast } from './eras.js';
import type { Era } from './types.js';

/** The first release with sparsemem subsections (f46edbd1b151, "mm/sparsemem: Add helpers track active portions of a section at boot"). */
export const SUBSECTIONS_FIRST = { major: 5, minor: 3 } as const;

/**
 * Whether a layout's kernels have subsections (PAGES_PER_SUBSECTION, SUBSECTION_SHIFT 21 in linux/mmzone.h): by the
 * release when there is one, from 5.3; without one, `no` up to 4.6 (E0, E0b), `some` for E1 (4.7 to 5.3, of which
 * only 5.3 has them), `yes` from E2 (5.4).
 */
export function subsectionsIn(era: Era, release: string | undefined): 'yes' | 'no' | 'some' {
  const since = releaseAtLeast(release, SUBSECTIONS_FIRST);
  if (since !== undefined) return since ? 'yes' : 'no';
  if (era === 'E0' || era === 'E0b') return 'no';
  return era === 'E1' ? 'some' : 'yes';
}
