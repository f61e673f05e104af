import { inferred } from './inferred.js';
import { defaultSectionShift } from './constants.js';
import { PAGE_SHIFTS, pageSizeLabel } from './page-geometry.js';
import type { Inferred } from './types.js';
import { hex } from './u64.js';

/** What sizeof(struct page) is taken to be without evidence: the size of a production arm64 config. */
export const DEFAULT_STRUCT_PAGE_SIZE = 64;

/**
 * Sizes sizeof(struct page) takes on arm64: a multiple of 8, from 56 (no CONFIG_MEMCG, before struct page was
 * always aligned to two words) through 72 (_last_cpupid outside the page flags) and 80 up to 120 for debug fields.
 */
const PLAUSIBLE = { min: 56, max: 120, multipleOf: 8 };

/** The largest sizeof(struct page) considered: what one call's memmap may reach. */
export const MAX_STRUCT_PAGE_SIZE = PLAUSIBLE.max;

/** The sizes other than 64 that sizeof(struct page) may have (PLAUSIBLE). */
export const OTHER_STRUCT_PAGE_SIZES: readonly number[] = Array.from(
  { length: (PLAUSIBLE.max - PLAUSIBLE.min) / PLAUSIBLE.multipleOf + 1 },
  (_, i) => PLAUSIBLE.min + i * PLAUSIBLE.multipleOf,
).filter((size) => size !== 64);

export interface StructPageEvidence {
  /** The largest struct page range (end - start) one vmemmap_populate/vmemmap_free splat named. */
  largestCall?: bigint;
  /** The step seen most often between the starts of one task's consecutive splats. */
  startStep?: bigint;
  /** False when a call started off the largest call's grid (LayoutEvidence.callsOnGrid). */
  callsOnGrid?: boolean;
}

/** What else is known of the geometry: each narrows the sections a call is tried against. */
export interface KnownGeometry {
  /** PAGE_SHIFT a flag, a config or the log stated (not one inferred from registers under a size assumed). */
  pageShift?: number;
  /** SECTION_SIZE_BITS a flag or a config stated. */
  sectionShift?: number;
  /** The kernel release: SECTION_SIZE_BITS is then its version default. */
  release?: string;
}

export interface StructPageOptions {
  /** `--struct-page-size`. */
  override?: number;
  known?: KnownGeometry;
  /**
   * A register the splats hold that equals a strong VMEMMAP constant (one no alignment mask shares) under struct
   * pages of `size` bytes, in words (`x5 = 0x… is VMEMMAP_START of E4 48-bit/4K`); undefined when none does. The
   * same words for two sizes mean the same constant of the same shape (E2 and E3 share them between 56 and 64 bytes).
   */
  constantUnder?: (size: number) => string | undefined;
}

interface WholeSection {
  size: number;
  pageShift: number;
  sectionShift: number;
}

/**
 * SECTION_SIZE_BITS to try with a page size: the one stated, the release's, else both upstream ones (30 before
 * ~5.12, 27 or 29 after). Vendor sizes between them are not tried: each one tried is one more way for a run of
 * equal calls shorter than a section to pass for whole sections.
 */
function sectionShiftsFor(pageShift: number, known: KnownGeometry): number[] {
  if (known.sectionShift !== undefined) return [known.sectionShift];
  if (known.release !== undefined) return [defaultSectionShift(known.release, pageShift)];
  return [...new Set([defaultSectionShift(undefined, pageShift), defaultSectionShift('5.11', pageShift)])];
}

/** The struct page sizes for which `bytes` of memmap is one whole section of a geometry `known` allows. */
function sizesForWholeSection(bytes: bigint, known: KnownGeometry): WholeSection[] {
  const out: WholeSection[] = [];
  for (const pageShift of known.pageShift === undefined ? PAGE_SHIFTS : [known.pageShift]) {
    for (const sectionShift of sectionShiftsFor(pageShift, known)) {
      const pages = 1n << BigInt(sectionShift - pageShift);
      if (bytes % pages !== 0n) continue;
      const size = Number(bytes / pages);
      if (size >= PLAUSIBLE.min && size <= PLAUSIBLE.max && size % PLAUSIBLE.multipleOf === 0) out.push({ size, pageShift, sectionShift });
    }
  }
  return out;
}

/**
 * A storm walks its region call after call: the most common step between starts is one call, up or down, and no call
 * starts off the grid of the largest (`onGrid` false: a region was cut at a section, so its calls are partial ones).
 */
export function callsFollowEachOther(call: bigint | undefined, step: bigint | undefined, onGrid?: boolean): call is bigint {
  return call !== undefined && step !== undefined && (step === call || step === -call) && onGrid !== false;
}

export function defaultStructPageSize(): Inferred<number> {
  return inferred(DEFAULT_STRUCT_PAGE_SIZE, 'default', 'medium', {
    text: `sizeof(struct page) = ${DEFAULT_STRUCT_PAGE_SIZE} (debug options such as KMSAN enlarge it)`,
  });
}

/** The page sizes (PAGE_SHIFT) with which `call` bytes of memmap are one whole section of `size`-byte struct pages. */
export function wholeSectionPageShifts(call: bigint, size: number, known: KnownGeometry = {}): number[] {
  return [...new Set(sizesForWholeSection(call, known).filter((f) => f.size === size).map((f) => f.pageShift))];
}

/**
 * sizeof(struct page): `--struct-page-size`, else read from a storm that walks whole sections. Each call then maps
 * one section's memmap, PAGES_PER_SECTION (a power of two) struct pages, and the next call starts where it ended.
 * When that length is a whole section for no 64-byte struct page and for one other size, that size is taken. A
 * single call is no proof (a region smaller than a section gives a shorter one): it needs a register holding a
 * VMEMMAP constant of that size and of no 64-byte layout, or it only earns a note.
 */
export function inferStructPageSize(e: StructPageEvidence, opts: StructPageOptions, assumptions: string[]): Inferred<number> {
  if (opts.override !== undefined) return inferred(opts.override, 'user', 'high', { text: `--struct-page-size ${opts.override}` });
  const fallback = defaultStructPageSize();
  const call = e.largestCall;
  if (call === undefined || call <= 0n) return fallback;
  const fits = sizesForWholeSection(call, opts.known ?? {});
  if (fits.length === 0 || fits.some((f) => f.size === DEFAULT_STRUCT_PAGE_SIZE)) return fallback;
  // Of sizes a factor of two apart (56 and 112), the one nearer the usual 64.
  const best = fits.reduce((a, b) => (Math.abs(b.size - DEFAULT_STRUCT_PAGE_SIZE) < Math.abs(a.size - DEFAULT_STRUCT_PAGE_SIZE) ? b : a));
  const geometry = `2^${best.sectionShift - best.pageShift} struct pages of ${best.size} bytes (${pageSizeLabel(best.pageShift)} pages, SECTION_SIZE_BITS ${best.sectionShift})`;
  const constantUnder = opts.constantUnder ?? (() => undefined);
  const constant = constantUnder(best.size);
  // A register holding a VMEMMAP constant of 64-byte struct pages speaks for 64 whatever the calls look like, unless
  // it is the same constant of the same shape under the other size: E2 and E3 size the window by
  // order_base_2(sizeof), so 56 and 64 share their constants, and there the calls decide. A constant of another shape
  // under the other size (72 to 128 share theirs with other shapes' 64-byte ones: E3's -2^33 is VMEMMAP_START of
  // 39/4K with 64-byte struct pages and of 42/64K with 72 to 128-byte ones) leaves 64 taken and the other named:
  // equal partial-section calls end to end start on a multiple of their own length one time in k (k subsections).
  const constant64 = constantUnder(DEFAULT_STRUCT_PAGE_SIZE);
  if (constant64 !== undefined && constant !== constant64) {
    if (constant !== undefined && callsFollowEachOther(call, e.startStep, e.callsOnGrid)) {
      assumptions.push(
        `calls of ${hex(call)} bytes of memmap, each starting where the one before ended, are ${geometry}, and ${constant} for ` +
          `${best.size}-byte struct pages; but ${constant64} for ${DEFAULT_STRUCT_PAGE_SIZE}-byte ones: sizeof(struct page) taken as ` +
          `${DEFAULT_STRUCT_PAGE_SIZE}; if it is ${best.size} bytes, rerun with --struct-page-size ${best.size} and --page-size`,
      );
    }
    return fallback;
  }
  if (!callsFollowEachOther(call, e.startStep, e.callsOnGrid)) {
    if (constant !== undefined && constant64 === undefined) {
      return inferred(best.size, 'register', 'medium', {
        text: `a call of ${hex(call)} bytes of memmap is ${geometry}, and ${constant} for ${best.size}-byte struct pages`,
      });
    }
    assumptions.push(
      `a call of ${hex(call)} bytes of memmap is no whole section of ${DEFAULT_STRUCT_PAGE_SIZE}-byte struct pages, but is ${geometry}: ` +
        `if the kernel's struct page is ${best.size} bytes, rerun with --struct-page-size ${best.size}`,
    );
    return fallback;
  }
  return inferred(best.size, 'register', 'medium', {
    text: `calls of ${hex(call)} bytes of memmap, each starting where the one before ended: ${geometry}; no section holds a whole number of ${DEFAULT_STRUCT_PAGE_SIZE}-byte ones`,
  });
}
