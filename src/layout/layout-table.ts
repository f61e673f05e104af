import { memstartAlignShift } from './memstart.js';
import { weakest } from './inferred.js';
import { kasanPageEndText } from './kasan.js';
import { linearMapMoves, linearMapPhysEnd } from './linear-map.js';
import { provenanceText } from './provenance-text.js';
import type { Confidence, Inferred, Layout } from './types.js';
import { hex, TWO_POW_64 } from './u64.js';
import { checkLayout } from './check-layout.js';
import { subsectionsIn } from './subsection-history.js';

/** One row of `layoutTable`: a parameter or derived constant of a layout, with where it came from. */
export interface LayoutRow {
  /** `era`, `PAGE_SIZE`, `VMEMMAP_START`, `pages per section`…: the kernel's name where it has one, else words. */
  name: string;
  /** Hex for addresses and sizes, decimal for counts of bits and bytes. */
  value: string;
  /** Where the value came from (`log (line 14): …`, `user: --va-bits 48`), or `computed from …` for a derived constant. */
  provenance: string;
  /** A parameter's own; a derived constant's is the weakest of the parameters its formula reads. */
  confidence: Confidence;
}

function row<T>(name: string, p: Inferred<T>, show: (v: T) => string): LayoutRow {
  return { name, value: show(p.value), provenance: provenanceText(p.source), confidence: p.confidence };
}

/** How PAGE_END, the end of the linear map, was computed, and how sure that is. */
function pageEnd(layout: Layout, shape: Confidence): { from: string; confidence: Confidence } {
  const actual = layout.vaBitsActual;
  const moved = actual !== undefined && linearMapMoves(layout.era.value, layout.kasanShadow !== undefined);
  const confidence = weakest(shape, moved ? actual.confidence : 'high', layout.kasanShadow ? (layout.kasan?.confidence ?? 'low') : 'high');
  const va = `vabits_actual ${actual?.value ?? layout.vaBits.value}`;
  if (layout.kasanShadow) return { from: `${kasanPageEndText(layout.kasanShadow)}, ${va}`, confidence };
  if (moved) return { from: `_PAGE_END(${va}): 5.4–5.10 map 2^(vabits_actual - 1) bytes from PAGE_OFFSET`, confidence };
  return { from: 'era and VA_BITS_MIN', confidence };
}

/** Every parameter and derived constant of a layout, for `vmemwarn layout`. */
export function layoutTable(layout: Layout): LayoutRow[] {
  checkLayout('layoutTable', 'layout', layout);
  const c = layout.constants;
  const { era, pageShift, vaBits, structPageSize, memstart, sectionShift } = layout;
  // Each constant is as sure as the inputs its formula reads, no surer and no less sure: PAGE_OFFSET does not read
  // sizeof(struct page), so a defaulted struct page size must not make it medium.
  const va = weakest(era.confidence, pageShift.confidence, vaBits.confidence);
  const shape = weakest(va, structPageSize.confidence);
  const based = weakest(shape, memstart.confidence);
  const sectionGeometry = weakest(pageShift.confidence, sectionShift.confidence);
  const sections = weakest(sectionGeometry, structPageSize.confidence);
  const derived = (name: string, value: string, from: string, confidence: Confidence): LayoutRow => ({
    name,
    value,
    provenance: `computed from ${from}`,
    confidence,
  });
  const pageEndOf = pageEnd(layout, va);
  const rows: LayoutRow[] = [];
  if (layout.release) rows.push(row('kernel release', layout.release, (v) => v));
  rows.push(
    row('era', era, (v) => v),
    row('PAGE_SIZE', pageShift, (v) => `${2 ** (v - 10)}K (PAGE_SHIFT ${v})`),
    row('VA_BITS', vaBits, String),
    derived('VA_BITS_MIN', String(c.vaBitsMin), 'VA_BITS and page size', weakest(vaBits.confidence, pageShift.confidence)),
    ...(layout.vaBitsActual ? [row('vabits_actual', layout.vaBitsActual, String)] : []),
    row('sizeof(struct page)', structPageSize, String),
    row('SECTION_SIZE_BITS', sectionShift, String),
    ...(layout.kasan ? [row('KASAN', layout.kasan, (v) => v)] : []),
    row('memstart (PHYS_OFFSET)', memstart, hex),
    derived('ARM64_MEMSTART_ALIGN', hex(1n << BigInt(memstartAlignShift(pageShift.value, sectionShift.value, era.value, layout.release?.value))), 'era, page size and SECTION_SIZE_BITS', weakest(era.confidence, sectionGeometry)),
    derived('PAGE_OFFSET', hex(c.pageOffset), 'era and VA_BITS', va),
    // Before E2 the linear map runs to the top of the address space.
    derived('PAGE_END', c.pageEnd === TWO_POW_64 ? '2^64' : hex(c.pageEnd), pageEndOf.from, pageEndOf.confidence),
    derived('VMEMMAP_START', hex(c.vmemmapStart), 'era, page size, VA_BITS, sizeof(struct page)', shape),
    derived('VMEMMAP_END', hex(c.vmemmapEnd), 'era, page size, VA_BITS, sizeof(struct page)', shape),
    derived('VMEMMAP_SIZE', hex(c.vmemmapSize), 'VMEMMAP_END - VMEMMAP_START', shape),
    // E0 (4.4) indexed the array by absolute pfn from VMEMMAP_START; memstart plays no part there.
    derived(
      'vmemmap (struct page of pfn 0)',
      hex(c.vmemmapBase),
      era.value === 'E0' ? 'VMEMMAP_START (up to 4.4 the array starts at pfn 0)' : 'VMEMMAP_START - (memstart >> PAGE_SHIFT) * sizeof(struct page)',
      era.value === 'E0' ? shape : based,
    ),
    derived('linear map covers phys up to', hex(linearMapPhysEnd(c, memstart.value)), 'memstart + (PAGE_END - PAGE_OFFSET)', weakest(memstart.confidence, va, pageEndOf.confidence)),
    derived('pages per section', hex(c.pagesPerSection), '2^(SECTION_SIZE_BITS - PAGE_SHIFT)', sectionGeometry),
    derived('memmap bytes per section', hex(c.memmapBytesPerSection), 'pages per section * sizeof(struct page)', sections),
  );
  // Subsections came in 5.3: a layout of older kernels has none, and E1 without a release may or may not.
  const subsections = subsectionsIn(era.value, layout.release?.value);
  if (subsections === 'no') return rows;
  const only = subsections === 'some' ? '; subsections exist only from 5.3, and E1 spans 4.7–5.3' : '';
  const subsectionConfidence = (own: Confidence): Confidence => (subsections === 'some' ? 'low' : own);
  rows.push(
    derived('pages per subsection', hex(c.pagesPerSubsection), `2 MiB >> PAGE_SHIFT${only}`, subsectionConfidence(pageShift.confidence)),
    derived(
      'memmap bytes per subsection',
      hex(c.memmapBytesPerSubsection),
      `pages per subsection * sizeof(struct page)${only}`,
      subsectionConfidence(weakest(pageShift.confidence, structPageSize.confidence)),
    ),
  );
  return rows;
}
