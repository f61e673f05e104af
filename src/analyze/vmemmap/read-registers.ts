import type { Splat } from '../../parse/types.js';
import type { Confidence, LayoutConstants } from '../../layout/types.js';
import { hex, u64 } from '../../layout/u64.js';
import type { RegisterReading } from '../types.js';
import { matchLayoutConstant } from './layout-constant-candidates.js';
import { DEFAULT_STRUCT_PAGE_SIZE, MEMMAP_GEOMETRIES } from './memmap-geometries.js';
import { checkSplat } from '../../parse/check-splat.js';

/** Node ids, flags and counts live in registers too; a struct page address is never this small. */
const MIN_PAGE_ADDRESS = 0x10000n;

interface Candidate {
  startReg: string;
  endReg: string;
  start: bigint;
  end: bigint;
  placement: 'arguments' | 'callee-saved' | 'other';
  wholeSection: boolean;
}

/**
 * Finds the `start`/`end` struct page addresses of a vmemmap_populate/vmemmap_free WARN among x0–x30 by what the
 * values must satisfy, not by register name (the compiler may have moved them): both 64-byte aligned, `end - start`
 * a positive multiple of one subsection's memmap and at most one section's. x0/x1 (the AAPCS64 arguments, still live
 * at the WARN in `vmemmap_populate`) win, then the callee-saved x19–x28 (where `vmemmap_free` keeps them across calls).
 */
export function readRegisters(s: Splat): RegisterReading | undefined {
  checkSplat('readRegisters', s);
  return readRegistersUnchecked(s);
}

/** `readRegisters` without the check of its argument: the vmemmap accumulator's, for each of its splats. */
export function readRegistersUnchecked(s: Splat): RegisterReading | undefined {
  const found = bestPairOfTiers(s);
  return found && reading(found.best, found.rivals, xRegisters(s));
}

/** The `start`/`end` that readRegisters finds, without the reading built around them. */
export function readRegisterPair(s: Splat): { start: bigint; end: bigint } | undefined {
  return bestPairOfTiers(s)?.best;
}

function xRegisters(s: Splat): [string, bigint][] {
  return [...s.regs.entries()].filter(([name]) => /^x\d+$/.test(name));
}

function bestPairOfTiers(s: Splat): { best: Candidate; rivals: number } | undefined {
  // Tiers in order of trust; a pair from an earlier tier always wins, so a storm's splats usually stop at x0/x1.
  const args = argumentPair(s);
  if (args) return { best: args, rivals: 0 };
  const regs = xRegisters(s);
  for (const tier of [CALLEE_SAVED, ALL]) {
    const inTier = regs.filter(([name]) => tier.includes(name));
    const found = bestPair(inTier, tier === CALLEE_SAVED ? 'callee-saved' : 'other');
    if (found) return found;
  }
  return undefined;
}

/**
 * The arguments tier, x0 = start and x1 = end: the only pair that tier can have (so it has no rivals), looked up by
 * name rather than by the tier search, which made every splat of a storm list and filter all its registers.
 */
function argumentPair(s: Splat): Candidate | undefined {
  const start = s.regs.get('x0');
  const end = s.regs.get('x1');
  return start === undefined || end === undefined ? undefined : candidate('x0', start, 'x1', end, 'arguments');
}

const CALLEE_SAVED: readonly string[] = Array.from({ length: 10 }, (_, i) => `x${19 + i}`);
const ALL: readonly string[] = Array.from({ length: 31 }, (_, i) => `x${i}`);

function bestPair(regs: readonly [string, bigint][], placement: Candidate['placement']): { best: Candidate; rivals: number } | undefined {
  const candidates: Candidate[] = [];
  for (const [startReg, start] of regs) {
    for (const [endReg, end] of regs) {
      const c = candidate(startReg, start, endReg, end, placement);
      if (c) candidates.push(c);
    }
  }
  candidates.sort((a, b) => Number(b.wholeSection) - Number(a.wholeSection) || regNumber(a.startReg) - regNumber(b.startReg));
  const best = candidates[0];
  if (!best) return undefined;
  const rivals = candidates.filter((c) => c.wholeSection === best.wholeSection && (c.start !== best.start || c.end !== best.end));
  return { best, rivals: rivals.length };
}

function reading(best: Candidate, rivals: number, regs: readonly [string, bigint][]): RegisterReading {
  // The registers read as the range are its start and end, not layout constants: an end that happens to equal one
  // (nouveau's page(pfn 2^32) = E2's VMEMMAP_END) had been listed as such.
  const constantRegs = regs.flatMap(([reg, value]) =>
    reg === best.startReg || reg === best.endReg
      ? []
      : matchLayoutConstant(value).map((m) => ({ reg, constant: m.constant, form: m.form, value, layouts: [...m.layouts] })),
  );
  return {
    start: best.start,
    end: best.end,
    startReg: best.startReg,
    endReg: best.endReg,
    constantRegs,
    confidence: rivals > 0 ? 'low' : confidenceOf(best),
    reason: reasonOf(best, rivals),
  };
}

function candidate(startReg: string, start: bigint, endReg: string, end: bigint, placement: Candidate['placement']): Candidate | undefined {
  if (startReg === endReg || start < MIN_PAGE_ADDRESS) return undefined;
  if (start % BigInt(DEFAULT_STRUCT_PAGE_SIZE) !== 0n) return undefined;
  // `end` may have wrapped past 2^64 while `start` did not: the length is taken mod 2^64 like the kernel's.
  const length = u64(end - start);
  const fits = MEMMAP_GEOMETRIES.filter((g) => length > 0n && length % g.subsectionBytes === 0n && length <= g.maxBytes);
  if (fits.length === 0) return undefined;
  const wholeSection = fits.some((g) => g.sectionBytes.includes(length));
  if (placement === 'arguments' && startReg !== 'x0') return undefined; // start is the first argument
  return { startReg, endReg, start, end, wholeSection, placement };
}

function regNumber(reg: string): number {
  return Number(reg.slice(1));
}

function confidenceOf(c: Pick<Candidate, 'placement' | 'wholeSection'>): Confidence {
  if (c.placement === 'arguments') return c.wholeSection ? 'high' : 'medium';
  if (c.placement === 'callee-saved' && c.wholeSection) return 'medium';
  return 'low';
}

/** What `end - start` is, as the layout-independent search reads it (64-byte struct pages, any SECTION_SIZE_BITS). */
const SPAN_SECTION = ', one whole section of memmap';
const SPAN_SUBSECTIONS = ', whole subsections of memmap';

/**
 * A reading as the finding's layout sees it: the search read `end - start` with 64-byte struct pages, and a layout
 * of another size (80 bytes: 0x280000 is one whole section of 2^15 pages) or SECTION_SIZE_BITS reads the same span
 * otherwise. The reason then says what the span is under that layout, and the confidence of an argument or
 * callee-saved pair follows (a whole section is the surer reading); a pair with rivals stays low.
 */
export function readingUnderLayout(r: RegisterReading, c: LayoutConstants, structPageSize: number): RegisterReading {
  const length = u64(r.end - r.start);
  const whole = length === c.memmapBytesPerSection;
  const span = whole
    ? SPAN_SECTION
    : length % c.memmapBytesPerSubsection === 0n
      ? SPAN_SUBSECTIONS
      : `, no whole number of subsections of ${structPageSize}-byte struct pages`;
  const from = r.reason.includes(SPAN_SECTION) ? SPAN_SECTION : SPAN_SUBSECTIONS;
  if (from === span) return r;
  const placement = r.startReg === 'x0' && r.endReg === 'x1' ? 'arguments' : CALLEE_SAVED.includes(r.startReg) && CALLEE_SAVED.includes(r.endReg) ? 'callee-saved' : 'other';
  const confidence = r.confidence === 'low' ? 'low' : confidenceOf({ placement, wholeSection: whole });
  return { ...r, reason: r.reason.replace(from, span), confidence };
}

function reasonOf(c: Candidate, rivalCount: number): string {
  const length = u64(c.end - c.start);
  const where =
    c.placement === 'arguments'
      ? 'the argument registers'
      : c.placement === 'callee-saved'
        ? 'callee-saved registers'
        : 'scratch registers';
  const span = c.wholeSection ? SPAN_SECTION : SPAN_SUBSECTIONS;
  const base = `${c.startReg}/${c.endReg} (${where}) differ by ${hex(length)}${span}`;
  return rivalCount > 0 ? `${base}; ${rivalCount} other register pair(s) fit as well` : base;
}
