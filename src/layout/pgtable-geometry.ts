import type { BootFacts } from '../parse/types.js';
import { PAGE_SHIFTS, validVaBits } from './page-geometry.js';

/**
 * The page size and VA bits of the log's `pgtable:` line, when they are an arm64 geometry at all: a corrupted or
 * foreign line (`0k pages, 0-bit VAs`) is log content, not a reason to stop the analysis.
 */
export function pgtableGeometry(boot: BootFacts | undefined): { pageShift: number; vaBits: number } | undefined {
  if (!boot?.pgtable) return undefined;
  const { pageSizeKiB, vaBits } = boot.pgtable.value;
  const pageShift = PAGE_SHIFTS.find((shift) => 2 ** (shift - 10) === pageSizeKiB);
  return pageShift !== undefined && validVaBits(pageShift).includes(vaBits) ? { pageShift, vaBits } : undefined;
}
