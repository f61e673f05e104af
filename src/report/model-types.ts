/**
 * The report: a JSON-ready view of one or more `AnalysisResult`s. 64-bit quantities (addresses, registers, PFNs,
 * physical addresses, sizes in bytes) are `Hex` strings; counts, line numbers and small parameters are numbers.
 * Optional keys are absent, never `undefined`. Mirrors schema/report.schema.json.
 */
import type { KasanMode, SplatKind } from '../parse/types.js';
import type { Confidence, Era, SourceKind } from '../layout/types.js';
import type { Cluster, VmemmapFinding } from '../analyze/types.js';

/**
 * The report's `schemaVersion` (schema/report.schema.json), a semver: a minor bump adds keys, a major one changes or
 * removes them.
 */
export const REPORT_SCHEMA_VERSION = '1.5.0';

/** `0x…` or `-0x…`, lowercase. */
export type SignedHex = string;

/** `0x`-prefixed lowercase hex of a u64. */
export type Hex = string;

/** The report model every renderer reads, and what JSON output is (schema/report.schema.json). */
export interface Report {
  schemaVersion: string;
  tool: ToolInfo;
  summary: ReportSummary;
  inputs: InputReport[];
}

/** The program that wrote a report: this package's name and version unless `BuildReportOptions.tool` says otherwise. */
export interface ToolInfo {
  name: string;
  version: string;
}

/** Totals over every input of a report. */
export interface ReportSummary {
  inputs: number;
  /** Splats found, also those in no cluster (`InputStats.splats` summed). */
  splats: number;
  clusters: number;
  /** Clusters with at least one vmemmap finding. */
  vmemmapClusters: number;
  /** The clusters' `corruptedCount` summed. */
  corruptedSplats: number;
}

/** One analysed input (`AnalysisResult`) in JSON form. */
export interface InputReport {
  /** The input's name: the analysis `name` option, a path, `-` or `archive.tgz:member`. */
  source: string;
  /** `arm64`, `x86_64`, `arm`, `riscv64` or `unknown`, as far as the log tells. */
  arch: string;
  stats: InputStats;
  /** Notes on how the input was read: an empty or binary input, a UTF-16 encoding, bounds the analysis reached. */
  warnings: string[];
  /** Reading stopped on this error (truncated or corrupt data, an I/O error): the report covers what came before. */
  inputError?: string;
  /** Stopped by Ctrl-C: the report covers what was read. */
  interrupted?: true;
  boots: BootReport[];
  clusters: ClusterReport[];
}

/** `AnalysisStats` of one input. */
export interface InputStats {
  lines: number;
  /** Decompressed bytes read: a count, so a number. */
  bytes: number;
  /** Boots in the log, listed in `boots` or not (past 1000, only those with findings and the newest are). */
  boots: number;
  splats: number;
  truncatedLines: number;
  cappedSplats: number;
}

/** A boot fact (`Fact`) with its 1-based log line and the line's text (prefixes stripped). */
export interface FactReport<T> {
  value: T;
  lineNo: number;
  text: string;
}

/** A range of 64-bit values as hex strings. */
export interface HexRange {
  start: Hex;
  /** Inclusive for boot-fact ranges (as the kernel prints them), exclusive for vmemmap ranges. */
  end: Hex;
}

/** A boot's facts (`BootFacts`) in JSON form, without its KASAN facts; 64-bit values as hex. */
export interface BootReport {
  /** 0-based; a splat's and a finding's `bootIndex` name it. */
  index: number;
  /** 1-based line where the boot starts. */
  firstLine: number;
  release?: FactReport<string>;
  compiler?: FactReport<string>;
  versionLine?: FactReport<string>;
  machineModel?: FactReport<string>;
  cmdline?: FactReport<string>;
  memory?: FactReport<string>;
  zoneRanges: FactReport<{ zone: string; range?: HexRange }>[];
  nodeRanges: FactReport<{ node: number; range: HexRange }>[];
  pgtable?: FactReport<{ pageSizeKiB: number; vaBits: number }>;
  virtualLayout: FactReport<{ region: string; start: Hex; end: Hex; kind: 'maximum' | 'actual' | 'plain' }>[];
  cpuFeatures: FactReport<string>[];
  kaslr?: FactReport<boolean>;
  memoryTooBig?: FactReport<boolean>;
  physOffset?: FactReport<Hex>;
  kimageVaddr?: FactReport<Hex>;
  dentryHash?: FactReport<{ order: number; bytes: number }>;
  arch?: FactReport<string>;
}

/** A code location (`func+0x44/0x194 [module]`, a source `file:line`) with its offsets and address as hex. */
export interface LocationReport {
  func?: string;
  off?: Hex;
  size?: Hex;
  module?: string;
  addr?: Hex;
  file?: string;
  line?: number;
}

/** A call trace frame (`Frame`) in JSON form, without the arm32 `from` caller. */
export interface FrameReport extends LocationReport {
  /** `? func`: the unwinder is not sure the frame is real. */
  unreliable?: boolean;
  marker?: string;
  inline?: boolean;
  /** 1-based log line. */
  lineNo: number;
}

/** The splat's taint flags (`Taint`): as printed, and decoded to names. */
export interface TaintReport {
  raw: string;
  flags: string[];
}

/** One of the log lines a splat kept (`LogRecord`), prefixes stripped. */
export interface LineReport {
  /** 1-based, in the decompressed input. */
  lineNo: number;
  text: string;
  ts?: number;
  wallTime?: string;
  caller?: string;
  truncated?: boolean;
}

/** A splat (`Splat`) in JSON form: registers, addresses and offsets as hex, line numbers 1-based. */
export interface SplatReport {
  kind: SplatKind;
  title: string;
  header: string;
  site: LocationReport;
  cpu?: number;
  pid?: number;
  comm?: string;
  taint?: TaintReport;
  release?: string;
  build?: string;
  hardware?: string;
  pstate?: string;
  pc?: LocationReport;
  lr?: LocationReport;
  sp?: Hex;
  /** Keys in dump order for arm64: x30 (if present), x29 … x0, then any other register as the log named it. */
  registers: Record<string, Hex>;
  frames: FrameReport[];
  modules?: string[];
  code?: string;
  bootIndex: number;
  firstLine: number;
  lastLine: number;
  ts?: number;
  wallTime?: string;
  caller?: string;
  corrupted?: string;
  escalations?: string[];
  lines: LineReport[];
  droppedLines?: number;
}

/** An inferred layout value (`Inferred`) in JSON form: a bigint value as hex, its provenance and confidence. */
export interface InferredReport<T> {
  value: T;
  source: { kind: SourceKind; lineNo?: number; reg?: string; text?: string };
  confidence: Confidence;
}

/** `LayoutConstants` in JSON form, without `linearMapStart`: addresses and byte sizes as hex, page and bit counts as numbers. */
export interface LayoutConstantsReport {
  pageOffset: Hex;
  pageEnd: Hex;
  vaBitsMin: number;
  vmemmapStart: Hex;
  vmemmapEnd: Hex;
  vmemmapSize: Hex;
  vmemmapBase: Hex;
  pagesPerSection: number;
  pagesPerSubsection: number;
  memmapBytesPerSection: Hex;
  memmapBytesPerSubsection: Hex;
}

/**
 * A `Layout` in JSON form: every parameter with its provenance, the derived constants and the assumptions; memstart as
 * hex. Leaves out `paBits`, `kasanShadow` and `label`.
 */
export interface LayoutReport {
  release?: InferredReport<string>;
  era: InferredReport<Era>;
  pageShift: InferredReport<number>;
  vaBits: InferredReport<number>;
  structPageSize: InferredReport<number>;
  memstart: InferredReport<Hex>;
  sectionShift: InferredReport<number>;
  kasan?: InferredReport<KasanMode>;
  vaBitsActual?: InferredReport<number>;
  constants: LayoutConstantsReport;
  assumptions: string[];
}

/** A register equal (±1 or negated) to a layout constant. */
export interface ConstantRegisterReport {
  reg: string;
  constant: 'VMEMMAP_START' | 'VMEMMAP_END';
  form: 'exact' | 'minus-one' | 'negated';
  value: Hex;
  /** The layouts where the value is this constant, e.g. `E3 48/4K`. */
  layouts: string[];
}

/** What the example splat's registers said (`RegisterReading`): the struct page range and which registers gave it. */
export interface RegisterReadingReport {
  start: Hex;
  end: Hex;
  startReg: string;
  endReg: string;
  constantRegs: ConstantRegisterReport[];
  confidence: Confidence;
  reason: string;
}

/** A vmemmap finding in JSON form: its addresses, sizes and layout as hex strings, everything else as found. */
export interface VmemmapReport
  extends Omit<VmemmapFinding, 'pageRanges' | 'pageHull' | 'pfnHull' | 'physHull' | 'physSizeBytes' | 'startStep' | 'callsOnGrid' | 'layout' | 'example'> {
  /** End exclusive. */
  pageRanges: HexRange[];
  pageHull?: HexRange;
  pfnHull?: HexRange;
  physHull?: HexRange;
  physSizeBytes?: Hex;
  /** Signed (`-0x80000` for chunks placed top-down), unlike the Hex fields, which hold addresses as u64. */
  startStep?: SignedHex;
  layout?: LayoutReport;
  example?: RegisterReadingReport;
}

/** A cluster as the analyzer returns it, with its example splat and findings in JSON form. */
export interface ClusterReport extends Omit<Cluster, 'example' | 'vmemmap'> {
  example: SplatReport;
  vmemmap: VmemmapReport[];
}
