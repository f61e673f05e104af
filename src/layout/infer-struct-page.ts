import { inferShape, type ShapeInference } from './infer-shape.js';
import type { KernelConfig } from './kconfig.js';
import { pageSizeLabel } from './page-geometry.js';
import { matchRegisterConstants } from './register-match.js';
import { shapeLabel } from './hypotheses.js';
import {
  DEFAULT_STRUCT_PAGE_SIZE,
  defaultStructPageSize,
  inferStructPageSize,
  OTHER_STRUCT_PAGE_SIZES,
  wholeSectionPageShifts,
  type KnownGeometry,
} from './struct-page-size.js';
import { inferred } from './inferred.js';
import type { Inferred, LayoutOverrides } from './types.js';
import { hex, toS64, u64 } from './u64.js';
import { computeConstants, defaultSectionShift } from './constants.js';
import { eraForRelease } from './eras.js';
import type { LayoutEvidence } from './infer.js';

export interface StructPageAndShape {
  structPageSize: Inferred<number>;
  shape: ShapeInference;
}

/**
 * With no 64-byte constant among the registers: the sizes whose constants they hold. From 6.9 (E4) VMEMMAP_START is
 * sized by sizeof(struct page) itself, so one size is named and taken; E2 and E3 size it by order_base_2 of it, so a
 * constant names a range (65 to 128 bytes), said in a note.
 */
function sizeFromConstantAlone(
  constantUnder: (size: number) => string | undefined,
  shapeWith: (size: number) => ShapeInference,
  assumptions: string[],
): StructPageAndShape | undefined {
  const sizes = OTHER_STRUCT_PAGE_SIZES.filter((size) => constantUnder(size) !== undefined);
  const [only] = sizes;
  if (only === undefined) return undefined;
  if (sizes.length > 1) {
    assumptions.push(
      `${constantUnder(only)} for struct pages of ${sizes.join(', ')} bytes, and of no 64-byte layout: sizeof(struct page) taken as ` +
        `${DEFAULT_STRUCT_PAGE_SIZE}; give the kernel's with --struct-page-size`,
    );
    return undefined;
  }
  const structPageSize = inferred(only, 'register', 'medium', { text: `${constantUnder(only)} for ${only}-byte struct pages, and of no 64-byte layout` });
  return { structPageSize, shape: shapeWith(only) };
}

/**
 * Whether the largest call fits struct pages of `size` bytes under `shape`: hot-plug works in whole subsections
 * (mm/sparse-vmemmap.c), so a call is a whole number of subsections' struct pages, and it starts a whole number of
 * them from VMEMMAP_START (memstart_addr, whatever it is, is a multiple of a subsection). Two adjacent 48 MiB
 * regions of a 64-byte kernel had read as 96-byte struct pages; this is what their starts rule out.
 */
function callsFit(e: LayoutEvidence, shape: ShapeInference, size: number, wholeSections: boolean): boolean {
  if (e.largestCall === undefined) return true;
  // A call off the largest one's grid is a region cut where it crossed a section: its calls are no whole sections.
  if (wholeSections && e.callsOnGrid === false) return false;
  let start: bigint;
  let grain: bigint;
  try {
    const pageShift = shape.pageShift.value;
    const c = computeConstants({ era: shape.era.value, pageShift, vaBits: shape.vaBits.value, structPageSize: size, memstart: 0n, sectionShift: defaultSectionShift(undefined, pageShift) });
    start = c.vmemmapStart;
    grain = BigInt(size) * c.pagesPerSubsection;
  } catch {
    return false;
  }
  if (e.largestCall % grain !== 0n) return false;
  if (e.largestCallStart === undefined) return true;
  const offset = toS64(u64(e.largestCallStart - start));
  // A size read as whole sections needs the call to start on a section: a section's memmap (the call) from
  // VMEMMAP_START. Equal partial-section regions end to end on a 64-byte kernel start there only by chance.
  return offset % (wholeSections ? e.largestCall : grain) === 0n;
}

/** Where a page size may come from for a struct page size read from the calls to stand: stated, or a constant of it. */
const PAGE_SIZE_EVIDENCE = new Set(['user', 'config', 'log', 'register']);

/**
 * sizeof(struct page) and the shape (era, page size, VA bits) read with it. The shape is inferred for 64-byte struct
 * pages first; a size read from the calls (struct-page-size.ts) is kept only when the shape inferred with it has a
 * page size that makes those calls whole sections and that something states or a register constant of that size
 * shows. A page size taken by default would let a run of equal partial-section calls on 4K pages (contiguous
 * regions of 14 to 30 subsections) pass for whole 16K or 64K sections of 56 to 120-byte struct pages.
 */
export function inferStructPageAndShape(
  e: LayoutEvidence,
  release: Inferred<string> | undefined,
  config: KernelConfig,
  o: LayoutOverrides,
  assumptions: string[],
): StructPageAndShape {
  const regs = e.registerValues ?? [];
  const shapeWith = (size: number): ShapeInference => inferShape(e.boot, release, config, regs, size, o, e.largestCall, e.startStep, e.callsOnGrid);
  if (o.structPageSize !== undefined) {
    const structPageSize = inferStructPageSize(e, { override: o.structPageSize }, assumptions);
    return { structPageSize, shape: shapeWith(structPageSize.value) };
  }
  const usual = shapeWith(DEFAULT_STRUCT_PAGE_SIZE);
  // A page size read from a register was matched under 64-byte struct pages: it says nothing of another size.
  const stated = (x: Inferred<number>): number | undefined => (['user', 'config', 'log'].includes(x.source.kind) ? x.value : undefined);
  const statedPageShift = stated(usual.pageShift);
  // A VA size the log states may be vabits_actual of a 52-bit kernel (infer-shape.ts): 52 stays possible.
  const statedVaBits = stated(usual.vaBits);
  const statedSectionShift = o.sectionShift ?? config.sectionShift?.value;
  const versionEra = release === undefined ? undefined : eraForRelease(release.value);
  const known: KnownGeometry = {
    ...(statedPageShift !== undefined && { pageShift: statedPageShift }),
    ...(statedSectionShift !== undefined && { sectionShift: statedSectionShift }),
    ...(release !== undefined && { release: release.value }),
  };
  // Constants of one size can be constants of another shape under another size (E3's -2^33 is VMEMMAP_START of
  // 42/64K with 72 to 128-byte struct pages and of 39/4K with 64-byte ones): a hit counts only in the release's
  // era and with the page size and VA size stated.
  const constantUnder = (size: number): string | undefined => {
    const hit = matchRegisterConstants(regs, size).find(
      (h) =>
        h.strong &&
        (statedPageShift === undefined || h.pageShift === statedPageShift) &&
        (statedVaBits === undefined || h.vaBits === statedVaBits || h.vaBits === 52) &&
        (versionEra === undefined || h.era === versionEra),
    );
    return hit && `${hit.reg} = ${hex(hit.registerValue)} is ${hit.constant} of ${shapeLabel(hit)}`;
  };
  const structPageSize = inferStructPageSize(e, { known, constantUnder }, assumptions);
  if (structPageSize.value === DEFAULT_STRUCT_PAGE_SIZE) {
    if (constantUnder(DEFAULT_STRUCT_PAGE_SIZE) !== undefined) return { structPageSize, shape: usual };
    const alone = sizeFromConstantAlone(constantUnder, shapeWith, assumptions);
    return alone !== undefined && callsFit(e, alone.shape, alone.structPageSize.value, false) ? alone : { structPageSize, shape: usual };
  }
  const shape = shapeWith(structPageSize.value);
  const call = e.largestCall;
  if (structPageSize.source.kind !== 'register' || call === undefined) return { structPageSize, shape };
  const size = structPageSize.value;
  const pageShifts = wholeSectionPageShifts(call, size, known);
  if (pageShifts.includes(shape.pageShift.value) && PAGE_SIZE_EVIDENCE.has(shape.pageShift.source.kind)) {
    return callsFit(e, shape, size, true) ? { structPageSize, shape } : { structPageSize: defaultStructPageSize(), shape: usual };
  }
  // A 64-byte constant that gives the page size, and calls that are no whole sections with it: partial calls of an
  // ordinary kernel, nothing to note.
  if (usual.pageShift.source.kind === 'register' && !pageShifts.includes(usual.pageShift.value)) return { structPageSize: defaultStructPageSize(), shape: usual };
  const why = pageShifts.includes(shape.pageShift.value)
    ? `with ${pageShifts.map(pageSizeLabel).join(' or ')} pages, which nothing in the log states`
    : `only with ${pageShifts.map(pageSizeLabel).join(' or ')} pages, not the ${pageSizeLabel(shape.pageShift.value)} pages taken`;
  assumptions.push(
    `calls of ${hex(call)} bytes of memmap are whole sections of ${size}-byte struct pages ${why}: sizeof(struct page) taken as ` +
      `${DEFAULT_STRUCT_PAGE_SIZE}; if it is ${size} bytes, rerun with --struct-page-size ${size} and --page-size`,
  );
  return { structPageSize: defaultStructPageSize(), shape: usual };
}
