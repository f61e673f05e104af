/** u64 helpers: the kernel's `unsigned long` arithmetic (mod 2^64) and its s64 view. */

const U64_MASK = 0xffff_ffff_ffff_ffffn;
export const TWO_POW_63 = 1n << 63n;
export const TWO_POW_64 = 1n << 64n;

export function u64(x: bigint): bigint {
  return x & U64_MASK;
}

/** Two's-complement negation, as C's `-x` on an unsigned long. */
export function neg64(x: bigint): bigint {
  return u64(-x);
}

/** The s64 reading of a u64 (memstart_addr is an s64 in the kernel). */
export function toS64(x: bigint): bigint {
  const v = u64(x);
  return v >= TWO_POW_63 ? v - TWO_POW_64 : v;
}

export function hex(x: bigint): string {
  return `0x${x.toString(16)}`;
}

/** order_base_2(n): the smallest s with 2^s >= n (include/linux/log2.h). */
export function orderBase2(n: number): number {
  let s = 0;
  while (2 ** s < n) s++;
  return s;
}
