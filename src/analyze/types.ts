import type { BootFacts, Splat, SplatKind } from '../parse/types.js';
import type { Confidence, Layout } from '../layout/types.js';

/** Where a struct page range sits relative to the vmemmap window of a layout. */
export type WindowPosition =
  | 'inside'
  | 'below-window'
  | 'above-window'
  | 'wraps-to-user'
  | 'straddles';

/** A half-open range of addresses or PFNs, as bigints. */
export interface AddressRange {
  start: bigint;
  /** Exclusive end. A struct page range that runs to the top of the address space ends at 2^64, not 0. */
  end: bigint;
}

/** What one splat's registers say about the struct page range it was working on. */
export interface RegisterReading {
  start: bigint;
  end: bigint;
  startReg: string;
  endReg: string;
  /** Registers holding a layout constant, one entry per (constant, form) the value is, with the layouts (`E3 48/4K`). */
  constantRegs: { reg: string; constant: 'VMEMMAP_START' | 'VMEMMAP_END'; form: 'exact' | 'minus-one' | 'negated'; value: bigint; layouts: string[] }[];
  confidence: Confidence;
  reason: string;
}

/**
 * Which vmemmap operation a splat reports (`isVmemmapSplat`): `populate` and `free` are the WARN_ON in arm64's
 * vmemmap_populate and vmemmap_free, `init-zone-device` the paging-request Oops in __init_zone_device_page that
 * follows a wrapped range on 6.9+.
 */
export type VmemmapOp = 'populate' | 'free' | 'init-zone-device';

/**
 * What the vmemmap splats of one cluster in one boot say: the struct page ranges they named, those ranges as PFNs
 * and physical addresses under the layout inferred for the boot, where they sit against the vmemmap window, and a
 * diagnosis. Addresses, PFNs and byte sizes are bigints, counts numbers. The range fields are absent when no splat's
 * registers (or, for `init-zone-device`, fault address) gave a range.
 */
export interface VmemmapFinding {
  op: VmemmapOp;
  /** 0-based index of the boot the splats were printed in (`bootByIndex(result.boots, bootIndex)`). */
  bootIndex: number;
  /** The cluster's splats in that boot. */
  splatCount: number;
  /** Splats whose registers gave a usable range. */
  readCount: number;
  /**
   * Union of the struct page ranges the splats named, rebuilt from their PFNs under `layout` (whole struct pages),
   * merged and sorted; at most 64, closer ones joined past that (said in `notes`). Empty when none was read.
   */
  pageRanges: AddressRange[];
  /** First to last struct page of `pageRanges`. */
  pageHull?: AddressRange;
  /** The PFNs of `pageRanges` under `layout`, first to last (modulo 2^64: a wrapped range is contiguous here). */
  pfnHull?: AddressRange;
  /** `pfnHull` as physical addresses (PFN << PAGE_SHIFT). */
  physHull?: AddressRange;
  /** Bytes of physical memory the PFNs cover (pages × page size, gaps left out); 0n when no range was read. */
  physSizeBytes?: bigint;
  /** Memory sections (SECTION_SIZE_BITS of `layout`) the PFNs touch. */
  sectionsTouched?: number;
  /**
   * The most common step, in bytes of struct page address, between the starts of one task's consecutive read
   * splats; signed (negative for a region walked top-down). Absent until one task has two such splats.
   */
  startStep?: bigint;
  /**
   * Whether every read splat's start (of every finding of the boot) is a whole number of the largest call from that
   * call's start, as in a storm of whole sections; absent when no call was read. Read with the layout, not reported.
   */
  callsOnGrid?: boolean;
  /** Where the struct pages sit against `layout`'s vmemmap window; `straddles` when their ends fall in different places. */
  position?: WindowPosition;
  /**
   * Which arm of the WARN fired under `layout`: `start < VMEMMAP_START`, `end > VMEMMAP_END`; `none` means the
   * layout is probably wrong. Absent for `init-zone-device`.
   */
  warnArm?: 'start-below' | 'end-above' | 'both' | 'none';
  /** A range ran past 2^64 or lies in the user half (below 2^63): the kernel's pfn_to_page() sum wrapped. */
  wrapped: boolean;
  /** Physical range lies above what the linear map can cover (memstart + 2^(VA_BITS_MIN-1)); set with `physHull`. */
  aboveLinearMap?: boolean;
  /** The layout the ranges were read with: inferred for the boot, with the `layout` overrides. The analysis always sets it. */
  layout?: Layout;
  /**
   * Per-register evidence of the first splat whose registers gave a range; absent when none did, and for
   * `init-zone-device`, whose range is the fault address.
   */
  example?: RegisterReading;
  /**
   * `low` when no range was read, the range is inside the window under `layout`, or the PFNs rest on an assumed
   * memstart; otherwise the weakest of the layout's memstart, era and page size and the example's, if any.
   */
  confidence: Confidence;
  /** Short prose, one paragraph: what happened. */
  diagnosis: string;
  /** The hot-add or hot-remove chain the trace shows, outermost caller first (`memremap_pages → … → vmemmap_populate`). */
  path?: string;
  /** The driver named from the call trace (`amdgpu KFD SVM (kgd2kfd_init_zone_device)`), when one was. */
  driver?: string;
  /** The kind of problem (`memory hotplug outside the vmemmap window`, `misaligned hot-remove`); always set by the analysis. */
  family?: string;
  /** What the splats cost or break (a WARN storm, an Oops); the analysis always sets it. */
  consequence?: string;
  /** Suggested next steps, one short paragraph each. */
  nextSteps: string[];
  /** Caveats: heuristics used, assumptions, alternatives considered. */
  notes: string[];
}

/** The capped lists of a `Cluster`, as `Cluster.truncatedLists` names them. */
export type ListName = 'cpus' | 'pids' | 'releases' | 'hardware';

/** Splats with one signature: counts, bounded sets of CPUs/PIDs/releases, the example splat and vmemmap findings. */
export interface Cluster {
  /** Stable short id (hex) of the signature: same problem → same id across logs, builds and machines. */
  id: string;
  signature: string;
  kind: SplatKind;
  title: string;
  count: number;
  firstLine: number;
  lastLine: number;
  firstTs?: number;
  lastTs?: number;
  firstWallTime?: string;
  lastWallTime?: string;
  /** Sorted, capped sets. */
  cpus: number[];
  pids: number[];
  releases: string[];
  hardware: string[];
  /** The sets above that reached their cap: the splats held more distinct values than are listed. */
  truncatedLists?: ListName[];
  corruptedCount: number;
  /** Splats after which the kernel panicked (`endedInPanic`): the panics themselves, or reports a panic escalated; absent when none. */
  panickedCount?: number;
  example: Splat;
  vmemmap: VmemmapFinding[];
}

/** Counts over one input (`AnalysisResult.stats`). */
export interface AnalysisStats {
  /** Physical lines read: the last 1-based line number of the input. */
  lines: number;
  /** Bytes read (decompressed, before text decoding). */
  bytes: number;
  /** Boots in the log; `AnalysisResult.boots` lists at most about LISTED_BOOTS of them (parse/boot-facts.ts). */
  boots: number;
  /** Every splat found, also those past the cluster cap that are in no cluster. */
  splats: number;
  /** Lines longer than `maxLineBytes`, cut to their head. */
  truncatedLines: number;
  /** Splats closed early because they exceeded the per-splat line cap. */
  cappedSplats: number;
}

/** Everything the analysis of one input found: its boots, clusters (with vmemmap findings), counts and warnings. */
export interface AnalysisResult {
  source: string;
  stats: AnalysisStats;
  /** In index order: every boot up to LISTED_BOOTS, past them those a finding reads and the newest (`bootByIndex`). */
  boots: BootFacts[];
  clusters: Cluster[];
  /** Architecture of the log as far as it can be told (`arm64`, `x86_64`, `arm`, `riscv64`, `unknown`). */
  arch: string;
  warnings: string[];
  /** The input failed part-way (truncated gzip, read error): everything before the failure is still analyzed. */
  inputError?: string;
  /** Reading was stopped by the user (Ctrl-C); the result covers what was read. */
  interrupted?: boolean;
}
