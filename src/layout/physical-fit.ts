import type { AddressRange } from '../analyze/types.js';
import { pageToPfn } from './convert.js';
import type { Layout } from './types.js';
import { u64 } from './u64.js';

/** Struct page addresses, end exclusive; a range that wrapped past 2^64 keeps its end above it (IntervalSet). */
export type PageSpan = AddressRange;

/** arm64's widest physical address (ARM64_PA_BITS_52: 64K pages, or LPA2 from 6.9). */
export const MAX_PA_BITS = 52;

/**
 * The physical address bits a kernel can address (CONFIG_ARM64_PA_BITS): 52 with 64K pages, or with 52-bit VAs
 * (LPA2, 6.9+); 48 otherwise.
 */
export function physAddressBits(pageShift: number, vaBits: number): number {
  return pageShift === 16 || vaBits === 52 ? MAX_PA_BITS : 48;
}

/** The end of the physical range the struct pages of `span` stand for under `layout`, unwrapped. */
export function physEndOf(layout: Layout, span: PageSpan): bigint {
  const sps = layout.structPageSize.value;
  const pfnOf = (page: bigint) => pageToPfn(u64(page), layout.constants, sps).pfn;
  const first = pfnOf(span.start);
  const last = pfnOf(span.end - 1n);
  return ((first > last ? first : last) + 1n) << BigInt(layout.pageShift.value);
}

/** Whether `layout` puts the struct pages of `span` at physical addresses its kernel can have. */
export function fitsPhysically(layout: Layout, span: PageSpan): boolean {
  return physEndOf(layout, span) <= 1n << BigInt(physAddressBits(layout.pageShift.value, layout.vaBits.value));
}

/** The span from the lowest start to the highest end of `spans`. */
export function spanOf(spans: readonly (PageSpan | undefined)[]): PageSpan | undefined {
  let out: PageSpan | undefined;
  for (const s of spans) {
    if (s === undefined) continue;
    out = out === undefined ? { ...s } : { start: s.start < out.start ? s.start : out.start, end: s.end > out.end ? s.end : out.end };
  }
  return out;
}
