import { computeConstants } from '../../layout/constants.js';
import { PAGE_SHIFTS, SECTION_SHIFTS, validVaBits } from '../../layout/page-geometry.js';
import { DEFAULT_STRUCT_PAGE_SIZE, MAX_STRUCT_PAGE_SIZE } from '../../layout/struct-page-size.js';

/** sizeof(struct page) assumed by the layout-independent register search; other sizes come from the layout later. */
export { DEFAULT_STRUCT_PAGE_SIZE };

export interface MemmapGeometry {
  pageShift: number;
  /** memmap bytes of one 2 MiB subsection: the granule of every `end - start`. */
  subsectionBytes: bigint;
  /** memmap bytes of one whole section, per SECTION_SIZE_BITS. */
  sectionBytes: bigint[];
  /** The largest `end - start` one call can have: one section at SECTION_SIZE_BITS 30 of the largest struct pages. */
  maxBytes: bigint;
}

function memmapBytes(pageShift: number, sectionShift: number, structPageSize = DEFAULT_STRUCT_PAGE_SIZE): { section: bigint; subsection: bigint } {
  const c = computeConstants({
    era: 'E3',
    pageShift,
    vaBits: validVaBits(pageShift)[0]!,
    structPageSize,
    memstart: 0n,
    sectionShift,
  });
  return { section: c.memmapBytesPerSection, subsection: c.memmapBytesPerSubsection };
}

function geometry(pageShift: number): MemmapGeometry {
  return {
    pageShift,
    subsectionBytes: memmapBytes(pageShift, 30).subsection,
    sectionBytes: SECTION_SHIFTS.map((s) => memmapBytes(pageShift, s).section),
    // A 4K section of 2^30 bytes is 16 MiB of 64-byte struct pages, 30 MiB of 120-byte ones.
    maxBytes: memmapBytes(pageShift, 30, MAX_STRUCT_PAGE_SIZE).section,
  };
}

/** Per page size, the memmap sizes a `__populate_section_memmap` call can span (with 64-byte struct pages). */
export const MEMMAP_GEOMETRIES: readonly MemmapGeometry[] = PAGE_SHIFTS.map(geometry);
