import { PAGE_SHIFTS } from './page-geometry.js';

/**
 * PAGE_SHIFT from the dentry cache's hash table line. alloc_large_system_hash printed the order as
 * `ilog2(size) - PAGE_SHIFT`, and prints it as `get_order(size)` since a 2025 fix (taken by stable too): both give
 * PAGE_SHIFT as `log2(size) - order` where the size is a power of two of more than a page (order 1 and up;
 * get_order gives 0 for anything up to a page). Undefined when the line cannot tell, or tells a page size arm64 lacks.
 */
export function pageShiftOfDentryHash(hash: { order: number; bytes: number }): number | undefined {
  const { order, bytes } = hash;
  const log2 = Math.log2(bytes);
  if (!Number.isSafeInteger(bytes) || !Number.isInteger(log2) || !Number.isInteger(order) || order < 1) return undefined;
  const shift = log2 - order;
  return (PAGE_SHIFTS as readonly number[]).includes(shift) ? shift : undefined;
}
