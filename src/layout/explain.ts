import type { WindowPosition } from '../analyze/types.js';
import { UsageError } from '../errors.js';
import { classifyPage, memstartDependentValues, pageToPfn, pfnToPage, pfnToPhys, physToLinearVa, physToPfn, type MemstartDependentValue } from './convert.js';
import { belowWindowNote } from './below-window.js';
import { kasanShadowEnd } from './kasan.js';
import { inLinearMap, linearMapPhysText } from './linear-map.js';
import { warnsIn } from './vmemmap-warn-history.js';
import { MAX_PA_BITS } from './physical-fit.js';
import type { Layout } from './types.js';
import { hex, TWO_POW_63, TWO_POW_64, u64 } from './u64.js';
import { describeValue } from '../util/describe-value.js';
import { checkLayouts } from './check-layout.js';

/** What a number given to `explainValue` is: a struct page address (`addr`), a page frame number or a physical address. */
export type ValueKind = 'addr' | 'pfn' | 'phys';

const VALUE_KINDS: readonly string[] = ['addr', 'pfn', 'phys'] satisfies ValueKind[];

/** `fn`'s `kind` must be a ValueKind, else a UsageError ('bogus' had been explained as a physical address). */
export function checkValueKind(fn: string, kind: unknown): void {
  if (!VALUE_KINDS.includes(kind as string)) throw new UsageError(`${fn}: kind must be one of ${VALUE_KINDS.join(', ')}, not ${describeValue(kind)}`);
}

/**
 * One value seen through one layout (`explainValue`): its struct page, PFN and physical address, and where the
 * struct page sits against the vmemmap window. Addresses and PFNs are u64 bigints, wrapping modulo 2^64 as the
 * kernel's arithmetic does.
 */
export interface Explanation {
  /** The layout's `label`, else its era (`E3`). */
  label: string;
  layout: Layout;
  /** struct page address. */
  page: bigint;
  pfn: bigint;
  /** The physical address given, or PFN << PAGE_SHIFT modulo 2^64 (`labels` says when that overflowed). */
  phys: bigint;
  /** False when an address is not a whole number of struct pages from vmemmap (wrong layout or not a page). */
  exact: boolean;
  /** Linear-map VA of `phys`, when the linear map covers it. */
  linearVa?: bigint;
  position: WindowPosition;
  /** The page address was reached by wrapping past 2^64. */
  wrapped: boolean;
  /** Which arm of `WARN_ON((start < VMEMMAP_START) || (end > VMEMMAP_END))` a one-page range would trip. */
  warnArm: 'start-below' | 'end-above' | 'none';
  /**
   * Whether the layout's kernels have that WARN_ON (vmemmap-warn-history.ts), by the release when there is one:
   * `yes` from 5.12, `free-only` for 5.7–5.11, `no` before. By era without one: `yes` for E3 and E4, `free-only`
   * for E2, `no` before 5.4 (E0, E0b, E1).
   */
  warnInEra: 'yes' | 'free-only' | 'no';
  /**
   * The values above that depend on memstart_addr, in this direction of conversion and era (convert.ts
   * memstartDependentValues): under a memstart nothing gave, these are what the assumed one makes them, the rest exact.
   * `position` stands for the position, the WARN arm, `wrapped` and the notes on the region.
   */
  memstartDependent: MemstartDependentValue[];
  /** Notes in words: the region the page lies in, wrapping, overflow, inexactness, a physical address outside the linear map. */
  labels: string[];
}

const SZ_8M = 1n << 23n;

/** Named regions outside the vmemmap window (asm/memory.h of the era). */
function regionLabels(page: bigint, layout: Layout): string[] {
  const c = layout.constants;
  const era = layout.era.value;
  if (page >= c.pageOffset && page < c.pageEnd) return ["the struct page address lies in the linear map's VA range"];
  // From 5.11 a generic or software-tag KASAN shadow runs from PAGE_END to KASAN_SHADOW_END.
  if (layout.kasanShadow && page >= c.pageEnd && page < kasanShadowEnd(layout.kasanShadow, c.vaBitsMin)) return ['in the KASAN shadow (PAGE_END to KASAN_SHADOW_END)'];
  if (era === 'E4' && page >= c.vmemmapEnd + SZ_8M && page < c.vmemmapEnd + 3n * SZ_8M) return ['in the PCI I/O region (VMEMMAP_END + 8M, 16M)'];
  // 6.9+: FIXADDR_TOP = -8M, and the fixmap grows down from it (FIXADDR_START = FIXADDR_TOP - FIXADDR_SIZE, a
  // size set by the config); the top 8 MiB above it are a guard region.
  if (era === 'E4' && page >= TWO_POW_64 - SZ_8M) return ['in the guard region above FIXADDR_TOP (the top 8 MiB, unmapped)'];
  if (era === 'E4' && page >= c.vmemmapEnd + 3n * SZ_8M) {
    return ['below FIXADDR_TOP (-8M): the fixmap, which grows down from there by a size the config sets, or VA nothing maps'];
  }
  if (page >= c.vmemmapEnd && page >= TWO_POW_63) return ['in the VA between VMEMMAP_END and 2^64 (unused by vmemmap)'];
  if (page < c.vmemmapStart && page >= TWO_POW_63) return [belowWindowNote(page, layout)];
  return [];
}

function explainOne(kind: ValueKind, value: bigint, layout: Layout): Explanation {
  const c = layout.constants;
  const sp = layout.structPageSize.value;
  const ps = layout.pageShift.value;
  const memstart = layout.memstart.value;
  let page: bigint;
  let pfn: bigint;
  let exact = true;
  let wrapped: boolean;
  if (kind === 'addr') {
    page = u64(value);
    ({ pfn, exact } = pageToPfn(page, c, sp));
    wrapped = page < TWO_POW_63;
  } else {
    pfn = kind === 'pfn' ? value : physToPfn(value, ps);
    page = pfnToPage(pfn, c, sp);
    wrapped = c.vmemmapBase + pfn * BigInt(sp) >= TWO_POW_64;
  }
  const phys = kind === 'phys' ? u64(value) : pfnToPhys(pfn, ps);
  const position = classifyPage(page, c);
  const end = page + BigInt(sp);
  const warnArm = page < c.vmemmapStart ? 'start-below' : end > c.vmemmapEnd ? 'end-above' : 'none';
  const labels = regionLabels(page, layout);
  // A page in the user half has that as its position. Far enough past 2^64, pfn_to_page()'s sum comes round into the
  // kernel half again, where the position alone would not tell that it wrapped.
  if (wrapped && page >= TWO_POW_63) labels.push('wrapped past 2^64 (the kernel computes it modulo 2^64)');
  if (kind !== 'phys' && pfn >> BigInt(64 - ps) !== 0n) labels.push(`PFN_PHYS() overflows 64 bits: phys is shown modulo 2^64`);
  if ((kind === 'phys' ? phys : pfn << BigInt(ps)) >> BigInt(MAX_PA_BITS) !== 0n) labels.push(`beyond 2^${MAX_PA_BITS}: no arm64 physical address is this wide`);
  if (!exact) labels.push('not a whole struct page from vmemmap: a different layout or not a struct page');
  if (kind === 'addr' && !wrapped && page < c.vmemmapBase) labels.push(`below vmemmap (pfn 0 at ${hex(c.vmemmapBase)}): the pfn would be negative`);
  const era = layout.era.value;
  // The release says it exactly (5.11 is E3, yet its vmemmap_populate has no WARN); without one, the era roughly.
  const fromRelease = layout.release === undefined ? undefined : warnsIn(layout.release.value);
  const warnInEra = fromRelease ?? (era === 'E3' || era === 'E4' ? 'yes' : era === 'E2' ? 'free-only' : 'no');
  const memstartDependent = memstartDependentValues(kind, era);
  const explanation: Explanation = { label: layout.label ?? layout.era.value, layout, page, pfn, phys, exact, position, wrapped, warnArm, warnInEra, memstartDependent, labels };
  if (inLinearMap(phys, c, memstart)) explanation.linearVa = physToLinearVa(phys, memstart, c);
  else {
    // What the linear map covers starts at memstart: under one nothing gave, say which was taken.
    const assumed = layout.memstart.source.kind === 'default' ? ` (memstart unknown, taken as ${hex(memstart)})` : '';
    labels.push(`physical address outside the linear map, which covers ${linearMapPhysText(c, memstart)}${assumed}`);
  }
  return explanation;
}

/** One value (struct page address, pfn or physical address, 0 to 2^64 - 1) through each layout. */
export function explainValue(kind: ValueKind, value: bigint, layouts: Layout[]): Explanation[] {
  checkValueKind('explainValue', kind);
  // Out of range, u64 arithmetic would quietly wrap it (-1 became 0xffffffffffffffff, 2^70 became 0).
  if (typeof value !== 'bigint' || value < 0n || value >= TWO_POW_64) {
    throw new UsageError(`explainValue: value must be a bigint from 0 to 2^64 - 1, not ${describeValue(value)}`);
  }
  checkLayouts('explainValue', 'layouts', layouts);
  return layouts.map((layout) => explainOne(kind, value, layout));
}
