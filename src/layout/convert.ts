import type { WindowPosition } from '../analyze/types.js';
import type { Era, LayoutConstants } from './types.js';
import { TWO_POW_63, u64 } from './u64.js';
import { checkBigint, checkConstants } from './check-layout.js';
import { checkArgument } from '../util/check-argument.js';

/** pfn_to_page: `vmemmap + pfn`, in unsigned long arithmetic (wraps mod 2^64 like the kernel). */
export function pfnToPage(pfn: bigint, c: LayoutConstants, structPageSize: number): bigint {
  checkBigint('pfnToPage', 'pfn', pfn);
  checkConstants('pfnToPage', c);
  checkStructPageSize('pfnToPage', structPageSize);
  return u64(c.vmemmapBase + pfn * BigInt(structPageSize));
}

/** page_to_pfn: `page - vmemmap` (mod 2^64) / sizeof(struct page); `exact` is false when a remainder is left. */
export function pageToPfn(page: bigint, c: LayoutConstants, structPageSize: number): { pfn: bigint; exact: boolean } {
  checkBigint('pageToPfn', 'page', page);
  checkConstants('pageToPfn', c);
  // A size of 0 would be a RangeError (division by zero) that names nothing; the library takes it from callers.
  checkStructPageSize('pageToPfn', structPageSize);
  const offset = u64(page - c.vmemmapBase);
  const sp = BigInt(structPageSize);
  return { pfn: offset / sp, exact: offset % sp === 0n };
}

/** PFN_PHYS: `pfn << PAGE_SHIFT`, modulo 2^64 as phys_addr_t computes it. */
export function pfnToPhys(pfn: bigint, pageShift: number): bigint {
  checkBigint('pfnToPhys', 'pfn', pfn);
  checkPageShift('pfnToPhys', pageShift);
  return u64(pfn << BigInt(pageShift));
}

/** PHYS_PFN: `phys >> PAGE_SHIFT`. */
export function physToPfn(phys: bigint, pageShift: number): bigint {
  checkBigint('physToPfn', 'phys', phys);
  checkPageShift('physToPfn', pageShift);
  return u64(phys) >> BigInt(pageShift);
}

/**
 * Where one struct page address sits: inside [VMEMMAP_START, VMEMMAP_END); a user-half address (< 2^63) can only
 * be reached by wrapping past 2^64; otherwise below the window or above it (the gap between VMEMMAP_END and 2^64).
 */
export function classifyPage(page: bigint, c: LayoutConstants): WindowPosition {
  checkBigint('classifyPage', 'page', page);
  checkConstants('classifyPage', c);
  const p = u64(page);
  if (p >= c.vmemmapStart && p < c.vmemmapEnd) return 'inside';
  if (p < TWO_POW_63) return 'wraps-to-user';
  return p < c.vmemmapStart ? 'below-window' : 'above-window';
}

/**
 * Whether `vmemmap`, the struct page of pfn 0, moves with memstart_addr: from 4.5 (E0b, dfd55ad85e4a) it is
 * `(struct page *)VMEMMAP_START - (memstart_addr >> PAGE_SHIFT)`; up to 4.4 (E0) `(struct page *)(VMALLOC_END +
 * SZ_64K)`, indexed by absolute pfn.
 */
export function vmemmapFollowsMemstart(era: Era): boolean {
  return era !== 'E0';
}

/** A value of one conversion (explain.ts Explanation): `position` stands for the position, WARN arm and wrap. */
export type MemstartDependentValue = 'page' | 'pfn' | 'phys' | 'linearVa' | 'vmemmapBase' | 'position';

/**
 * The values of one conversion that depend on memstart_addr, by the direction it runs (`from` what was given):
 * - from a struct page address: where vmemmapFollowsMemstart, the pfn (`(page - vmemmap) / sizeof(struct page)`),
 *   the physical address and vmemmap itself; not its linear-map VA, since both the page's offset in the window and
 *   the VA's in the linear map (`(phys - PHYS_OFFSET) | PAGE_OFFSET`) are the pfn's distance from memstart's. Up to
 *   4.4 the pfn is absolute and only the linear-map VA depends on memstart.
 * - from a pfn or physical address: those two are the input's, exact; where vmemmapFollowsMemstart, the struct page
 *   (`vmemmap + pfn`), vmemmap, and so where the page lies against the window; in every era the linear-map VA.
 */
export function memstartDependentValues(from: 'addr' | 'pfn' | 'phys', era: Era): MemstartDependentValue[] {
  const follows = vmemmapFollowsMemstart(era);
  if (from === 'addr') return follows ? ['pfn', 'phys', 'vmemmapBase'] : ['linearVa'];
  return follows ? ['page', 'linearVa', 'vmemmapBase', 'position'] : ['linearVa'];
}

/** __phys_to_virt (memory.h): `(phys - PHYS_OFFSET) | PAGE_OFFSET`; only meaningful inside the linear map. */
export function physToLinearVa(phys: bigint, memstart: bigint, c: LayoutConstants): bigint {
  return u64(u64(phys - memstart) | c.pageOffset);
}

function checkStructPageSize(fn: string, size: unknown): void {
  checkArgument(Number.isInteger(size) && (size as number) > 0, fn, 'structPageSize', 'a positive whole number (sizeof(struct page): 64)', size);
}

function checkPageShift(fn: string, shift: unknown): void {
  checkArgument(Number.isInteger(shift) && (shift as number) >= 0 && (shift as number) < 64, fn, 'pageShift', 'a whole number from 0 to 63 (12 for 4K pages)', shift);
}
