import type { Era, LayoutConstants } from './types.js';
import { hex, neg64, toS64, u64 } from './u64.js';

/** `_PAGE_END(va)` of memory.h: -(1 << (va - 1)), the end of the linear map of a `va`-bit layout. */
export function pageEndOf(vaBits: number): bigint {
  return neg64(1n << BigInt(vaBits - 1));
}

/** Whether vabits_actual moves the end of the linear map: in 5.4–5.10, or under a KASAN shadow (constants.ts linearMapEnd). */
export function linearMapMoves(era: Era, shadow: boolean): boolean {
  return era === 'E2' || shadow;
}

/** Size of the usable linear map: [PAGE_OFFSET or linearMapStart, PAGE_END); 2^(VA_BITS_MIN-1) for VA_BITS ≤ 48. */
function linearMapSize(c: LayoutConstants): bigint {
  return c.pageEnd - (c.linearMapStart ?? c.pageOffset);
}

/**
 * First physical address the linear map covers: memstart, or for a 52-bit kernel on a smaller CPU the address at
 * its first usable VA, `__pa(_PAGE_OFFSET(vabits_actual))`, where DRAM starts (its memstart_addr was lowered by
 * the VA it cannot use).
 */
export function linearMapPhysStart(c: LayoutConstants, memstart: bigint): bigint {
  return u64(memstart + ((c.linearMapStart ?? c.pageOffset) - c.pageOffset));
}

/**
 * The first physical address the linear map covers, as a report states it: a memstart_addr below zero (KASLR, or a
 * 52-bit kernel whose CPU nothing says lacks 52-bit VAs) maps physical 0 somewhere above PAGE_OFFSET, and no memory
 * lies below 0.
 */
export function linearMapFirstPhys(c: LayoutConstants, memstart: bigint): bigint {
  const start = linearMapPhysStart(c, memstart);
  return toS64(start) < 0n ? 0n : start;
}

/** `phys A-B` for what the linear map covers, or `no physical address` when memstart puts all of it below 0. */
export function linearMapPhysText(c: LayoutConstants, memstart: bigint): string {
  const end = linearMapPhysEnd(c, memstart);
  if (toS64(linearMapPhysStart(c, memstart)) < 0n && toS64(end) <= 0n) return `no physical address (memstart_addr ${hex(memstart)} puts it all below 0)`;
  return `phys ${hex(linearMapFirstPhys(c, memstart))}-${hex(end)}`;
}

/**
 * First physical address the linear map cannot cover: memstart + (PAGE_END - PAGE_OFFSET), i.e.
 * DIRECT_MAP_PHYSMEM_END + 1 (`__pa(PAGE_END - 1)`); memstart is s64, so the sum wraps like the kernel's.
 */
export function linearMapPhysEnd(c: LayoutConstants, memstart: bigint): bigint {
  return u64(linearMapPhysStart(c, memstart) + linearMapSize(c));
}

/** Whether the linear map covers `phys` (its offset from the map's first address, mod 2^64, is below the map's size). */
export function inLinearMap(phys: bigint, c: LayoutConstants, memstart: bigint): boolean {
  return u64(phys - linearMapPhysStart(c, memstart)) < linearMapSize(c);
}
