import type { Layout } from '../../layout/types.js';
import { hex } from '../../layout/u64.js';
import { linearMapFirstPhys } from '../../layout/linear-map.js';
import { compareVersions, parseRelease } from '../../layout/eras.js';
import type { VmemmapOp } from '../types.js';

export interface NextStepInput {
  op: VmemmapOp;
  devicePrivate: boolean;
  family: string;
  layout: Layout;
  /** First physical address the vmemmap window does not cover. */
  linearMapPhysEnd: bigint;
  /** Which side of the linear map the range lies on, when the registers said. */
  side?: 'below' | 'above';
  /** End (exclusive) of the range's physical addresses, when memstart is known rather than assumed. */
  physEnd?: bigint;
}

/** What a kernel developer can do about it, with the state of each upstream discussion (reference §7). */
export function nextSteps(i: NextStepInput): string[] {
  const steps: string[] = [];
  if (i.devicePrivate) {
    steps.push(
      placementStep(i),
      `Not a fix: John Hubbard's "arm64/mm: don't WARN when alloc/free-ing device private pages" (2023-04) and its ` +
        `WARN_ON_ONCE variant were not applied; Ard Biesheuvel: "I don't think this is a false positive", "it should be a hard error".`,
      `D Scott Phillips' "arm64: limit MAX_PHYSMEM_BITS based on vmemmap" (2024-07) was not applied; his ` +
        `request_free_mem_region/arch_get_mappable_range v2 was superseded by his v3, eeb8fdfcf090 above.`,
    );
  } else if (i.family === 'misaligned hot-remove') {
    steps.push('Check that the removed range is the one that was added, on section/subsection boundaries (remove_memory / arch_remove_memory callers).');
  } else {
    steps.push(
      `${unmappable(i)} cannot be mapped by this layout: arch_get_mappable_range() should ` +
        `refuse it; check where firmware/ACPI/dax placed the range and whether that path calls mhp_range_allowed().`,
    );
  }
  steps.push(...configSteps(i.layout, i.physEnd, i.devicePrivate));
  if (i.op === 'init-zone-device' || i.layout.era.value === 'E4') {
    steps.push(
      'On 6.9+ (32697ff38287, VMEMMAP_END = -1 GiB) only 1 GiB of VA lies above the window, holding PCI I/O and the ' +
        'fixmap: struct pages that run past it wrap into the user half, and the WARN is followed by a fault; those that ' +
        'stay within it can land on PCI I/O or the fixmap.',
    );
  }
  return steps;
}

/** The releases of the two commits that place device-private memory inside the linear map's reach on arm64. */
const SEARCH_BELOW_PHYSMEM_END = { major: 6, minor: 11 };
const ARM64_PHYSMEM_END = { major: 6, minor: 12 };

/** Step 1 for device-private memory, said for the release the log runs: it may already have one fix or both. */
function placementStep(i: NextStepInput): string {
  const end = `__pa(PAGE_END - 1) = ${hex(i.linearMapPhysEnd - 1n)} here` +
    `${i.layout.memstart.source.kind === 'default' ? ` (memstart assumed ${hex(i.layout.memstart.value)}: add yours)` : ''}`;
  const search = 'ea72ce5da228 ("x86/kaslr: Expose and use the end of the physical memory address space", 6.11)';
  const arm64 = 'eeb8fdfcf090 ("arm64: Expose the end of the linear map in PHYSMEM_END", 6.12)';
  const release = i.layout.release && i.layout.release.source.kind !== 'default' ? i.layout.release.value : undefined;
  const version = release === undefined ? undefined : parseRelease(release);
  if (version && compareVersions(version, ARM64_PHYSMEM_END) >= 0) {
    return (
      `This kernel, ${release}, is of a release that has both ${search} and ${arm64}: request_free_mem_region() ` +
      `should have placed device-private memory below PHYSMEM_END, ${end}. That it did not points at a tree without ` +
      `one of them (a vendor kernel: look for PHYSMEM_END, later DIRECT_MAP_PHYSMEM_END, in ` +
      `arch/arm64/include/asm/memory.h), or at a driver that does not take its region from request_free_mem_region().`
    );
  }
  if (version && compareVersions(version, SEARCH_BELOW_PHYSMEM_END) >= 0) {
    return (
      `Place device-private memory inside the window: this kernel, ${release}, has ${search}, so ` +
      `request_free_mem_region() searches below PHYSMEM_END, but not ${arm64}, which sets arm64's PHYSMEM_END to the ` +
      `end of the linear map, ${end}; without it the search starts at the top of 2^MAX_PHYSMEM_BITS. Backport it or ` +
      `move to 6.12+ (Will Deacon dropped its Cc: stable when he applied it, as PHYSMEM_END was then only in linux-next).`
    );
  }
  return (
    `Place device-private memory inside the window: request_free_mem_region() searches below PHYSMEM_END since ` +
    `${search}, and arm64 sets PHYSMEM_END to the end of the linear map, ${end}, since ${arm64}. A kernel needs both: ` +
    `move to one that has them, or backport the two; check a stable branch for each, as one may be there without the ` +
    `other (Will Deacon dropped eeb8fdfcf090's Cc: stable when he applied it, as PHYSMEM_END was then only in ` +
    `linux-next; PHYSMEM_END was later renamed DIRECT_MAP_PHYSMEM_END).`
  );
}

/** The memory the linear map (and so the vmemmap window) leaves out, on the range's side of it. */
function unmappable(i: NextStepInput): string {
  const start = linearMapFirstPhys(i.layout.constants, i.layout.memstart.value);
  if (i.side === 'above') return `Memory above phys ${hex(i.linearMapPhysEnd)}`;
  const what = start === i.layout.memstart.value ? 'memstart_addr, where the linear map starts' : "where the linear map's first usable VA maps";
  if (i.side === 'below') return `Memory below phys ${hex(start)} (${what})`;
  return `Memory outside phys ${hex(start)}-${hex(i.linearMapPhysEnd)}`;
}

const LINEAR_MAP_BYTES_48 = 1n << 47n;
/** A 52-bit kernel's linear map: PAGE_OFFSET -2^52 up to PAGE_END, -2^(VA_BITS_MIN - 1) = -2^47. */
const LINEAR_MAP_BYTES_52 = (1n << 52n) - (1n << 47n);

/**
 * Why VA_BITS=52 alone does not bring device-private memory inside: before PHYSMEM_END, request_free_mem_region()
 * takes the region from the top of 2^MAX_PHYSMEM_BITS (CONFIG_ARM64_PA_BITS), and arch/arm64/Kconfig has
 * `ARM64_PA_BITS_48 depends on ARM64_64K_PAGES || !ARM64_VA_BITS_52` (LPA2, 6.9).
 */
function va52Text(memstart: bigint, devicePrivate: boolean): string {
  const reach =
    `VA_BITS=52 (64K pages since 5.4, 4K/16K with LPA2 since 6.9) maps phys up to ${hex(memstart + LINEAR_MAP_BYTES_52)}, ` +
    `but only on CPUs with 52-bit VAs: on 48-bit hardware the layout falls back to 48 bits.`;
  if (!devicePrivate) return reach;
  return (
    `${reach} It is no fix on its own: without the PHYSMEM_END change the region is taken from the top of ` +
    `2^CONFIG_ARM64_PA_BITS, and with 4K or 16K pages VA_BITS=52 forces PA_BITS=52 (arch/arm64/Kconfig), so the ` +
    `region moves to just below 2^52, past that map again; only 64K pages with PA_BITS=48 keep it where the larger map reaches.`
  );
}

function configSteps(layout: Layout, physEnd: bigint | undefined, devicePrivate: boolean): string[] {
  const va = layout.vaBits.value;
  const memstart = layout.memstart.value;
  if (va < 48) {
    const small = `CONFIG_ARM64_VA_BITS=${va} leaves a linear map (and vmemmap) of 2^${layout.constants.vaBitsMin - 1} bytes of physical space`;
    if (physEnd === undefined) return [`${small}: use VA_BITS=48 or 52 for device memory.`];
    // A 48-bit linear map covers 2^47 bytes from memstart.
    const reach48 = memstart + LINEAR_MAP_BYTES_48;
    if (physEnd <= reach48) return [`${small}: VA_BITS=48 maps phys up to ${hex(reach48)}, which covers this range.`];
    return [`${small}. VA_BITS=48 would map phys only up to ${hex(reach48)}, short of this range's end ${hex(physEnd)}. ${va52Text(memstart, devicePrivate)}`];
  }
  if (va === 48) return [`CONFIG_ARM64_${va52Text(memstart, devicePrivate)}`];
  return [];
}
