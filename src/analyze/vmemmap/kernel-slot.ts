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

/** PCI I/O and the fixmap in 5.4-6.8: within 32 MiB of VMEMMAP_START (E3: FIXADDR_TOP = VMEMMAP_START - SZ_32M) and the fixmap's size. */
const SZ_64M = 64n << 20n;

/**
 * What lies beside the vmemmap window, by era (asm/memory.h): from 6.9 (E4) PCI I/O and the fixmap sit above it
 * (PCI_IO_START = VMEMMAP_END + SZ_8M, FIXADDR_TOP = -SZ_8M) and vmalloc below; in 5.4-6.8 (E2, E3) PCI I/O and the
 * fixmap sit just below it (PCI_IO_END = VMEMMAP_START - SZ_2M or SZ_8M) and nothing is mapped above it (E2's 2 MiB
 * guard to the top; E3's window fills half its slot). Before 5.4 the linear map lies above it.
 */
function regionOf(slot: bigint, layout: Layout): string {
  const era = layout.era.value;
  if (era !== 'E2' && era !== 'E3' && era !== 'E4') return '';
  const start = layout.constants.vmemmapStart;
  if (slot >= start) return era === 'E4' ? ' (above it: PCI I/O or the fixmap)' : ' (above it: VA nothing maps)';
  if (era !== 'E4' && slot >= start - SZ_64M) return ' (just below it: PCI I/O or the fixmap)';
  return ' (below it: KASAN shadow, modules, the kernel image or vmalloc)';
}
