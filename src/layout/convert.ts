import type { WindowPosition } from '../analyze/types.js';
import type { LayoutConstants } from './types.js';
import { UsageError } from '../errors.js';
import { TWO_POW_63, u64 } from './u64.js';

/** pfn_to_page: `vmemmap + pfn`, in unsigned long arithmetic (wraps mod 2^64 like the kernel). */
export function pfnToPage(pfn: bigint, c: LayoutConstants, structPageSize: number): bigint {
  return u64(c.vmemmapBase + pfn * BigInt(structPageSize));
}

/** page_to_pfn: `page - vmemmap` (mod 2^64) / sizeof(struct page); `exact` is false when a remainder is left. */
export function pageToPfn(page: bigint, c: LayoutConstants, structPageSize: number): { pfn: bigint; exact: boolean } {
  // A size of 0 would be a RangeError (division by zero) that names nothing; the library takes it from callers.
  if (!Number.isInteger(structPageSize) || structPageSize <= 0) throw new UsageError(`sizeof(struct page) must be a positive whole number, not ${structPageSize}`);
  const offset = u64(page - c.vmemmapBase);
  const sp = BigInt(structPageSize);
  return { pfn: offset / sp, exact: offset % sp === 0n };
}

/** PFN_PHYS: `pfn << PAGE_SHIFT`, modulo 2^64 as phys_addr_t computes it. */
export function pfnToPhys(pfn: bigint, pageShift: number): bigint {
  return u64(pfn << BigInt(pageShift));
}

/** PHYS_PFN: `phys >> PAGE_SHIFT`. */
export function physToPfn(phys: bigint, pageShift: number): bigint {
  return u64(phys) >> BigInt(pageShift);
}

/**
 * Where one struct page address sits: inside [VMEMMAP_START, VMEMMAP_END); a user-half address (< 2^63) can only
 * be reached by wrapping past 2^64; otherwise below the window or above it (the gap between VMEMMAP_END and 2^64).
 */
export function classifyPage(page: bigint, c: LayoutConstants): WindowPosition {
  const p = u64(page);
  if (p >= c.vmemmapStart && p < c.vmemmapEnd) return 'inside';
  if (p < TWO_POW_63) return 'wraps-to-user';
  return p < c.vmemmapStart ? 'below-window' : 'above-window';
}

/** __phys_to_virt (memory.h): `(phys - PHYS_OFFSET) | PAGE_OFFSET`; only meaningful inside the linear map. */
export function physToLinearVa(phys: bigint, memstart: bigint, c: LayoutConstants): bigint {
  return u64(u64(phys - memstart) | c.pageOffset);
}
