import { computeConstants } from '../../layout/constants.js';
import { PAGE_SHIFTS, SECTION_SHIFTS, validVaBits } from '../../layout/page-geometry.js';

/** sizeof(struct page) assumed by the layout-independent register search; other sizes come from the layout later. */
export const DEFAULT_STRUCT_PAGE_SIZE = 64;


export interface MemmapGeometry {
  pageShift: number;
  /** memmap bytes of one 2 MiB subsection: the granule of every `end - start`. */
  subsectionBytes: bigint;
  /** memmap bytes of one whole section, per SECTION_SIZE_BITS. */
  sectionBytes: bigint[];
  /** The largest `end - start` one call can have (one section at SECTION_SIZE_BITS 30). */
  maxBytes: bigint;
}

function memmapBytes(pageShift: number, sectionShift: number): { section: bigint; subsection: bigint } {
  const c = computeConstants({
    era: 'E3',
    pageShift,
    vaBits: validVaBits(pageShift)[0]!,
    structPageSize: DEFAULT_STRUCT_PAGE_SIZE,
    memstart: 0n,
    sectionShift,
  });
  return { section: c.memmapBytesPerSection, subsection: c.memmapBytesPerSubsection };
}

function geometry(pageShift: number): MemmapGeometry {
  const largest = memmapBytes(pageShift, 30);
  return {
    pageShift,
    subsectionBytes: largest.subsection,
    sectionBytes: SECTION_SHIFTS.map((s) => memmapBytes(pageShift, s).section),
    maxBytes: largest.section,
  };
}

/** Per page size, the memmap sizes a `__populate_section_memmap` call can span (with 64-byte struct pages). */
export const MEMMAP_GEOMETRIES: readonly MemmapGeometry[] = PAGE_SHIFTS.map(geometry);
