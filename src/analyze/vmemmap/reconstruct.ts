import { classifyPage, pageToPfn, pfnToPage, pfnToPhys } from '../../layout/convert.js';
import type { Layout } from '../../layout/types.js';
import { TWO_POW_63, TWO_POW_64, toS64, u64 } from '../../layout/u64.js';
import type { AddressRange, VmemmapFinding, WindowPosition } from '../types.js';
import { IntervalSet, type Interval } from './interval-set.js';

export type ReconstructedFields = Pick<
  VmemmapFinding,
  | 'pageRanges'
  | 'pageHull'
  | 'pfnHull'
  | 'physHull'
  | 'physSizeBytes'
  | 'sectionsTouched'
  | 'position'
  | 'warnArm'
  | 'wrapped'
  | 'aboveLinearMap'
>;

export interface Reconstruction {
  /** The finding's numbers. */
  fields: ReconstructedFields;
  /** First physical address past what the linear map (and so the vmemmap window) covers: __pa(PAGE_END - 1) + 1. */
  linearMapPhysEnd: bigint;
  /** Some struct page address was not a whole number of struct pages from `vmemmap`: the layout is doubtful. */
  inexact: boolean;
  /**
   * Some struct page lies below `vmemmap` (the struct page of pfn 0) in the kernel half: its pfn would be negative,
   * which no memory has (memstart is likely wrong). Its pfn mod 2^64 is past every real one, so the PFN and physical
   * hulls are left out: they had been shown as ranges wider than 64 bits.
   */
  negativePfns: boolean;
}

/**
 * Everything the struct page ranges say under one layout. `pages` are half-open ranges as the WARN saw them, an
 * `end` past 2^64 meaning the range wrapped. PFNs are `(page - vmemmap) / sizeof(struct page)` mod 2^64, so a
 * wrapped range is contiguous in pfn space: the union is rebuilt there.
 */
export function reconstruct(pages: readonly Interval[], layout: Layout, cap = 64): Reconstruction {
  const c = layout.constants;
  const sp = layout.structPageSize.value;
  const ps = layout.pageShift.value;
  const pfns = new IntervalSet(cap);
  let inexact = false;
  for (const p of pages) {
    const first = pageToPfn(p.start, c, sp);
    inexact ||= !first.exact;
    const count = (p.end - p.start + BigInt(sp) - 1n) / BigInt(sp);
    pfns.add(first.pfn, first.pfn + count);
  }
  const pfnRanges = pfns.intervals();
  const negativePfns = pages.some((p) => p.start >= TWO_POW_63 && p.start < c.vmemmapBase);
  const pfnHull = negativePfns ? undefined : pfns.hull();
  // __pa(PAGE_END - 1) + 1 = PAGE_END - PAGE_OFFSET + PHYS_OFFSET, with memstart_addr an s64 (52-bit kernels on
  // 48-bit hardware make it negative); for VA_BITS <= 48 this is memstart + 2^(VA_BITS_MIN - 1).
  const linearMapPhysEnd = c.pageEnd - c.pageOffset + toS64(layout.memstart.value);
  const physHull = pfnHull && { start: pfnToPhys(pfnHull.start, ps), end: pfnHull.end << BigInt(ps) };
  const position = positionOf(pfnRanges, layout);
  const fields: ReconstructedFields = {
    pageRanges: pfnRanges.map((r) => pageRange(r, c, sp)),
    ...(pfnHull && { pageHull: pageRange(pfnHull, c, sp), pfnHull }),
    ...(negativePfns && pages.length > 0 && { pageHull: pageHullOf(pages) }),
    // Pages below the window lie below the linear map, whatever pfn (mod 2^64) an assumed memstart gives them.
    ...(physHull
      ? { physHull, aboveLinearMap: position !== 'below-window' && physHull.end > linearMapPhysEnd }
      : position === 'below-window' && { aboveLinearMap: false }),
    physSizeBytes: pfns.size() << BigInt(ps),
    // With no range read there is nothing to count or to test against the window: those fields stay out.
    ...(pages.length > 0 && { sectionsTouched: sectionsTouched(pfnRanges, c.pagesPerSection) }),
    ...(position && { position }),
    ...(pages.length > 0 && { warnArm: warnArmOf(pages, c.vmemmapStart, c.vmemmapEnd) }),
    wrapped: pages.some((p) => p.end > TWO_POW_64 || p.start < TWO_POW_63),
  };
  return { fields, linearMapPhysEnd, inexact, negativePfns };
}

/** The struct pages' hull in address order, for ranges whose pfns do not order them (negativePfns). */
function pageHullOf(pages: readonly Interval[]): AddressRange {
  const start = pages.reduce((min, p) => (p.start < min ? p.start : min), pages[0]!.start);
  const end = pages.reduce((max, p) => (p.end > max ? p.end : max), pages[0]!.end);
  return { start, end: end > TWO_POW_64 ? u64(end) : end };
}

/** The end is the last page's end, unmasked: a range ending at the top of the address space ends at 2^64, not 0. */
function pageRange(pfns: Interval, c: Layout['constants'], sp: number): AddressRange {
  return { start: pfnToPage(pfns.start, c, sp), end: pfnToPage(pfns.end - 1n, c, sp) + BigInt(sp) };
}

/** Sections a sorted union of pfn ranges touches; a section shared by two neighbouring ranges counts once. */
function sectionsTouched(ranges: readonly Interval[], pagesPerSection: bigint): number {
  let count = 0n;
  let lastCounted: bigint | undefined;
  for (const r of ranges) {
    const first = r.start / pagesPerSection;
    const last = (r.end - 1n) / pagesPerSection;
    count += last - first + 1n - (first === lastCounted ? 1n : 0n);
    lastCounted = last;
  }
  return Number(count);
}

function positionOf(pfnRanges: readonly Interval[], layout: Layout): WindowPosition | undefined {
  const sp = layout.structPageSize.value;
  const seen = new Set<WindowPosition>();
  for (const r of pfnRanges) {
    seen.add(classifyPage(pfnToPage(r.start, layout.constants, sp), layout.constants));
    seen.add(classifyPage(pfnToPage(r.end - 1n, layout.constants, sp), layout.constants));
  }
  if (seen.size === 0) return undefined;
  if (seen.size === 1) return [...seen][0];
  // Pages above the window that run on past 2^64 are one stretch of addresses past VMEMMAP_END, part of it wrapped:
  // not across an edge of the window, none of them inside it.
  if (seen.size === 2 && seen.has('above-window') && seen.has('wraps-to-user')) return 'wraps-to-user';
  return 'straddles';
}

/** `WARN_ON((start < VMEMMAP_START) || (end > VMEMMAP_END))` evaluated on each merged range, as unsigned longs. */
function warnArmOf(pages: readonly Interval[], start: bigint, end: bigint): VmemmapFinding['warnArm'] {
  let below = false;
  let above = false;
  for (const p of pages) {
    below ||= u64(p.start) < start;
    above ||= u64(p.end) > end;
  }
  if (below && above) return 'both';
  return below ? 'start-below' : above ? 'end-above' : 'none';
}
