import type { Layout } from '../../layout/types.js';
import { hex, toS64, u64 } from '../../layout/u64.js';

/**
 * The kernel VA whose page-table entries a walk from pgd_offset_k() reaches for a user-half address: pgd_index() and
 * every level below mask the address to VA_BITS, so the walk lands at -2^VA_BITS + (addr mod 2^VA_BITS). Undefined
 * for 52-bit kernels, whose top level depends on the CPU they run on.
 */
export function kernelSlotOf(addr: bigint, layout: Layout): bigint | undefined {
  const va = layout.vaBits.value;
  if (va > 48) return undefined;
  const span = 1n << BigInt(va);
  return u64(-span + (addr % span));
}

/**
 * A `which …` clause: what lies at kernel VA `slot` under `layout`, and what populate does there. arm64's
 * vmemmap_populate allocates a level only where the entry is none and keeps (vmemmap_verify) one that is there: it
 * overwrites nothing, but shares what it finds and puts memmap blocks into VA the kernel may hand out later.
 */
export function slotText(slot: bigint, layout: Layout): string {
  const c = layout.constants;
  const keeps = 'populate keeps a mapping it finds there (vmemmap_verify) and maps new memmap blocks only where none is';
  if (slot >= c.pageOffset && slot < c.pageEnd) {
    const phys = u64(slot - c.pageOffset + toS64(layout.memstart.value));
    return `which is the linear map's entry for phys ${hex(phys)}: ${keeps}`;
  }
  if (slot >= c.vmemmapStart && slot < c.vmemmapEnd) return `which is inside the vmemmap window, where other memory's struct pages may be mapped: ${keeps}`;
  return `which lies outside the linear map and the vmemmap window${regionOf(slot, layout)}: ${keeps}, in VA the kernel may hand out later`;
}

/** From 5.4 (E3, E4) the kernel half runs linear map, then modules/image/vmalloc, the vmemmap window, PCI I/O, fixmap. */
function regionOf(slot: bigint, layout: Layout): string {
  const era = layout.era.value;
  if (era !== 'E3' && era !== 'E4') return '';
  return slot < layout.constants.vmemmapStart ? ' (below it: KASAN shadow, modules, the kernel image or vmalloc)' : ' (above it: PCI I/O or the fixmap)';
}
