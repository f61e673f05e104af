import type { Layout } from '../../layout/types.js';
import { hex, u64 } from '../../layout/u64.js';
import type { RegisterValue } from '../../layout/register-match.js';
import { isPlausibleMemstart, paBitsOf, withMemstart } from './anchor-memstart.js';

/** What the Oops of a wrapped ZONE_DEVICE struct page shows: the address it faulted on, and its x registers. */
export interface FaultRegisters {
  faultAddress: bigint;
  registers: readonly Required<RegisterValue>[];
}

/** `__init_zone_device_page(struct page *page, unsigned long pfn, …)` takes its pfn in x1. */
const PFN_REGISTER = 'x1';

/**
 * memstart from the Oops' own registers: one holds the struct page the fault is in (the fault lands on a field a few
 * bytes in), x1 that page's pfn, as `__init_zone_device_page(page, pfn, …)` was called with it (another register that
 * merely yields an aligned memstart is no evidence: an end pfn 1 GiB on would give one too). Then
 * vmemmap = page - pfn * sizeof(struct page), and vmemmap = VMEMMAP_START - (memstart >> PAGE_SHIFT) *
 * sizeof(struct page) gives memstart. Taken only when exactly one plausible memstart comes out (on the
 * ARM64_MEMSTART_ALIGN grid, below 2^PA_BITS): a register that merely looks like a pfn gives none or another one.
 */
export function memstartFromPfnRegister(layout: Layout, fault: FaultRegisters): Layout | undefined {
  if (layout.era.value === 'E0') return undefined; // E0 indexes vmemmap by absolute pfn: memstart plays no part
  const sp = BigInt(layout.structPageSize.value);
  const ps = BigInt(layout.pageShift.value);
  const paBits = paBitsOf(layout);
  const pfn = fault.registers.find((r) => r.reg === PFN_REGISTER);
  if (pfn === undefined || pfn.value === 0n || pfn.value >= (1n << paBits) >> ps) return undefined;
  const pages = fault.registers
    .filter((r) => fault.faultAddress >= r.value && fault.faultAddress - r.value < sp)
    .sort((a, b) => rank(a.reg) - rank(b.reg));
  // The memstart each register holding the page gives, with the first such register (x0 first) for its provenance.
  const found = new Map<bigint, Required<RegisterValue>>();
  for (const page of pages) {
    const offset = u64(layout.constants.vmemmapStart - u64(page.value - pfn.value * sp));
    if (offset % sp !== 0n) continue;
    const memstart = (offset / sp) << ps;
    if (isPlausibleMemstart(layout, memstart, paBits) && !found.has(memstart)) found.set(memstart, page);
  }
  const only = found.size === 1 ? [...found][0] : undefined;
  if (only === undefined) return undefined;
  const [memstart, page] = only;
  return withMemstart(layout, {
    value: memstart,
    confidence: 'medium',
    source: {
      kind: 'register',
      reg: `${page.reg}, ${pfn.reg}`,
      lineNo: page.lineNo,
      text: `${page.reg} = struct page ${hex(page.value)}, ${pfn.reg} = its pfn ${hex(pfn.value)} (__init_zone_device_page(page, pfn)): vmemmap ${hex(u64(page.value - pfn.value * sp))}`,
    },
  });
}

/** x0, the page argument, first; then the others in order. */
function rank(reg: string): number {
  return reg === 'x0' ? -1 : Number(reg.slice(1));
}
