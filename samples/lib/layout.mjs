// The sample generator's only arithmetic: vmemwarn's own layout model (built into dist/ by `npm run build`), so
// the samples and the analyzer share one implementation of the kernel formulas and the tests re-derive them apart.
import { computeConstants } from '../../dist/layout/constants.js';
import { pfnToPage } from '../../dist/layout/convert.js';

/**
 * A layout with helpers: `page(pfn)` is pfn_to_page() as the kernel computes it (mod 2^64). sizeof(struct page) is
 * 64 unless a scenario models a kernel whose struct page is larger.
 */
export function layoutFor({ era, pageShift, vaBits, memstart, sectionShift, structPageSize = 64 }) {
  const c = computeConstants({ era, pageShift, vaBits, structPageSize, memstart, sectionShift });
  return {
    constants: c,
    pageShift,
    page: (pfn) => pfnToPage(pfn, c, structPageSize),
    pfnOfPhys: (phys) => phys >> BigInt(pageShift),
  };
}

/**
 * The `vmemmap_populate`/`vmemmap_free` calls `__add_pages`/`__remove_pages` make for the physical range
 * [physStart, physEnd): one per section, each cut at section boundaries (mm/memory_hotplug.c).
 */
export function sectionCalls(layout, physStart, physEnd) {
  const pps = layout.constants.pagesPerSection;
  const calls = [];
  let pfn = layout.pfnOfPhys(physStart);
  const endPfn = layout.pfnOfPhys(physEnd);
  while (pfn < endPfn) {
    const next = (pfn / pps + 1n) * pps;
    const stop = next < endPfn ? next : endPfn;
    calls.push({ start: layout.page(pfn), end: layout.page(stop) });
    pfn = stop;
  }
  return calls;
}
