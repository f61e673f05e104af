import type { SplatKind } from '../parse/types.js';
import type { VmemmapOp, WindowPosition } from '../analyze/types.js';
import type { FailOn } from '../cli/fail-on.js';
import type { SeverityClass } from '../analyze/splat-severity.js';
import type { StopSignal } from '../util/stop-cause.js';

/** The summary's `schemaVersion` (schema/summary.schema.json): an integer, bumped on any change of its shape. */
export const SUMMARY_SCHEMA_VERSION = 6;

/** A 64-bit range as `0x`-prefixed lowercase hex strings; `end` is exclusive. */
export interface HexRange {
  start: string;
  end: string;
}

/**
 * vmemmap findings of one operation, one layout and one driver merged across logs: counts summed, hulls joined.
 * Findings of different layouts stay apart (a hull over two VA layouts or page sizes means nothing), and so do
 * those of different drivers (one machine's amdgpu range and another's test_hmm range are two problems).
 */
export interface SummaryVmemmap {
  op: VmemmapOp;
  /** Era, VA size and page size the findings were read with (`E3 48-bit/4K`; `, 80-byte struct page` when not 64), when known. */
  layout?: string;
  /** The driver named from the call trace (`amdgpu KFD SVM (kgd2kfd_init_zone_device)`), when one was. */
  driver?: string;
  /** Logs the findings come from. */
  logs: number;
  splatCount: number;
  readCount: number;
  pageHull?: HexRange;
  pfnHull?: HexRange;
  physHull?: HexRange;
  positions: WindowPosition[];
}

/** History of a cluster across the runs kept in a `db`: run sequence numbers. */
export interface ClusterHistory {
  firstRun: number;
  lastRun: number;
  /** Not seen in any earlier run. */
  isNew: boolean;
  /** Wall-clock first/last occurrence over all runs, when logs carried wall time. */
  firstSeen?: string;
  lastSeen?: string;
}

/** A cluster (one signature) over every log of a triage run: counts summed, lists joined, vmemmap findings merged. */
export interface SummaryCluster {
  /** The signature's id, as `Cluster.id`: the same across logs and runs. */
  id: string;
  kind: SplatKind;
  title: string;
  signature: string;
  /** Splats over all logs. */
  count: number;
  /** Logs the cluster occurs in. */
  logs: number;
  /** Wall-clock first/last occurrence (ISO-8601), from logs that carry wall time or from file times when asked. */
  firstSeen?: string;
  lastSeen?: string;
  /** Kernel releases and hardware names the splats printed, sorted, capped. */
  releases: string[];
  hardware: string[];
  /** The first log (by name) that shows the cluster. */
  exampleLog: string;
  /** Matched by the ignore list. */
  known: boolean;
  /** `--fail-on` kinds this cluster satisfies. */
  failOn: FailOn[];
  /** Splats over all logs after which the kernel panicked (`Cluster.panickedCount`); absent when none. */
  panickedCount?: number;
  vmemmap: SummaryVmemmap[];
  /** Present when the run recorded its history (`db`). */
  history?: ClusterHistory;
}

/** A cluster of one log: its id (`SummaryCluster.id`) and the log's splats in it. */
export interface SummaryLogCluster {
  id: string;
  count: number;
}

/** One log a triage run analysed (a file, or an archive member): its counts and the clusters it holds. */
export interface SummaryLog {
  /** `path` or `archive.tgz:member` (member names escaped). */
  name: string;
  /** The top-level input the log came from. */
  input: string;
  /** Bytes read, after decompression. */
  bytes: number;
  lines: number;
  splats: number;
  arch: string;
  /** Sorted by id. */
  clusters: SummaryLogCluster[];
  /** Per-log report files written to the out dir (names relative to it). */
  reports?: { json: string; markdown: string };
}

/**
 * `error`: the input could not be read (it makes the run exit 3); `skipped`: passed over on purpose (not a kernel
 * log, not a regular file, a symlink not followed, cut short by Ctrl-C); `warning`: read, with a note worth a look.
 */
export type IssueSeverity = 'error' | 'skipped' | 'warning';

/** An input (or archive member) that could not be read, was skipped, or is suspicious. */
export interface SummaryIssue {
  input: string;
  severity: IssueSeverity;
  reason: string;
}

/** Counts over a whole triage run; `mergeSummaries` adds them up. */
export interface SummaryTotals {
  /** Top-level inputs (files named or found by the walk; an archive is one). */
  inputs: number;
  /** Logs analysed: plain files and archive members, texts with no kernel line not counted. */
  logs: number;
  logsWithSplats: number;
  /** Bytes of the logs, after decompression. */
  bytes: number;
  lines: number;
  splats: number;
  /** Issues of severity `error`. */
  errors: number;
  /** Issues of severity `skipped`. */
  skipped: number;
  /** Texts that held no kernel line, no boot banner and no splat (a README among the logs): not logs, each a skipped issue. */
  notKernelLogs: number;
  /**
   * Logs by the severity class of their most severe clustered splat (severity-rank.ts): each log with a cluster
   * counts in one class, so `crash` is the number of logs that crashed.
   */
  logsBySeverity: Record<SeverityClass, number>;
}

/** The run's place in the history `db`, when it recorded one. */
export interface SummaryRun {
  /** Sequence number of this run in the history db (1-based). */
  sequence: number;
  /** Sequence number of the run before it, when there is one. */
  previous?: number;
}

/**
 * Which shards of a `--shard i/n` run a summary covers: a shard's own summary names its index, a merge of some of
 * them their indices. A merge that holds every shard, or summaries of no or of different shardings, has none.
 */
export interface SummaryShards {
  count: number;
  /** Ascending, each once. */
  indices: number[];
}

/** A triage summary over many logs (schema/summary.schema.json); summaries merge associatively (mergeSummaries). */
export interface Summary {
  schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  /** Only when asked for (`timestamps`): same inputs otherwise give byte-identical summaries. */
  generatedAt?: string;
  /** Ctrl-C (or SIGTERM, SIGHUP, a caller's abort) stopped the run: the summary covers what finished. */
  interrupted: boolean;
  /**
   * What stopped it, when interrupted by a stop signal (the CLI's; a library caller's own abort names none); a merge
   * lists each of its summaries' once, in the order SIGINT, SIGTERM, SIGHUP (schema 6).
   */
  interruptedBy?: StopSignal[];
  totals: SummaryTotals;
  /** Sorted by severity class (crash, hang, warning, other; severity-rank.ts), then logs and count (descending), then id. */
  clusters: SummaryCluster[];
  /** Sorted by name. */
  logs: SummaryLog[];
  /** Sorted by input, severity, reason. */
  issues: SummaryIssue[];
  run?: SummaryRun;
  shards?: SummaryShards;
}
