/** The arm64 virtual memory layout model. All addresses are `bigint` (u64, two's complement wrap). */

import type { KasanMode } from '../parse/types.js';

/**
 * An arm64 vmemmap layout era: the releases that share one formula for the vmemmap window (ERAS in eras.ts). E0 up
 * to 4.4, E0b 4.5–4.6, E1 4.7–5.3, E2 5.4–5.10, E3 5.11–6.8, E4 6.9 on.
 */
export type Era = 'E0' | 'E0b' | 'E1' | 'E2' | 'E3' | 'E4';

/**
 * How sure an inferred value is, or a finding that rests on such values. A value the log, a config or an option
 * states is usually `high`; one that follows from the release or a heuristic `medium` or `low`; a default taken for
 * want of evidence `low`.
 */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * What an inferred value was taken from: a boot line of the `log`; a splat's `register` holding a layout constant;
 * the release's default (`version-default`); a `user` override; the kernel `config` (`configText`); a `heuristic`
 * fit; a `default` for want of evidence.
 */
export type SourceKind = 'log' | 'register' | 'version-default' | 'user' | 'config' | 'heuristic' | 'default';

/** Where an inferred value came from, for a reader to check. */
export interface Provenance {
  kind: SourceKind;
  /**
   * 1-based line of the evidence, when one line holds it: in the log for `log` and `register`, in the config text for
   * `config`.
   */
  lineNo?: number;
  /** The register that held the value (`x2`), for a `register` source that names one. */
  reg?: string;
  /** The evidence (log line text, config line, flag) or a short explanation. */
  text?: string;
}

/** A layout parameter's value with where it came from and how sure it is. */
export interface Inferred<T> {
  value: T;
  source: Provenance;
  confidence: Confidence;
}

/** Plain layout parameters: everything needed to compute the layout. */
export interface LayoutParams {
  era: Era;
  /** 12, 14 or 16. */
  pageShift: number;
  /** CONFIG_ARM64_VA_BITS. */
  vaBits: number;
  /** Bytes, 64 by default. */
  structPageSize: number;
  /** memstart_addr (PHYS_OFFSET) as u64 (it is an s64 in the kernel; negative values are stored two's complement). */
  memstart: bigint;
  /** SECTION_SIZE_BITS. */
  sectionShift: number;
  /** The KASAN shadow that ends the linear map (5.11 on, generic or software tags); none by default. */
  kasanShadow?: KasanShadow;
  /** vabits_actual: the VA bits a 52-bit kernel runs with (VA_BITS by default); it moves the end of its linear map. */
  vaBitsActual?: number;
}

/** KASAN_SHADOW_SCALE_SHIFT, and CONFIG_KASAN_SHADOW_OFFSET when a config gave it. */
export interface KasanShadow {
  scaleShift: number;
  offset?: bigint;
}

/** Derived constants of one layout (computed exactly from LayoutParams). */
export interface LayoutConstants {
  pageOffset: bigint;
  pageEnd: bigint;
  vaBitsMin: number;
  vmemmapStart: bigint;
  /** E1 has no macro; its effective end is PAGE_OFFSET. */
  vmemmapEnd: bigint;
  vmemmapSize: bigint;
  /** `vmemmap` = struct page of pfn 0. */
  vmemmapBase: bigint;
  pagesPerSection: bigint;
  pagesPerSubsection: bigint;
  memmapBytesPerSection: bigint;
  memmapBytesPerSubsection: bigint;
  /**
   * The lowest linear-map VA the CPU can use, when above PAGE_OFFSET: `_PAGE_OFFSET(vabits_actual)` for a 52-bit
   * kernel on a CPU with fewer VA bits, whose memstart_addr is lowered to match (init.c arm64_memblock_init).
   */
  linearMapStart?: bigint;
}

/** A layout with the provenance of every parameter. */
export interface Layout {
  release?: Inferred<string>;
  era: Inferred<Era>;
  pageShift: Inferred<number>;
  vaBits: Inferred<number>;
  structPageSize: Inferred<number>;
  memstart: Inferred<bigint>;
  sectionShift: Inferred<number>;
  /** CONFIG_ARM64_PA_BITS, when a kernel config gave it: MAX_PHYSMEM_BITS, below which device-private ranges go. */
  paBits?: Inferred<number>;
  /** KASAN's mode, when the log or a config says KASAN is on. */
  kasan?: Inferred<KasanMode>;
  /** The shadow that ends the linear map under that mode and era (a LayoutParams of `constants`). */
  kasanShadow?: KasanShadow;
  /** vabits_actual of a kernel with more VA bits than VA_BITS_MIN (52-bit), read or assumed. */
  vaBitsActual?: Inferred<number>;
  constants: LayoutConstants;
  /** Facts the model relies on that are not verified against kernel source (reference [unverified]). */
  assumptions: string[];
  /** Names this hypothesis when several layouts are shown side by side (`E3: 5.11–6.8`). */
  label?: string;
}

/** User-given overrides (CLI flags / library options). */
export interface LayoutOverrides {
  kernel?: string;
  vaBits?: number;
  pageSizeBytes?: number;
  memstart?: bigint;
  structPageSize?: number;
  sectionShift?: number;
  era?: Era;
  /** Contents of a kernel .config (already decompressed). */
  configText?: string;
}
