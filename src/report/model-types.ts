/**
 * The report: a JSON-ready view of one or more `AnalysisResult`s. 64-bit quantities (addresses, registers, PFNs,
 * physical addresses, sizes in bytes) are `Hex` strings; counts, line numbers and small parameters are numbers.
 * Optional keys are absent, never `undefined`. Mirrors schema/report.schema.json.
 */
import type { KasanMode, SplatKind } from '../parse/types.js';
import type { Confidence, Era, SourceKind } from '../layout/types.js';
import type { Cluster, VmemmapFinding } from '../analyze/types.js';

export const REPORT_SCHEMA_VERSION = '1.4.0';

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

export interface ToolInfo {
  name: string;
  version: string;
}

export interface ReportSummary {
  inputs: number;
  splats: number;
  clusters: number;
  vmemmapClusters: number;
  corruptedSplats: number;
}

export interface InputReport {
  source: string;
  arch: string;
  stats: InputStats;
  warnings: string[];
  /** Reading stopped on this error (truncated or corrupt data, an I/O error): the report covers what came before. */
  inputError?: string;
  /** Stopped by Ctrl-C: the report covers what was read. */
  interrupted?: true;
  boots: BootReport[];
  clusters: ClusterReport[];
}

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

export interface FactReport<T> {
  value: T;
  lineNo: number;
  text: string;
}

export interface HexRange {
  start: Hex;
  /** Inclusive for boot-fact ranges (as the kernel prints them), exclusive for vmemmap ranges. */
  end: Hex;
}

export interface BootReport {
  index: number;
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
  arch?: FactReport<string>;
}

export interface LocationReport {
  func?: string;
  off?: Hex;
  size?: Hex;
  module?: string;
  addr?: Hex;
  file?: string;
  line?: number;
}

export interface FrameReport extends LocationReport {
  unreliable?: boolean;
  marker?: string;
  inline?: boolean;
  lineNo: number;
}

export interface TaintReport {
  raw: string;
  flags: string[];
}

export interface LineReport {
  lineNo: number;
  text: string;
  ts?: number;
  wallTime?: string;
  caller?: string;
  truncated?: boolean;
}

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

export interface InferredReport<T> {
  value: T;
  source: { kind: SourceKind; lineNo?: number; reg?: string; text?: string };
  confidence: Confidence;
}

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
  extends Omit<VmemmapFinding, 'pageRanges' | 'pageHull' | 'pfnHull' | 'physHull' | 'physSizeBytes' | 'startStep' | 'layout' | 'example'> {
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
