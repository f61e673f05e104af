import type { Era, LayoutConstants } from './types.js';
import { neg64, u64 } from './u64.js';

/** `_PAGE_END(va)` of memory.h: -(1 << (va - 1)), the end of the linear map of a `va`-bit layout. */
export function pageEndOf(vaBits: number): bigint {
  return neg64(1n << BigInt(vaBits - 1));
}

/** Whether vabits_actual moves the end of the linear map: in 5.4–5.10, or under a KASAN shadow (constants.ts linearMapEnd). */
export function linearMapMoves(era: Era, shadow: boolean): boolean {
  return era === 'E2' || shadow;
}

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
