import type { LayoutConstants } from './types.js';
import { u64 } from './u64.js';

/** Size of the linear map: [PAGE_OFFSET, PAGE_END); 2^(VA_BITS_MIN-1) for VA_BITS ≤ 48. */
export function linearMapSize(c: LayoutConstants): bigint {
  return c.pageEnd - c.pageOffset;
}

/**
 * First physical address the linear map cannot cover: memstart + (PAGE_END - PAGE_OFFSET), i.e.
 * DIRECT_MAP_PHYSMEM_END + 1 (`__pa(PAGE_END - 1)`); memstart is s64, so the sum wraps like the kernel's.
 */
export function linearMapPhysEnd(c: LayoutConstants, memstart: bigint): bigint {
  return u64(memstart + linearMapSize(c));
}

/** Whether the linear map covers `phys` (the offset from memstart, taken mod 2^64, is below the map's size). */
export function inLinearMap(phys: bigint, c: LayoutConstants, memstart: bigint): boolean {
  return u64(phys - memstart) < linearMapSize(c);
}
