import { computeConstants } from '../../layout/constants.js';
import type { Inferred, Layout } from '../../layout/types.js';
import { memstartAlignShift } from '../../layout/memstart.js';
import { MEMSTART_UNKNOWN_ASSUMPTION } from '../../layout/infer-memstart.js';
import { hex, u64 } from '../../layout/u64.js';

/** memstart sources that are guesses, not readings: a top-of-PA anchor may replace them. */
const UNREAD_SOURCES = new Set(['default', 'version-default', 'heuristic']);

export function memstartWasRead(layout: Layout): boolean {
  return !UNREAD_SOURCES.has(layout.memstart.source.kind);
}

/**
 * Reference §5.3: request_free_mem_region() hands out device-private ranges top-down from 2^MAX_PHYSMEM_BITS
 * (= CONFIG_ARM64_PA_BITS: from a given config, else 48, or 52 on 52-bit VA kernels), so the highest struct page `end` of the first region stands
 * for phys 2^PA_BITS. Then vmemmap = end - (2^PA_BITS >> PAGE_SHIFT) * sizeof(struct page), and memstart follows from
 * vmemmap = VMEMMAP_START - (memstart >> PAGE_SHIFT) * sizeof(struct page). A heuristic: the result is returned only
 * when it is a plausible memstart (a u64 below 2^PA_BITS on the ARM64_MEMSTART_ALIGN grid).
 */
export function anchorMemstart(layout: Layout, highestEnd: bigint): Layout | undefined {
  if (layout.era.value === 'E0') return undefined; // E0 indexes vmemmap by absolute pfn: memstart plays no part
  const sp = BigInt(layout.structPageSize.value);
  const ps = BigInt(layout.pageShift.value);
  const paBits = paBitsOf(layout);
  const paSource = layout.paBits ? 'CONFIG_ARM64_PA_BITS' : 'PA_BITS assumed from VA_BITS';
  const vmemmap = u64(highestEnd - ((1n << paBits) >> ps) * sp);
  const offset = u64(layout.constants.vmemmapStart - vmemmap);
  if (offset % sp !== 0n) return undefined;
  // Off the layout's ARM64_MEMSTART_ALIGN grid (1 GiB for 4K and 16K pages, 512 MiB for 64K, more for larger
  // sections) the kernel could not have chosen it: no anchor.
  const memstart = (offset / sp) << ps;
  if (!isPlausibleMemstart(layout, memstart, paBits)) return undefined;
  const text = `top-of-PA anchor: highest struct page end ${hex(highestEnd)} taken as phys 2^${paBits} (${paSource}; device-private regions are allocated top-down from there)`;
  return withMemstart(layout, { value: memstart, confidence: 'low', source: { kind: 'heuristic', text } });
}

/** PA_BITS: from a given config, else 52 on a 52-bit VA kernel (which needs 52-bit PA), else 48. */
export function paBitsOf(layout: Layout): bigint {
  return BigInt(layout.paBits?.value ?? (layout.vaBits.value === 52 ? 52 : 48));
}

/** On the layout's ARM64_MEMSTART_ALIGN grid and below 2^PA_BITS: a memstart the kernel could have chosen. */
export function isPlausibleMemstart(layout: Layout, memstart: bigint, paBits = paBitsOf(layout)): boolean {
  const align = 1n << BigInt(memstartAlignShift(layout.pageShift.value, layout.sectionShift.value, layout.era.value, layout.release?.value));
  return memstart >= 0n && memstart < 1n << paBits && memstart % align === 0n;
}

/** The layout with memstart set anew and its constants computed again. */
export function withMemstart(layout: Layout, inferred: Inferred<bigint>): Layout {
  const memstart = inferred.value;
  const constants = computeConstants({
    era: layout.era.value,
    pageShift: layout.pageShift.value,
    vaBits: layout.vaBits.value,
    structPageSize: layout.structPageSize.value,
    sectionShift: layout.sectionShift.value,
    memstart,
    ...(layout.kasanShadow && { kasanShadow: layout.kasanShadow }),
    ...(layout.vaBitsActual && { vaBitsActual: layout.vaBitsActual.value }),
  });
  return {
    ...layout,
    // The new source says what memstart rests on now: the note that said it was 0 no longer holds (a real report
    // had said both).
    assumptions: layout.assumptions.filter((a) => a !== MEMSTART_UNKNOWN_ASSUMPTION),
    memstart: inferred,
    constants,
  };
}
