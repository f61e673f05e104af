import type { AddressRange } from '../analyze/types.js';
import { pageToPfn } from './convert.js';
import { eraIndex, releaseAtLeast, type KernelVersion } from './eras.js';
import type { Layout } from './types.js';
import { u64 } from './u64.js';

/** Struct page addresses, end exclusive; a range that wrapped past 2^64 keeps its end above it (IntervalSet). */
export type PageSpan = AddressRange;

/** arm64's widest physical address (ARM64_PA_BITS_52: 64K pages, or LPA2 from 6.9). */
export const MAX_PA_BITS = 52;

/** The first release with ARM64_PA_BITS_52 (64K pages); LPA2 brought it to 4K and 16K pages with 6.9. */
const PA_BITS_52_SINCE: KernelVersion = { major: 4, minor: 16 };

/**
 * The physical address bits the kernel of `layout` can address (CONFIG_ARM64_PA_BITS): 52 with 64K pages from 4.16,
 * or with 52-bit VAs (LPA2, 6.9+); 48 otherwise. Without a release, an era before E1 (4.7) is before 4.16 too.
 */
export function physAddressBits(layout: Pick<Layout, 'pageShift' | 'vaBits' | 'era' | 'release'>): number {
  if (layout.pageShift.value !== 16 && layout.vaBits.value !== 52) return 48;
  const since = releaseAtLeast(layout.release?.value, PA_BITS_52_SINCE);
  const before52 = since !== undefined ? !since : eraIndex(layout.era.value) < eraIndex('E1');
  return before52 ? 48 : MAX_PA_BITS;
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
  return physEndOf(layout, span) <= 1n << BigInt(physAddressBits(layout));
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
