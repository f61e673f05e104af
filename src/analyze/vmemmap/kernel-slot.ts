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

/** A `which …` clause: what lies at kernel VA `slot` under `layout`, and so what page-table entries written there overwrite. */
export function slotText(slot: bigint, layout: Layout): string {
  const c = layout.constants;
  if (slot >= c.pageOffset && slot < c.pageEnd) {
    const phys = u64(slot - c.pageOffset + toS64(layout.memstart.value));
    return `which is the linear map's entry for phys ${hex(phys)}: it holds a mapping only if memory lies there`;
  }
  if (slot >= c.vmemmapStart && slot < c.vmemmapEnd) return 'which is inside the vmemmap window: it overwrites the struct pages of other memory';
  return 'which lies outside the linear map and the vmemmap window (modules, vmalloc, PCI I/O or fixmap): it overwrites whatever is mapped there';
}
