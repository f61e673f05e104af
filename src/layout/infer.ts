import type { BootFacts, KasanMode } from '../parse/types.js';
import { computeConstants, defaultSectionShift, SECTION_SHIFT_ASSUMPTION, SECTION_SHIFT_E3_AMBIGUOUS, vaBitsMin } from './constants.js';
import { ERAS, eraInfo, parseRelease } from './eras.js';
import { inferMemstart } from './infer-memstart.js';
import { inferred } from './inferred.js';
import { parseKernelConfig, type KernelConfig } from './kconfig.js';
import type { RegisterValue } from './register-match.js';
import type { Era, Inferred, KasanShadow, Layout, LayoutOverrides } from './types.js';
import { hex, neg64 } from './u64.js';
import { inferKasan, kasanPageEnd, kasanShadow } from './kasan.js';
import { vaBitsActualFromLog } from './va-bits-actual.js';
import { linearMapMoves, pageEndOf } from './linear-map.js';
import { PAGE_SHIFTS, pageSizeLabel, SECTION_SHIFTS, validVaBits } from './page-geometry.js';
import { fitsPhysically, physAddressBits, physEndOf, type PageSpan } from './physical-fit.js';
import { inferStructPageAndShape } from './infer-struct-page.js';
import { vmemmapIgnoresPhysOffset } from './vmemmap-base-history.js';
import { eraSupportsVaBits } from './hypotheses.js';
import { checkLayoutOverrides } from './check-overrides.js';
import { checkEvidence } from './check-evidence.js';
import { UsageError } from '../errors.js';
import { isObject, inFunction } from '../util/check-argument.js';
import { describeValue } from '../util/describe-value.js';

/**
 * What a log shows about its kernel's layout, for `inferLayout`, `candidateLayouts` and `plausibleLayouts`. Every
 * field is optional: with none, the overrides, the release's defaults and the model's defaults decide. A field of
 * another kind (a number where a bigint belongs) is a UsageError naming it (`evidence.largestCall`).
 */
export interface LayoutEvidence {
  /** The boot to read the layout from: release, memory map, page-table line, virtual layout block, PHYS_OFFSET. */
  boot?: BootFacts;
  /** Release from a splat's `CPU: ... <release> #<build>` line. */
  splatRelease?: string;
  /** Register values of vmemmap splats, matched against each layout's VMEMMAP_START and VMEMMAP_END. */
  registerValues?: RegisterValue[];
  /** The largest struct page range (end - start) one vmemmap_populate/vmemmap_free splat named. */
  largestCall?: bigint;
  /** Where that call started: a struct page address, a whole number of subsections' struct pages from VMEMMAP_START. */
  largestCallStart?: bigint;
  /** The struct pages the splats named, first to last: tested against the physical addresses a layout allows. */
  pageSpan?: PageSpan;
  /** The step seen most often between the starts of one task's consecutive splats (struct-page-size.ts). */
  startStep?: bigint;
  /**
   * Whether every call's start is a whole number of `largestCall`s from `largestCallStart`: a storm of whole sections
   * starts each call on a section; equal partial-section regions end to end are cut where they cross a section,
   * off that grid (struct-page-size.ts). Absent: not known, nothing against it.
   */
  callsOnGrid?: boolean;
  /** memstart a ZONE_DEVICE Oops' page and pfn registers gave (pfn-register-memstart.ts), under the layout read with. */
  registerMemstart?: RegisterMemstart;
}

/** memstart_addr read from a ZONE_DEVICE Oops' registers, with the layout (era, page and VA size, struct page size) it holds under. */
export interface RegisterMemstart {
  memstart: Inferred<bigint>;
  era: Era;
  pageShift: number;
  vaBits: number;
  structPageSize: number;
}

/** The registers' memstart holds only under the layout it was read with: another era or geometry moves vmemmap. */
function registerMemstartFor(
  r: RegisterMemstart | undefined,
  era: Era,
  pageShift: number,
  vaBits: number,
  structPageSize: number,
): { registerMemstart?: Inferred<bigint> } {
  const same = r !== undefined && r.era === era && r.pageShift === pageShift && r.vaBits === vaBits && r.structPageSize === structPageSize;
  return same ? { registerMemstart: r.memstart } : {};
}

/**
 * The evidence without its boot when the splat's CPU: line names another release than the boot's banner: the splat
 * ran another kernel, after a reboot the log does not show (a console whose loglevel hides the banners, a dmesg buffer
 * that lost the boot's head), so the boot's facts (release, memory map, page size) are not its kernel's. The 6.1 boot
 * before such a 6.10 splat had given it E3 and 6.1's memstart at high confidence.
 */
function withoutAnotherKernelsBoot(e: LayoutEvidence, assumptions: string[]): LayoutEvidence {
  const banner = e.boot?.release;
  if (banner === undefined || e.splatRelease === undefined || sameRelease(e.splatRelease, banner.value)) return e;
  const at = banner.lineNo !== undefined ? ` (line ${banner.lineNo})` : '';
  assumptions.push(
    `the splat's CPU: line names release ${e.splatRelease}, the boot's banner${at} ${banner.value}: another kernel, ` +
      'after a reboot the log does not show, so none of that boot\'s facts is used',
  );
  const { boot: _boot, ...rest } = e;
  return rest;
}

/**
 * One kernel's release as the banner and a CPU: line print it: the same utsname string, or one of them cut (a storm
 * on a slow serial console drops characters: `Not tainted 6.1` under a `6.1.0` banner).
 */
function sameRelease(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

function inferRelease(e: LayoutEvidence, config: KernelConfig, o: LayoutOverrides): Inferred<string> | undefined {
  // A git tag's `v6.1` is release 6.1.
  if (o.kernel !== undefined) return inferred(o.kernel.replace(/^v(?=\d)/, ''), 'user', 'high', { text: `--kernel ${o.kernel}` });
  const r = e.boot?.release;
  if (r) return inferred(r.value, 'log', 'high', { lineNo: r.lineNo, text: r.text });
  if (e.splatRelease !== undefined) return inferred(e.splatRelease, 'log', 'high', { text: `release in the splat's CPU: line` });
  const c = config.release;
  return c && inferred(c.value, 'config', 'high', { lineNo: c.lineNo, text: c.text });
}

/** The SECTION_SIZE_BITS whose whole section's memmap is `bytes` (2^(S - PAGE_SHIFT) struct pages), if one is. */
function wholeSectionOf(bytes: bigint | undefined, pageShift: number, structPageSize: number): number | undefined {
  return bytes === undefined ? undefined : SECTION_SHIFTS.find((s) => (1n << BigInt(s - pageShift)) * BigInt(structPageSize) === bytes);
}

/**
 * A call to vmemmap_populate/vmemmap_free covers at most one section, so the largest call is evidence: one that is
 * exactly a whole section of the version's SECTION_SIZE_BITS confirms it, and one larger than such a section rules
 * it out.
 */
function inferSectionShift(
  release: Inferred<string> | undefined,
  era: Era,
  config: KernelConfig,
  pageShift: number,
  structPageSize: number,
  largestCall: bigint | undefined,
  o: LayoutOverrides,
  assumptions: string[],
): Inferred<number> {
  if (o.sectionShift !== undefined) return inferred(o.sectionShift, 'user', 'high', { text: `--section-bits ${o.sectionShift}` });
  const c = config.sectionShift;
  if (c) return inferred(c.value, 'config', 'high', { lineNo: c.lineNo, text: c.text });
  const value = defaultSectionShift(release?.value, pageShift, era);
  const whole = wholeSectionOf(largestCall, pageShift, structPageSize);
  const call = `a call of ${hex(largestCall ?? 0n)} bytes of memmap`;
  if (whole !== undefined && whole === value && release) {
    return inferred(value, 'version-default', 'high', { text: `SECTION_SIZE_BITS of ${release.value}; ${call} is one whole section of it` });
  }
  if (whole !== undefined && whole > value) {
    return inferred(whole, 'register', 'medium', { text: `${call} is more than a section of 2^${value} holds, and one whole section of 2^${whole}` });
  }
  assumptions.push(SECTION_SHIFT_ASSUMPTION);
  if (!release) {
    if (value === 30) return inferred(value, 'default', 'low', { text: `no kernel version: every ${era} kernel (before 5.12) used 30` });
    return inferred(value, 'default', 'low', { text: era === 'E3' ? SECTION_SHIFT_E3_AMBIGUOUS : 'no kernel version: recent SECTION_SIZE_BITS' });
  }
  return inferred(value, 'version-default', 'medium', { text: `SECTION_SIZE_BITS of ${release.value}` });
}

/**
 * The KASAN shadow that ends the linear map, if any. A config's KASAN_SHADOW_OFFSET that would leave the linear map
 * empty or past _PAGE_END(VA_BITS_MIN) is not taken: the Kconfig default stands for it.
 */
function kasanShadowOf(
  kasan: Inferred<KasanMode> | undefined,
  era: Era,
  vaBits: number,
  vaMin: number,
  config: KernelConfig,
  assumptions: string[],
): KasanShadow | undefined {
  const shadow = kasanShadow(kasan?.value, era, config);
  if (shadow && kasan?.confidence === 'low') {
    assumptions.push('KASAN taken as generic (its boot line names no mode before 5.16): under software tags the shadow is half as large, under hardware tags there is none, and the linear map ends elsewhere');
  }
  if (kasan?.value === 'hw-tags' && kasan.confidence === 'low' && kasanShadow('sw-tags', era, config)) {
    assumptions.push('KASAN taken as hardware tags (a report printed a pointer tag, which software tags print too): under software tags a shadow would end the linear map lower');
  }
  if (shadow?.offset === undefined) return shadow;
  const end = kasanPageEnd(shadow, vaBits, vaMin);
  const pageOffset = neg64(1n << BigInt(vaBits));
  if (end > pageOffset && end <= pageEndOf(vaMin)) return shadow;
  assumptions.push(`CONFIG_KASAN_SHADOW_OFFSET ${hex(shadow.offset)} leaves no linear map: the Kconfig default taken instead`);
  return { scaleShift: shadow.scaleShift };
}

/**
 * vabits_actual, which ends the linear map of a 52-bit kernel of 5.4–5.10, or of one with a KASAN shadow. When the
 * log does not tell it, VA_BITS: the CPU is taken to have the VAs its kernel was built for, as memstart is.
 */
function vaBitsActualOf(
  boot: BootFacts | undefined,
  era: Era,
  vaBits: number,
  vaMin: number,
  shadow: boolean,
  /** memstart came from --memstart or a PHYS_OFFSET line, which hold the kernel's own value, adjusted or not. */
  memstartKnown: boolean,
  assumptions: string[],
): Inferred<number> | undefined {
  if (vaBits === vaMin) return undefined;
  const fromLog = vaBitsActualFromLog(boot, era, vaBits, vaMin);
  if (fromLog !== undefined) return fromLog;
  // Found by an audit: on a CPU without 52-bit VAs arm64_memblock_init lowers memstart_addr by 2^52 - 2^VA_BITS_MIN,
  // which moves every pfn read from a struct page, in every era; up to 5.10 and under a KASAN shadow the linear map's
  // end moves too.
  const moves = linearMapMoves(era, shadow);
  const unknown = `vabits_actual taken as VA_BITS ${vaBits} (the log has no pgtable: line or 52-bit capability line): on a CPU without ${vaBits}-bit VAs`;
  if (!memstartKnown) {
    assumptions.push(
      `${unknown} memstart_addr is 2^${vaBits} - 2^${vaMin} lower, so every pfn shifts${moves ? ', and the linear map ends elsewhere' : ''}; ` +
        `--memstart or a PHYS_OFFSET line settles it`,
    );
  } else if (moves) {
    assumptions.push(`${unknown} the linear map ends elsewhere`);
  }
  return inferred(vaBits, 'default', 'low', { text: `vabits_actual taken as VA_BITS ${vaBits}: the CPU is taken to have the VAs its kernel was built for` });
}

function eraAssumptions(era: Era): string[] {
  if (era === 'E0' || era === 'E0b') {
    return ['E0b (dfd55ad85e4a) is placed at 4.5–4.6 and E0/E0b memstart handling is taken from patch context, not a full source read'];
  }
  return [];
}

/**
 * The most likely layout, every parameter with its provenance (user overrides beat log evidence beat version defaults).
 * A page size nothing states is 4K, and a VA size 48 bits, unless they would put the struct pages, under a memstart
 * known for sure, at physical addresses no such kernel has: then the page and VA sizes under which the pages end at
 * the top of the physical address space (where device memory is placed), else the first under which they fit.
 */
export function inferLayout(e: LayoutEvidence, o: LayoutOverrides = {}): Layout {
  inFunction('inferLayout', () => checkLayoutArguments('inferLayout', e, o));
  return inferChecked(e, o);
}

/**
 * The checks `analyze*` run, for a caller of the layout model itself: a bad override is a UsageError naming it
 * (`layout.memstart`), not a raw TypeError, a release of 'foo' taken as given, or a message about another option.
 */
function checkLayoutArguments(fn: string, e: LayoutEvidence, o: LayoutOverrides): void {
  if (typeof e !== 'object' || e === null) throw new UsageError(`layout evidence must be an object ({} for none), not ${describeValue(e)}`);
  checkEvidence(fn, e as unknown as Record<string, unknown>);
  if (!isObject(o)) throw new UsageError(`layout must be an object of layout overrides, not ${describeValue(o)}`);
  checkLayoutOverrides(o);
}

/** inferLayout once its arguments were checked (the alternatives of other eras derive from checked ones). */
function inferChecked(e: LayoutEvidence, o: LayoutOverrides): Layout {
  const first = inferOneLayout(e, o);
  const span = e.pageSpan;
  const pageFree = first.pageShift.source.kind === 'default';
  const vaFree = first.vaBits.source.kind === 'default';
  // Only a memstart known for sure makes physical addresses a test: KASLR's randomized one is lower than the memory
  // map says, and so are the real addresses.
  if (span === undefined || (!pageFree && !vaFree) || first.memstart.confidence !== 'high') return first;
  if (fitsPhysically(first, span)) return first;
  const values = (l: Layout, page: boolean, va: boolean): string =>
    [page && `${pageSizeLabel(l.pageShift.value)} pages`, va && `${l.vaBits.value}-bit VAs`].filter(Boolean).join(' and ');
  const names = (page: boolean, va: boolean): string => (page && va ? 'page or VA size' : page ? 'page size' : 'VA size');
  const past = (page: boolean, va: boolean): string =>
    `${values(first, page, va)} would put these struct pages at physical addresses up to ${hex(physEndOf(first, span))}, past the ` +
    `2^${physAddressBits(first)} such a kernel addresses`;
  const fitting = shapeAlternatives(e, o, first, pageFree, vaFree).filter((alt) => fitsPhysically(alt, span));
  // Device memory is placed from the top of the physical address space down (get_free_mem_region): a shape under
  // which the range ends right there is the better one. 2^48 is the top of a 64K kernel too unless it chose 52-bit PAs.
  const topOf = (alt: Layout): bigint | undefined => {
    const end = physEndOf(alt, span);
    return end === 1n << 48n || end === 1n << BigInt(physAddressBits(alt)) ? end : undefined;
  };
  const atTop = fitting.find((alt) => topOf(alt) !== undefined);
  const alt = atTop ?? fitting[0];
  if (alt === undefined) {
    first.assumptions.push(`${past(pageFree, vaFree)}, and no other ${names(pageFree, vaFree)} fits either: the layout is probably wrong`);
    return first;
  }
  const page = alt.pageShift.value !== first.pageShift.value;
  const va = alt.vaBits.value !== first.vaBits.value;
  const top = atTop ? `, ending the range at 2^${topOf(atTop)!.toString(2).length - 1}, the top of the physical address space, where device memory is placed` : '';
  const text = `no ${names(page, va)} known: ${past(page, va)}; ${values(alt, page, va)} fit${top}`;
  alt.pageShift = page ? inferred(alt.pageShift.value, 'heuristic', 'medium', { text }) : first.pageShift;
  alt.vaBits = va ? inferred(alt.vaBits.value, 'heuristic', 'medium', { text }) : first.vaBits;
  return alt;
}

/**
 * The layouts of the other page and VA sizes that nothing states, each inferred as if the user had given them: another
 * page size with 48-bit VAs first (the common VA size), then the other VA sizes, largest first; a combination the era
 * lacks is left out.
 */
function shapeAlternatives(e: LayoutEvidence, o: LayoutOverrides, first: Layout, pageFree: boolean, vaFree: boolean): Layout[] {
  const shapes: { pageShift: number; vaBits: number }[] = [];
  for (const pageShift of pageFree ? PAGE_SHIFTS : [first.pageShift.value]) {
    for (const vaBits of vaFree ? validVaBits(pageShift) : [first.vaBits.value]) {
      if (pageShift === first.pageShift.value && vaBits === first.vaBits.value) continue;
      if (eraSupportsVaBits(first.era.value, pageShift, vaBits)) shapes.push({ pageShift, vaBits });
    }
  }
  shapes.sort((a, b) => Number(a.vaBits !== 48) - Number(b.vaBits !== 48) || b.vaBits - a.vaBits);
  const out: Layout[] = [];
  for (const { pageShift, vaBits } of shapes) {
    try {
      out.push(inferOneLayout(e, { ...o, ...(pageFree && { pageSizeBytes: 2 ** pageShift }), ...(vaFree && { vaBits }) }));
    } catch {
      continue;
    }
  }
  return out;
}

function inferOneLayout(given: LayoutEvidence, o: LayoutOverrides): Layout {
  const config = o.configText !== undefined ? parseKernelConfig(o.configText) : {};
  const assumptions: string[] = [];
  const e = withoutAnotherKernelsBoot(given, assumptions);
  const release = inferRelease(e, config, o);
  const { structPageSize, shape } = inferStructPageAndShape(e, release, config, o, assumptions);
  assumptions.push(...shape.notes, ...eraAssumptions(shape.era.value));
  const version = release ? parseRelease(release.value) : undefined;
  if (version && version.major < 4 && shape.era.source.kind === 'version-default') {
    assumptions.push(`${release?.value} is older than the layouts modelled (4.x on): a 3.x kernel's vmemmap started at VMALLOC_END + SZ_64K, which E0 does not compute`);
  }
  const sectionShift = inferSectionShift(release, shape.era.value, config, shape.pageShift.value, structPageSize.value, e.largestCall, o, assumptions);
  const vaMin = vaBitsMin(shape.era.value, shape.pageShift.value, shape.vaBits.value);
  const memstart = inferMemstart(
    {
      boot: e.boot,
      config,
      era: shape.era.value,
      pageShift: shape.pageShift.value,
      vaBits: shape.vaBits.value,
      vaBitsMin: vaMin,
      sectionShift: sectionShift.value,
      layoutMatch: shape.layoutMatch,
      ...(release !== undefined && { release: release.value }),
      ...(registerMemstartFor(e.registerMemstart, shape.era.value, shape.pageShift.value, shape.vaBits.value, structPageSize.value)),
    },
    o,
    assumptions,
  );
  const kasan = inferKasan(e.boot, config, shape.era.value);
  const shadow = kasanShadowOf(kasan, shape.era.value, shape.vaBits.value, vaMin, config, assumptions);
  // On 5.4-5.9 a PHYS_OFFSET line is not what vmemmap used (vmemmap-base-history.ts): it settles nothing there.
  const memstartKnown = o.memstart !== undefined || (e.boot?.physOffset !== undefined && !vmemmapIgnoresPhysOffset(release?.value));
  const vaActual = vaBitsActualOf(e.boot, shape.era.value, shape.vaBits.value, vaMin, shadow !== undefined, memstartKnown, assumptions);
  const constants = computeConstants({
    era: shape.era.value,
    pageShift: shape.pageShift.value,
    vaBits: shape.vaBits.value,
    structPageSize: structPageSize.value,
    memstart: memstart.value,
    sectionShift: sectionShift.value,
    ...(shadow && { kasanShadow: shadow }),
    ...(vaActual !== undefined && { vaBitsActual: vaActual.value }),
  });
  const layout: Layout = {
    era: shape.era,
    pageShift: shape.pageShift,
    vaBits: shape.vaBits,
    structPageSize,
    memstart,
    sectionShift,
    constants,
    assumptions,
  };
  if (release) layout.release = release;
  if (kasan) layout.kasan = kasan;
  if (shadow) layout.kasanShadow = shadow;
  if (vaActual) layout.vaBitsActual = vaActual;
  if (config.paBits) layout.paBits = inferred(config.paBits.value, 'config', 'high', { lineNo: config.paBits.lineNo, text: config.paBits.text });
  return layout;
}

function labelled(layout: Layout): Layout {
  const info = eraInfo(layout.era.value);
  const first = `${info.first.major}.${info.first.minor}`;
  return { ...layout, label: `${layout.era.value} (${layout.era.value === 'E0' ? 'up to 4.4' : `from ${first}`})` };
}

/** Layouts of other eras for the same evidence, when nothing but a default or a version decided the era. */
function eraAlternatives(best: Layout, e: LayoutEvidence, o: LayoutOverrides, eras: readonly Era[]): Layout[] {
  const out: Layout[] = [];
  for (const era of eras) {
    if (era === best.era.value || !eraSupportsVaBits(era, best.pageShift.value, best.vaBits.value)) continue;
    const alt = inferChecked(e, { ...o, era });
    alt.era = inferred(era, 'heuristic', 'low', { text: `alternative to ${best.era.value}: the era is not certain` });
    out.push(labelled(alt));
  }
  return out;
}

const ERA_DECIDED = new Set(['user', 'log', 'register']);

/**
 * The era after `era`: a vendor kernel carries backports from the next era more often than anything else. Never the
 * one before: no kernel undoes a layout change (a 5.10 kernel is not laid out as 4.19).
 */
function neighbours(era: Era): Era[] {
  const next = ERAS[ERAS.findIndex((x) => x.era === era) + 1]?.era;
  return next === undefined ? [] : [next];
}

/**
 * The inferred layout first, then labelled alternatives when the era was not read from evidence: the neighbouring
 * eras of a version default, or E2/E3/E4 (the eras that have the WARN) when nothing is known.
 */
export function candidateLayouts(e: LayoutEvidence, o: LayoutOverrides = {}): Layout[] {
  inFunction('candidateLayouts', () => checkLayoutArguments('candidateLayouts', e, o));
  const best = labelled(inferChecked(e, o));
  if (ERA_DECIDED.has(best.era.source.kind)) return [best];
  const eras = best.era.source.kind === 'version-default' ? neighbours(best.era.value) : (['E2', 'E3', 'E4'] as Era[]);
  return [best, ...eraAlternatives(best, e, o, eras)];
}

/**
 * For `vmemwarn explain`: with version (or stronger) evidence the one inferred layout; without it, the answer under
 * each era the WARN can come from (E2, E3, E4), labelled.
 */
export function plausibleLayouts(e: LayoutEvidence, o: LayoutOverrides = {}): Layout[] {
  inFunction('plausibleLayouts', () => checkLayoutArguments('plausibleLayouts', e, o));
  const best = inferChecked(e, o);
  if (best.era.source.kind !== 'default') return [labelled(best)];
  return (['E2', 'E3', 'E4'] as const)
    .filter((era) => eraSupportsVaBits(era, best.pageShift.value, best.vaBits.value))
    .map((era) => {
      const layout = inferChecked(e, { ...o, era });
      layout.era = inferred(era, 'heuristic', 'low', { text: `no kernel version: showing ${era} (${eraInfo(era).summary})` });
      return labelled(layout);
    });
}
