import type { BootFacts } from '../parse/types.js';
import { find52BitVaFeature } from './cpu-features.js';
import { eraForRelease, eraIndex } from './eras.js';
import { eraSupportsVaBits, firstEraWithVaBits, type Shape, shapeLabel } from './hypotheses.js';
import { inferred } from './inferred.js';
import type { KernelConfig } from './kconfig.js';
import { PAGE_SHIFTS, pageShiftForSize, pageSizeLabel, VA_BITS_CHOICES } from './page-geometry.js';
import { pgtableGeometry } from './pgtable-geometry.js';
import { pageShiftOfDentryHash } from './dentry-hash-page-size.js';
import { matchRegisterConstants, type ConstantHit, type RegisterValue } from './register-match.js';
import { callsFollowEachOther, wholeSectionPageShifts } from './struct-page-size.js';
import type { Era, Inferred, LayoutOverrides } from './types.js';
import { hex, toS64 } from './u64.js';
import { vaBitsMin } from './constants.js';
import { matchVirtualLayout, type VirtualLayoutMatch } from './virtual-layout-match.js';

export interface ShapeInference {
  era: Inferred<Era>;
  pageShift: Inferred<number>;
  vaBits: Inferred<number>;
  layoutMatch?: VirtualLayoutMatch;
  notes: string[];
}

interface Fixed {
  era?: Inferred<Era>;
  pageShift?: Inferred<number>;
  vaBits?: Inferred<number>;
  /**
   * vaBits is from the `pgtable:` line, which prints vabits_actual: a 52-bit kernel on a CPU without 52-bit VAs
   * prints its VA_BITS_MIN (48; 47 with 16K pages from 6.9), so a register constant of a 52-bit layout may still say 52.
   */
  vaBitsMayBe52?: true;
}

/** 4K unless the VA size rules it out (the LVA feature on a pre-6.9 kernel means 64K pages). */
function defaultPageShift(era: Era, vaBits: number | undefined): Inferred<number> {
  const pageShift = PAGE_SHIFTS.find((shift) => vaBits === undefined || eraSupportsVaBits(era, shift, vaBits));
  if (pageShift === undefined || pageShift === 12) return inferred(12, 'default', 'low', { text: 'no page size known: assuming 4K' });
  const text = `no page size known: ${vaBits}-bit VAs in ${era} need ${pageSizeLabel(pageShift)} pages or larger`;
  return inferred(pageShift, 'default', 'low', { text });
}

/**
 * The VA size KIMAGE_VADDR (`Kernel Offset: … from 0x…`) gives in an era: VA_BITS before 5.4, VA_BITS_MIN from 5.4.
 * The image sits just above the modules region (and KASAN's shadow, where built in), which starts at the base of the
 * kernel's half of the VA space: VA_START, -2^VA_BITS, before 5.4 (E0-E1); _PAGE_END(VA_BITS_MIN),
 * -2^(VA_BITS_MIN - 1), from 5.4 (E2+). Those regions are a small part of the half, so the bit length of
 * -KIMAGE_VADDR is the half's: 0xffffff8008000000 (4.19) and 0xffffffc010000000 (5.4) are both 39-bit kernels,
 * 0xffff800080000000 (6.x) a 48-bit one. With no era, only a bit length that one of them makes a VA size speaks.
 */
function vaBitsOfKimageVaddr(kimage: bigint, era: Era | undefined): { vaBits: number; fromEra2: boolean } | undefined {
  if (kimage < 1n << 63n) return undefined;
  const bits = ((1n << 64n) - kimage).toString(2).length;
  const before = VA_BITS_CHOICES.includes(bits) ? bits : undefined;
  const from = VA_BITS_CHOICES.includes(bits + 1) ? bits + 1 : undefined;
  if (era !== undefined) {
    const fromEra2 = eraIndex(era) >= eraIndex('E2');
    const vaBits = fromEra2 ? from : before;
    return vaBits === undefined ? undefined : { vaBits, fromEra2 };
  }
  if (before !== undefined && from === undefined) return { vaBits: before, fromEra2: false };
  if (from !== undefined && before === undefined) return { vaBits: from, fromEra2: true };
  return undefined;
}

/** Page size and VA bits stated directly by the user, a config, or the log (strongest first). */
function directEvidence(boot: BootFacts | undefined, config: KernelConfig, o: LayoutOverrides, versionEra: Era | undefined): Fixed {
  const fixed: Fixed = {};
  const pgtable = pgtableGeometry(boot);
  const dentryShift = boot?.dentryHash && pageShiftOfDentryHash(boot.dentryHash.value);
  if (o.era) fixed.era = inferred(o.era, 'user', 'high', { text: `--era ${o.era}` });
  if (o.pageSizeBytes !== undefined) {
    const shift = pageShiftForSize(o.pageSizeBytes);
    fixed.pageShift = inferred(shift, 'user', 'high', { text: `--page-size ${pageSizeLabel(shift).toLowerCase()}` });
  } else if (config.pageShift) {
    fixed.pageShift = inferred(config.pageShift.value, 'config', 'high', { lineNo: config.pageShift.lineNo, text: config.pageShift.text });
  } else if (boot?.pgtable && pgtable) {
    fixed.pageShift = inferred(pgtable.pageShift, 'log', 'high', { lineNo: boot.pgtable.lineNo, text: boot.pgtable.text });
  } else if (boot?.dentryHash && dentryShift !== undefined) {
    const { order, bytes } = boot.dentryHash.value;
    const text = `${boot.dentryHash.text}: ${bytes} bytes = 2^${Math.log2(bytes)} at order ${order}, so PAGE_SHIFT ${dentryShift}`;
    fixed.pageShift = inferred(dentryShift, 'log', 'high', { lineNo: boot.dentryHash.lineNo, text });
  }
  const feature52 = find52BitVaFeature(boot);
  if (o.vaBits !== undefined) fixed.vaBits = inferred(o.vaBits, 'user', 'high', { text: `--va-bits ${o.vaBits}` });
  else if (config.vaBits) fixed.vaBits = inferred(config.vaBits.value, 'config', 'high', { lineNo: config.vaBits.lineNo, text: config.vaBits.text });
  else if (feature52) fixed.vaBits = inferred(52, 'log', 'high', { lineNo: feature52.lineNo, text: feature52.text });
  else if (boot?.physOffset && toS64(boot.physOffset.value) < -LARGEST_48_BIT_LINEAR_MAP && (pgtable === undefined || mayBe52Bit(pgtable))) {
    // memstart_addr only goes below DRAM by what randomization and the 52-bit-on-48-bit adjustment take off; with
    // VA_BITS <= 48 the linear region, and so both, are at most 2^47.
    const text = `${boot.physOffset.text}: more than 2^47 below zero, which only a 52-bit kernel's memstart_addr can be`;
    fixed.vaBits = inferred(52, 'log', 'medium', { lineNo: boot.physOffset.lineNo, text });
  } else if (boot?.pgtable && pgtable) {
    // show_pte prints vabits_actual: a 52-bit kernel on a 48-bit CPU prints 48 (its vmemmap base is the same, its
    // VMEMMAP_START is not).
    fixed.vaBits = inferred(pgtable.vaBits, 'log', 'high', { lineNo: boot.pgtable.lineNo, text: boot.pgtable.text });
    if (mayBe52Bit(pgtable)) fixed.vaBitsMayBe52 = true;
  } else if (boot?.kimageVaddr) {
    const kimage = boot.kimageVaddr;
    const fromImage = vaBitsOfKimageVaddr(kimage.value, fixed.era?.value ?? versionEra);
    if (fromImage) {
      const what = fromImage.fromEra2 ? 'VA_BITS_MIN' : 'VA_BITS';
      const base = fromImage.fromEra2 ? `_PAGE_END(${fromImage.vaBits})` : `VA_START of ${fromImage.vaBits} bits`;
      const text = `${kimage.text}: KIMAGE_VADDR just above ${base}, so ${what} ${fromImage.vaBits}`;
      fixed.vaBits = inferred(fromImage.vaBits, 'log', 'medium', { lineNo: kimage.lineNo, text });
      // A 52-bit kernel's VA_BITS_MIN is 48 (47 with 16K pages from 6.9).
      if (fromImage.fromEra2 && (fromImage.vaBits === 48 || fromImage.vaBits === 47)) fixed.vaBitsMayBe52 = true;
    }
  }
  return fixed;
}

const LARGEST_48_BIT_LINEAR_MAP = 1n << 47n;

/** A `pgtable:` line's VA bits are the VA_BITS_MIN of a 52-bit kernel with its page size (memory.h vaBitsMin). */
function mayBe52Bit(pgtable: { pageShift: number; vaBits: number }): boolean {
  return pgtable.vaBits === vaBitsMin('E4', pgtable.pageShift, 52) || pgtable.vaBits === vaBitsMin('E3', pgtable.pageShift, 52);
}

function fits(shape: Shape, fixed: Fixed): boolean {
  return (
    (fixed.era === undefined || fixed.era.value === shape.era) &&
    (fixed.pageShift === undefined || fixed.pageShift.value === shape.pageShift) &&
    (fixed.vaBits === undefined || fixed.vaBits.value === shape.vaBits || (fixed.vaBitsMayBe52 === true && shape.vaBits === 52))
  );
}

/** `--va-bits settles it`: the flags for what the shapes a register allows differ in, and only those. */
function settlingFlags(hit: Shape, allowed: readonly Shape[]): string {
  const differs = (field: keyof Shape) => allowed.some((a) => a[field] !== hit[field]);
  const flags = [differs('era') && '--era', differs('pageShift') && '--page-size', differs('vaBits') && '--va-bits'].filter((f) => f !== false);
  return `${flags.join(' and ')} ${flags.length === 1 ? 'settles' : 'settle'} it`;
}

/** Prefer the version's era, then 4K pages and 48-bit VAs (the common configuration). */
function preference(shape: Shape, versionEra: Era | undefined): number {
  return (shape.era === versionEra ? 0 : 4) + (shape.pageShift === 12 ? 0 : 2) + (shape.vaBits === 48 ? 0 : 1);
}

function best<T extends Shape>(candidates: T[], versionEra: Era | undefined): T | undefined {
  return [...candidates].sort((a, b) => preference(a, versionEra) - preference(b, versionEra))[0];
}

const shapeKey = (s: Shape): string => `${s.era}/${s.pageShift}/${s.vaBits}`;

/**
 * The shapes the registers allow besides the chosen hit's: those its register also fits, kept only where every
 * other register with a hit fits them too (a register that fits none of them is left out rather than emptying the
 * set). One value can be a constant of two layouts: 0xfffffc0000000000 is VMEMMAP_START of E3 48-bit/4K and of
 * E3 52-bit/64K.
 */
function shapesAllowed(hit: ConstantHit, hits: readonly ConstantHit[]): Shape[] {
  const byReg = new Map<string, Set<string>>();
  for (const h of hits) {
    let keys = byReg.get(h.reg);
    if (keys === undefined) byReg.set(h.reg, (keys = new Set()));
    keys.add(shapeKey(h));
  }
  let allowed = hits.filter((h) => h.reg === hit.reg);
  for (const [reg, keys] of byReg) {
    if (reg === hit.reg) continue;
    const narrowed = allowed.filter((h) => keys.has(shapeKey(h)));
    if (narrowed.length > 0) allowed = narrowed;
  }
  return allowed;
}


/**
 * Names each register whose strong hits all lie in eras before the release's (the report lists it as a constant, so
 * the reader is told why it was not taken).
 */
function notePredatingHits(
  older: readonly ConstantHit[],
  kept: readonly ConstantHit[],
  release: Inferred<string> | undefined,
  versionEra: Era | undefined,
  notes: string[],
): void {
  if (release === undefined || versionEra === undefined) return;
  const keptRegs = new Set(kept.map((h) => h.reg));
  for (const reg of new Set(older.filter((h) => h.strong && !keptRegs.has(h.reg)).map((h) => h.reg))) {
    const ofReg = older.filter((h) => h.reg === reg && h.strong);
    const what = [...new Set(ofReg.map((h) => `${h.constant} of ${shapeLabel(h)}`))].join(' and ');
    notes.push(`${reg} = ${hex(ofReg[0]!.registerValue)} is ${what}: not taken, as ${release.value} has a later layout (${versionEra})`);
  }
}

function hitText(h: ConstantHit): string {
  return `${h.reg} = ${hex(h.registerValue)} is ${h.constant}${h.form === 'exact' ? '' : ` (${h.form})`} of ${shapeLabel(h)}`;
}

/**
 * The first era with the VA size and page size a user or a config gave, when the era taken so far (from the release)
 * or the default one lacks them: 52-bit VAs came with 64K pages in 5.4 (E2), with 4K and 16K (LPA2) in 6.9 (E4). A
 * config of such a kernel must not be a usage error because its log does not name the release. A release that said
 * otherwise gets a note.
 */
function eraNeededFor(
  era: Inferred<Era> | undefined,
  pageShift: Inferred<number> | undefined,
  vaBits: Inferred<number> | undefined,
  notes: string[],
): Inferred<Era> | undefined {
  if (!pageShift || !vaBits || (vaBits.source.kind !== 'user' && vaBits.source.kind !== 'config')) return undefined;
  if (era !== undefined && era.source.kind !== 'version-default') return undefined;
  if (eraSupportsVaBits(era?.value ?? 'E3', pageShift.value, vaBits.value)) return undefined;
  const first = firstEraWithVaBits(pageShift.value, vaBits.value);
  if (!first) return undefined;
  const given = `${vaBits.source.text ?? `${vaBits.value}-bit VAs`} with ${pageSizeLabel(pageShift.value)} pages`;
  if (era) notes.push(`the release suggests ${era.value}, but ${given} needs ${first} or later: taken as ${first} (a backport?)`);
  const text = `${given}: ${first} is the first era that has them`;
  return inferred(first, vaBits.source.kind, 'medium', { ...(vaBits.source.lineNo !== undefined && { lineNo: vaBits.source.lineNo }), text });
}

export function inferShape(
  boot: BootFacts | undefined,
  release: Inferred<string> | undefined,
  config: KernelConfig,
  regs: readonly RegisterValue[],
  structPageSize: number,
  o: LayoutOverrides,
  largestCall?: bigint,
  /** The step seen most often between consecutive splats' starts: a storm walking whole sections steps by one call. */
  startStep?: bigint,
  /** LayoutEvidence.callsOnGrid: false when a call started off the largest call's grid, so no storm of whole sections. */
  callsOnGrid?: boolean,
): ShapeInference {
  const notes: string[] = [];
  const versionEra = release ? eraForRelease(release.value) : undefined;
  const fixed = directEvidence(boot, config, o, versionEra);
  const matched = matchRegisterConstants(regs, structPageSize).filter((h) => fits(h, fixed));
  // Backports carry a newer layout into an older release, never the other way: a constant of an era before the
  // release's is a value that happens to equal it, such as GENMASK(63, 32), E3 39/4K's VMEMMAP_END, in a 6.9 kernel.
  const older = fixed.era === undefined && versionEra !== undefined ? matched.filter((h) => eraIndex(h.era) < eraIndex(versionEra)) : [];
  const fitting = matched.filter((h) => !older.includes(h));
  notePredatingHits(older, fitting, release, versionEra, notes);
  // vmemmap_populate and vmemmap_free are called one section at a time (__populate_section_memmap,
  // section_deactivate): a range larger than a section's memmap rules a page size out. Sections were at most 2^30
  // bytes (SECTION_SIZE_BITS 30 before ~5.12).
  const oneSection = (h: Shape): boolean => largestCall === undefined || largestCall <= (1n << BigInt(30 - h.pageShift)) * BigInt(structPageSize);
  const hits = fitting.some(oneSection) ? fitting.filter(oneSection) : fitting;
  // A weak hit (the constant is also an alignment mask: -2M, -1G) may name the era only where the release does not.
  const weakUsable = versionEra === undefined ? hits : hits.filter((h) => h.era === versionEra);
  // Where one value is a constant of several shapes, a storm whose calls follow each other and are one whole section's
  // memmap in some of them (device-private regions are whole sections) speaks for those. One call says nothing: a
  // 4K kernel's partial-section call can be a whole 64K section's length. A weak hit (-2M, -1G) names every shape.
  const wholeAt = callsFollowEachOther(largestCall, startStep, callsOnGrid) ? wholeSectionPageShifts(largestCall, structPageSize, release ? { release: release.value } : {}) : [];
  const preferWhole = <T extends Shape>(list: T[]): T[] => {
    const whole = list.filter((h) => wholeAt.includes(h.pageShift));
    return whole.length > 0 ? whole : list;
  };
  const hit = best(preferWhole(hits.filter((h) => h.strong)), versionEra) ?? best(weakUsable, versionEra);
  const layoutMatch = best(matchVirtualLayout(boot, structPageSize).filter((m) => fits(m, fixed)), versionEra);

  let era = fixed.era;
  let pageShift = fixed.pageShift;
  let vaBits = fixed.vaBits;
  if (hit) {
    const allowed = shapesAllowed(hit, hits.filter((h) => fits(h, { ...fixed, ...(era && { era }) }) && h.strong === hit.strong));
    // Where the shapes the registers allow differ, the hit's value is a preference (4K, 48-bit), not evidence.
    const sure = (field: keyof Shape) => (hit.strong && allowed.every((a) => a[field] === hit[field]) ? 'high' : 'medium');
    const others = [...new Set(allowed.filter((a) => shapeKey(a) !== shapeKey(hit)).map(shapeLabel))];
    // Weak hits (-2M, -1G) name many layouts and are medium already: only a strong one's rivals are worth a note.
    if (others.length > 0 && hit.strong) {
      const byWhole = largestCall !== undefined && wholeAt.includes(hit.pageShift) && allowed.some((a) => !wholeAt.includes(a.pageShift));
      const why = byWhole ? `: a call of ${hex(largestCall)} bytes of memmap is one whole section there` : ' as the common configuration';
      notes.push(
        `${hit.reg} = ${hex(hit.registerValue)} fits ${[shapeLabel(hit), ...others].join(' and ')}: ${shapeLabel(hit)} is taken${why} ` +
          `(${settlingFlags(hit, allowed)})`,
      );
    }
    // The same register may fit shapes that a call's size ruled out: that is evidence too, and it is said.
    const ruledOut = [...new Set(fitting.filter((h) => h.reg === hit.reg && !oneSection(h)).map(shapeLabel))];
    const byCall =
      ruledOut.length > 0 && largestCall !== undefined
        ? `; not ${ruledOut.join(' or ')}: a call of ${hex(largestCall)} bytes of memmap is more than one section's there`
        : '';
    const detail = { reg: hit.reg, text: `${hitText(hit)}${byCall}`, ...(hit.lineNo !== undefined ? { lineNo: hit.lineNo } : {}) };
    era ??= inferred(hit.era, 'register', sure('era'), detail);
    pageShift ??= inferred(hit.pageShift, 'register', sure('pageShift'), detail);
    if (vaBits !== undefined && vaBits.value !== hit.vaBits && fixed.vaBitsMayBe52) {
      notes.push(`the pgtable: line's ${vaBits.value}-bit VAs are vabits_actual: a ${hit.vaBits}-bit kernel on a CPU without 52-bit VAs`);
      vaBits = undefined;
    }
    vaBits ??= inferred(hit.vaBits, 'register', sure('vaBits'), detail);
    if (versionEra && versionEra !== hit.era) notes.push(`register constant says ${hit.era} but the release suggests ${versionEra}: a backport?`);
  }
  if (layoutMatch) {
    const detail = { lineNo: layoutMatch.fact.lineNo, text: layoutMatch.fact.text };
    era ??= inferred(layoutMatch.era, 'log', 'high', detail);
    pageShift ??= inferred(layoutMatch.pageShift, 'log', 'high', detail);
    vaBits ??= inferred(layoutMatch.vaBits, 'log', 'high', detail);
  }
  if (versionEra && release) {
    // Vendor kernels backport layout changes (deepin's 6.6 carries the 6.9 VA reorganisation): medium, not high.
    const from = release.source.lineNo !== undefined ? { lineNo: release.source.lineNo } : {};
    era ??= inferred(versionEra, 'version-default', 'medium', { ...from, text: `era of ${release.value} (${release.source.kind})` });
  }
  era = eraNeededFor(era, pageShift, vaBits, notes) ?? era;
  era ??= inferred<Era>('E3', 'default', 'low', { text: 'no kernel version known: assuming 5.11–6.8 (E3)' });
  pageShift ??= defaultPageShift(era.value, vaBits?.value);
  vaBits ??= inferred(48, 'default', 'low', { text: 'no VA size known: assuming 48-bit' });
  const vaBitsGiven = vaBits.source.kind === 'user' || vaBits.source.kind === 'config';
  if (!vaBitsGiven && !eraSupportsVaBits(era.value, pageShift.value, vaBits.value)) {
    // Contradictory log facts (a corrupted line, logs of two machines joined) must not stop the analysis; a VA size
    // the user gave that cannot be is still a usage error, from computeConstants.
    notes.push(`${vaBits.value}-bit VAs with ${pageSizeLabel(pageShift.value)} pages do not exist in ${era.value}: the evidence conflicts`);
    vaBits = inferred(48, 'default', 'low', { text: `conflicting VA evidence (${vaBits.value}-bit): assuming 48-bit` });
  }
  const result: ShapeInference = { era, pageShift, vaBits, notes };
  if (layoutMatch) result.layoutMatch = layoutMatch;
  return result;
}
