import type { BootFacts } from '../parse/types.js';
import { inferred } from './inferred.js';
import type { KernelConfig } from './kconfig.js';
import { hasMemstartAlign, memstartAlignShift, memstartFromDramStart, memstartOn48BitCpu } from './memstart.js';
import type { Confidence, Era, Inferred, LayoutOverrides } from './types.js';
import { hex } from './u64.js';
import { vaBitsActualFromLog } from './va-bits-actual.js';
import { VMEMMAP_VARIABLE_COMMIT, vmemmapIgnoresPhysOffset } from './vmemmap-base-history.js';
import type { VirtualLayoutMatch } from './virtual-layout-match.js';

/** Said of a layout whose memstart nothing in the log gave: one that a later guess replaces drops it. */
export const MEMSTART_UNKNOWN_ASSUMPTION = 'memstart (PHYS_OFFSET) is unknown: pfns and physical addresses are relative to memstart 0';

export interface MemstartInput {
  boot: BootFacts | undefined;
  config: KernelConfig;
  era: Era;
  pageShift: number;
  vaBits: number;
  vaBitsMin: number;
  sectionShift: number;
  layoutMatch: VirtualLayoutMatch | undefined;
  /** The kernel release, when known: 5.4-5.9 set vmemmap apart from memstart_addr (vmemmap-base-history.ts). */
  release?: string;
  /** memstart an Oops' page and pfn registers gave under this very layout: taken where the log has no memory map. */
  registerMemstart?: Inferred<bigint>;
}

interface DramRange {
  start: bigint;
  /** Inclusive, as printed (`[mem 0x…-0x…fff]`). */
  end: bigint;
  lineNo: number;
  text: string;
}

/** The DRAM the log shows: its `Early memory node ranges` (exact), else its `Zone ranges` (zones may start lower). */
function dramRanges(boot: BootFacts | undefined): { ranges: DramRange[]; exact: boolean } {
  const of = (f: { lineNo: number; text: string }, r: { start: bigint; end: bigint }): DramRange => ({ start: r.start, end: r.end, lineNo: f.lineNo, text: f.text });
  if (boot && boot.nodeRanges.length > 0) return { ranges: boot.nodeRanges.map((f) => of(f, f.value.range)), exact: true };
  return { ranges: (boot?.zoneRanges ?? []).flatMap((f) => (f.value.range ? [of(f, f.value.range)] : [])), exact: false };
}

/** The DRAM start the log shows: the lowest node range start, else the lowest zone start. */
function dramStart(boot: BootFacts | undefined): { start: bigint; lineNo: number; text: string; exact: boolean } | undefined {
  const { ranges, exact } = dramRanges(boot);
  const lowest = ranges.reduce<DramRange | undefined>((lo, r) => (lo === undefined || r.start < lo.start ? r : lo), undefined);
  return lowest && { start: lowest.start, lineNo: lowest.lineNo, text: lowest.text, exact };
}

/** The bytes from the lowest DRAM start to the highest DRAM end the log shows (memblock's DRAM span), if any. */
function dramSpan(boot: BootFacts | undefined): bigint | undefined {
  const { ranges } = dramRanges(boot);
  if (ranges.length === 0) return undefined;
  let lo = ranges[0]!.start;
  let hi = ranges[0]!.end;
  for (const r of ranges) {
    if (r.start < lo) lo = r.start;
    if (r.end > hi) hi = r.end;
  }
  return hi + 1n - lo;
}

/**
 * KASLR moves memstart down by a random multiple of ARM64_MEMSTART_ALIGN when the linear region leaves room for it
 * (init.c, arm64_memblock_init). From 5.11 (97d6786e0669) the room is the linear region less the CPU's PA range,
 * which the log does not give: a linear region above 2^40 (the usual PA size of small cores) counts as "may be
 * randomized". From 4.6 to 5.10 it was the linear region less the DRAM span, so a 39-bit kernel with a few GiB
 * randomizes too; 5.4 and 5.10 stable took 97d6786e0669 later, so there either rule may hold.
 */
function kaslrRisk(input: MemstartInput, notes: string[]): Confidence {
  const { boot, config } = input;
  const enabled = boot?.kaslr?.value ?? config.randomizeBase?.value;
  if (!hasMemstartAlign(input.era, input.release)) return 'high';
  if (enabled === false) return 'high';
  const linearRegion = 1n << BigInt(input.vaBitsMin - 1);
  const beyondPaRange = input.vaBitsMin - 1 > 40;
  if (enabled === true && beyondPaRange) {
    notes.push('KASLR is enabled and the linear region is larger than many CPUs\' PA range: memstart may be randomized, so absolute pfns may be off by a multiple of ARM64_MEMSTART_ALIGN');
    return 'low';
  }
  if (enabled === true && (input.era === 'E1' || input.era === 'E2')) {
    const span = dramSpan(boot);
    const align = 1n << BigInt(memstartAlignShift(input.pageShift, input.sectionShift, input.era, input.release));
    if (span === undefined || linearRegion - span >= align) {
      notes.push(
        `KASLR is enabled and up to 5.10 the linear region (${hex(linearRegion)} bytes) is randomized when it exceeds the DRAM span ` +
          `(${span === undefined ? 'not in the log' : `${hex(span)} bytes`}) by ARM64_MEMSTART_ALIGN: memstart may be randomized, so absolute pfns may be off by a multiple of it`,
      );
      return 'low';
    }
  }
  if (enabled === undefined) notes.push('the log does not say whether KASLR was enabled; memstart assumes no linear-region randomization');
  return 'medium';
}

export function inferMemstart(input: MemstartInput, o: LayoutOverrides, notes: string[]): Inferred<bigint> {
  if (o.memstart !== undefined) {
    const align = 1n << BigInt(memstartAlignShift(input.pageShift, input.sectionShift, input.era, input.release));
    if (o.memstart % align !== 0n) {
      notes.push(`--memstart ${hex(o.memstart)} is not a multiple of ARM64_MEMSTART_ALIGN (${hex(align)}), which memstart_addr always is (the DRAM start rounded down, moved by KASLR in multiples of it): check the value`);
    }
    return inferred(o.memstart, 'user', 'high', { text: `--memstart ${hex(o.memstart)}` });
  }
  const { boot, layoutMatch } = input;
  // The kernel's own memstart_addr, KASLR and the 52-bit adjustment included: nothing to infer, unless vmemmap was
  // set apart from it.
  const apart = vmemmapIgnoresPhysOffset(input.release);
  if (boot?.physOffset && !apart) return inferred(boot.physOffset.value, 'log', 'high', { lineNo: boot.physOffset.lineNo, text: boot.physOffset.text });
  if (boot?.physOffset) {
    const why = `${input.release} set vmemmap from round_down(DRAM start) before KASLR or a CPU without 52-bit VAs moved memstart_addr (before ${VMEMMAP_VARIABLE_COMMIT}, 5.10 and 5.4.94)`;
    if (dramStart(boot) === undefined) {
      notes.push(`${why}: the ${boot.physOffset.text} line may not be the base it used, and the log has no memory map to tell`);
      return inferred(boot.physOffset.value, 'log', 'medium', { lineNo: boot.physOffset.lineNo, text: boot.physOffset.text });
    }
    notes.push(`${why}: the memory map gives its base, not the ${boot.physOffset.text} line`);
  }
  if (input.era === 'E0' && layoutMatch?.dramStart !== undefined && layoutMatch.actualFact) {
    // E0 indexes vmemmap by absolute pfn, so the `actual` vmemmap start is page(first DRAM pfn).
    return inferred(layoutMatch.dramStart, 'log', 'medium', {
      lineNo: layoutMatch.actualFact.lineNo,
      text: `${layoutMatch.actualFact.text} → first DRAM pfn ${hex(layoutMatch.dramStart >> BigInt(input.pageShift))}`,
    });
  }
  const dram = dramStart(boot);
  const fromActual = dram?.exact === true ? memstartFromActualVmemmap(input, dram.start) : undefined;
  if (fromActual) return fromActual;
  if (!dram) {
    if (input.registerMemstart) return input.registerMemstart;
    notes.push(MEMSTART_UNKNOWN_ASSUMPTION);
    return inferred(0n, 'default', 'low', { text: 'memstart unknown (no memory ranges in the log)' });
  }
  let value = memstartFromDramStart(dram.start, input.pageShift, input.sectionShift, input.era, input.release);
  const align = memstartAlignShift(input.pageShift, input.sectionShift, input.era, input.release);
  let text = `round_down(${hex(dram.start)}, 2^${align}) from ${dram.text}`;
  // Where vmemmap ignored KASLR's move of memstart_addr, the unmoved value is exact.
  let confidence = apart ? 'high' : kaslrRisk(input, notes);
  if (!dram.exact && confidence === 'high') confidence = 'medium';
  if (boot?.memoryTooBig) {
    notes.push('"Memory doesn\'t fit in the linear mapping": DRAM past the linear map\'s reach was dropped, and memstart moved up if the kernel image lay past it; the value from the memory map is only a lower bound');
    confidence = 'low';
  }
  const actual = vaBitsActualFromLog(boot, input.era, input.vaBits, input.vaBitsMin);
  if (input.vaBits === 52 && actual !== undefined && actual.value < 52) {
    value = memstartOn48BitCpu(value, input.vaBitsMin);
    text += `, minus 2^52 - 2^${input.vaBitsMin} (52-bit kernel on a CPU without 52-bit VAs)`;
  }
  // Whether the CPU has the kernel's 52-bit VAs moves memstart_addr by 2^52 - 2^VA_BITS_MIN: unknown, no better than medium.
  if (input.vaBits === 52 && actual === undefined && confidence === 'high') confidence = 'medium';
  return inferred(value, 'log', confidence, { lineNo: dram.lineNo, text });
}

/**
 * E0b/E1 (4.5–5.3): the `actual` vmemmap line of the layout block is page(DRAM start) under vmemmap =
 * VMEMMAP_START - (memstart_addr >> PAGE_SHIFT), so memstart = DRAM start - that many pages: exact, whatever KASLR did.
 * Not used when the result is off ARM64_MEMSTART_ALIGN (a line from another boot, or a misread).
 */
function memstartFromActualVmemmap(input: MemstartInput, dram: bigint): Inferred<bigint> | undefined {
  const m = input.layoutMatch;
  if (m?.pagesBelowDram === undefined || m.actualFact === undefined || (input.era !== 'E0b' && input.era !== 'E1')) return undefined;
  const value = dram - (m.pagesBelowDram << BigInt(input.pageShift));
  const align = BigInt(memstartAlignShift(input.pageShift, input.sectionShift, input.era, input.release));
  if (value < 0n || value % (1n << align) !== 0n) return undefined;
  const text = `${hex(dram)} (DRAM start) - ${hex(m.pagesBelowDram)} pages, from ${m.actualFact.text}`;
  return inferred(value, 'log', 'high', { lineNo: m.actualFact.lineNo, text });
}
