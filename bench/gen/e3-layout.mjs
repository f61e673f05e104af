import { MACHINE } from './machine.mjs';

/**
 * The E3 (5.11–6.8) arm64 layout of MACHINE, 48-bit VA / 4K pages / 64-byte struct page, computed from the kernel
 * formulas (arch/arm64/include/asm/memory.h after 8c96400d6a39):
 *   VMEMMAP_SHIFT = PAGE_SHIFT - STRUCT_PAGE_MAX_SHIFT = 12 - 6
 *   VMEMMAP_START = -(1 << (VA_BITS - VMEMMAP_SHIFT))
 *   VMEMMAP_SIZE  = (_PAGE_END(VA_BITS_MIN) - _PAGE_OFFSET(VA_BITS)) >> VMEMMAP_SHIFT
 *   vmemmap       = VMEMMAP_START - (memstart_addr >> PAGE_SHIFT) * sizeof(struct page)
 * The seed thread's printout of this machine class reads VMEMMAP_START 0xfffffc0000000000, VMEMMAP_END
 * 0xfffffe0000000000, vmemmap 0xfffffbfffe000000.
 */
const U64 = (1n << 64n) - 1n;
const VA_BITS = 48n;
const PAGE_SHIFT = 12n;
const STRUCT_PAGE_MAX_SHIFT = 6n;
const VMEMMAP_SHIFT = PAGE_SHIFT - STRUCT_PAGE_MAX_SHIFT;
const pageOffset = -(1n << VA_BITS) & U64;
const pageEnd = -(1n << (VA_BITS - 1n)) & U64;

export const E3_48_4K = {
  pageShift: PAGE_SHIFT,
  structPageSize: 1n << STRUCT_PAGE_MAX_SHIFT,
  memstart: MACHINE.dramStart,
  vmemmapStart: -(1n << (VA_BITS - VMEMMAP_SHIFT)) & U64,
  vmemmapSize: (pageEnd - pageOffset) >> VMEMMAP_SHIFT,
  get vmemmapEnd() {
    return (this.vmemmapStart + this.vmemmapSize) & U64;
  },
  get vmemmapBase() {
    return (this.vmemmapStart - (this.memstart >> PAGE_SHIFT) * this.structPageSize) & U64;
  },
  /** SECTION_SIZE_BITS for 4K pages since ~5.12 (asm/sparsemem.h). */
  sectionShift: 27n,
  /** PA_BITS: device-private regions are carved top-down from 1 << MAX_PHYSMEM_BITS. */
  physBits: 48n,
};

/** struct page address of `pfn` under E3_48_4K: vmemmap + pfn * sizeof(struct page), mod 2^64. */
export function pfnToPage(pfn) {
  return (E3_48_4K.vmemmapBase + pfn * E3_48_4K.structPageSize) & U64;
}
