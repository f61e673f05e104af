import type { Layout } from './types.js';
import { hex } from './u64.js';

const SZ_8M = 1n << 23n;

/**
 * VMALLOC_END from 6.9 (E4, asm/pgtable.h): VMEMMAP_START - SZ_8M while VA_BITS == VA_BITS_MIN; a 52-bit kernel adds
 * VMEMMAP_UNUSED_NPAGES * sizeof(struct page), the struct pages of the VA below _PAGE_OFFSET(vabits_actual) that its
 * CPU cannot use, so that vmalloc reaches into the unused start of the window.
 */
export function e4VmallocEnd(layout: Layout): bigint {
  const c = layout.constants;
  const unusedPages = ((c.linearMapStart ?? c.pageOffset) - c.pageOffset) >> BigInt(layout.pageShift.value);
  return c.vmemmapStart + unusedPages * BigInt(layout.structPageSize.value) - SZ_8M;
}

/**
 * The mappings right below VMEMMAP_START, by era (asm/memory.h and asm/pgtable.h of each):
 * - up to 4.6 (E0, E0b): vmalloc, up to VMALLOC_END = VMEMMAP_START - SZ_64K; PCI I/O, the fixmap and the modules
 *   lie above the window, in the PUD_SIZE below PAGE_OFFSET.
 * - 4.7 to 5.10 (E1, E2): PCI I/O (PCI_IO_END = VMEMMAP_START - SZ_2M), the fixmap (FIXADDR_TOP = PCI_IO_START -
 *   SZ_2M), then vmalloc.
 * - 5.11 to 6.8 (E3): PCI I/O (PCI_IO_END = VMEMMAP_START - SZ_8M), the fixmap (FIXADDR_TOP = VMEMMAP_START - SZ_32M),
 *   then vmalloc (VMALLOC_END = VMEMMAP_START - SZ_256M).
 * - from 6.9 (E4): an 8 MiB gap, then vmalloc (e4VmallocEnd); PCI I/O (VMEMMAP_END + SZ_8M) and the fixmap
 *   (FIXADDR_TOP = -SZ_8M) lie above the window.
 */
export function belowWindowMappings(layout: Layout): string {
  switch (layout.era.value) {
    case 'E0':
    case 'E0b':
    case 'E4':
      return 'vmalloc';
    default:
      return 'PCI I/O, fixmap or vmalloc';
  }
}

/** explain's note for a kernel-half struct page address below VMEMMAP_START: the region it lies in, by era. */
export function belowWindowNote(page: bigint, layout: Layout): string {
  const era = layout.era.value;
  if (era === 'E0' || era === 'E0b') {
    return 'below VMEMMAP_START: vmalloc (VMALLOC_END = VMEMMAP_START - 64K); up to 4.6 PCI I/O, the fixmap and modules lie above the window';
  }
  if (era !== 'E4') return `below VMEMMAP_START (PCI I/O, fixmap or vmalloc)`;
  const vmallocEnd = e4VmallocEnd(layout);
  const above = 'from 6.9 PCI I/O and the fixmap lie above the window';
  if (page >= vmallocEnd) return `in the 8 MiB gap below VMEMMAP_START (VMALLOC_END = VMEMMAP_START - 8M, unmapped); ${above}`;
  return `below VMALLOC_END (${hex(vmallocEnd)}): the vmalloc area, or the modules and kernel image at its bottom; ${above}`;
}
