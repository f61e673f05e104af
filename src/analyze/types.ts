import type { BootFacts, Splat, SplatKind } from '../parse/types.js';
import type { Confidence, Layout } from '../layout/types.js';

/** Where a struct page range sits relative to the vmemmap window of a layout. */
export type WindowPosition =
  | 'inside'
  | 'below-window'
  | 'above-window'
  | 'wraps-to-user'
  | 'straddles';

export interface AddressRange {
  start: bigint;
  /** Exclusive end. */
  end: bigint;
}

/** What one splat's registers say about the struct page range it was working on. */
export interface RegisterReading {
  start: bigint;
  end: bigint;
  startReg: string;
  endReg: string;
  /** Registers that equal (±1 or negated) a layout constant, by constant name. */
  /** Registers holding a layout constant, one entry per (constant, form) the value is, with the layouts (`E3 48/4K`). */
  constantRegs: { reg: string; constant: 'VMEMMAP_START' | 'VMEMMAP_END'; form: 'exact' | 'minus-one' | 'negated'; value: bigint; layouts: string[] }[];
  confidence: Confidence;
  reason: string;
}

export type VmemmapOp = 'populate' | 'free' | 'init-zone-device';

export interface VmemmapFinding {
  op: VmemmapOp;
  bootIndex: number;
  splatCount: number;
  /** Splats whose registers gave a usable range. */
  readCount: number;
  /** Union of struct page address ranges (merged), and its hull. */
  pageRanges: AddressRange[];
  pageHull?: AddressRange;
  pfnHull?: AddressRange;
  physHull?: AddressRange;
  physSizeBytes?: bigint;
  sectionsTouched?: number;
  /** Step between consecutive splats' start addresses (bytes of memmap), when a storm shows one. */
  startStep?: bigint;
  position?: WindowPosition;
  /** Which arm of the WARN fired: `start < VMEMMAP_START`, `end > VMEMMAP_END`. */
  warnArm?: 'start-below' | 'end-above' | 'both' | 'none';
  wrapped: boolean;
  /** Physical range lies above what the linear map can cover (memstart + 2^(VA_BITS_MIN-1)). */
  aboveLinearMap?: boolean;
  layout?: Layout;
  /** Per-register evidence of the example splat. */
  example?: RegisterReading;
  confidence: Confidence;
  /** Short prose, one paragraph: what happened. */
  diagnosis: string;
  path?: string;
  driver?: string;
  family?: string;
  consequence?: string;
  nextSteps: string[];
  /** Caveats: heuristics used, assumptions, alternatives considered. */
  notes: string[];
}

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
  example: Splat;
  vmemmap: VmemmapFinding[];
}

export interface AnalysisStats {
  lines: number;
  bytes: number;
  /** Boots in the log; `AnalysisResult.boots` lists at most about LISTED_BOOTS of them (parse/boot-facts.ts). */
  boots: number;
  splats: number;
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
