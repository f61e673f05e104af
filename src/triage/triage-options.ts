import type { AnalyzeOptions } from '../analyze/analyze-options.js';
import { optionKeys } from '../util/option-keys.js';
import type { FailOn } from '../cli/fail-on.js';
import type { Summary } from './summary-types.js';

/** Worker threads a run may ask for: each is an isolate of 10 MiB or more before it reads anything. */
export const MAX_JOBS = 256;

/** What `runTriage` reads and how: inputs, jobs, shard, history db, ignore list, per-log report directory. */
export interface TriageOptions {
  /** Files, directories (recursive), shell globs, or `-` for a list of paths on stdin. */
  inputs: string[];
  /**
   * Stop the young generation of this thread (from before the walk) and of every worker growing at this size
   * (`capYoungGeneration`): V8 lets each grow to 32 MiB or more, most of it garbage not yet collected. The CLI sets
   * 4 MiB, and limits the old generation's growth too (`limitOldGenerationGrowth`). The V8 flag this sets is
   * process-wide and stays set.
   */
  youngGenerationCapBytes?: number;
  /** Worker threads; 0 or 1 analyses in-process. Default `os.availableParallelism()`. */
  jobs?: number;
  /** Follow symlinks met while walking directories (named arguments are always followed). */
  followSymlinks?: boolean;
  /** 1-based shard of the inputs to take. */
  shard?: { index: number; count: number };
  failOn?: FailOn;
  /** Known signatures: ids or title patterns, one per line, `#` comments. */
  ignoreFile?: string;
  /** Directory for per-log JSON + Markdown reports. */
  outDir?: string;
  /** SQLite history file (created when missing). */
  db?: string;
  /**
   * Where the caller writes the summary (the CLI's `--output`). Like `outDir` and `db`, it is left out of the walk:
   * a run over the folder that holds it must not read the last run's output as a log.
   */
  summaryFile?: string;
  /** Keep only clusters that are new since the previous run in `db`. */
  newOnly?: boolean;
  /** Use file modification times for first/last seen when a log carries no wall time. */
  fileTimes?: boolean;
  /** Put the run's wall-clock time in the summary (off: same inputs give identical summaries). */
  timestamps?: boolean;
  /** Per-log analysis options (layout overrides, caps). */
  analyze?: Omit<AnalyzeOptions, 'name'>;
  /** A zip met inside another archive is buffered for random access up to this size (default 64 MiB). */
  maxBufferedZipBytes?: number;
  /** Where `-` reads its path list from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/** The keys of `TriageOptions`: any other is a UsageError. */
export const TRIAGE_OPTION_KEYS = optionKeys<TriageOptions>()([
  'inputs', 'youngGenerationCapBytes', 'jobs', 'followSymlinks', 'shard', 'failOn', 'ignoreFile', 'outDir', 'db',
  'summaryFile', 'newOnly', 'fileTimes', 'timestamps', 'analyze', 'maxBufferedZipBytes', 'stdin',
]);

/** The keys of `TriageOptions.analyze`: those of `AnalyzeOptions` but `name`, which each log's path gives. */
export const TRIAGE_ANALYZE_KEYS = optionKeys<NonNullable<TriageOptions['analyze']>>()(['maxSplatLines', 'maxLineBytes', 'maxDecompressedBytes', 'layout']);

/** The keys of `TriageOptions.shard`. */
export const SHARD_KEYS = optionKeys<NonNullable<TriageOptions['shard']>>()(['index', 'count']);

/** A progress report of `runTriage` (`TriageHooks.onProgress`), counted in top-level inputs, not archive members. */
export interface TriageProgress {
  /** Inputs finished. */
  filesDone: number;
  /** Inputs the walk found (in this shard). */
  filesTotal: number;
  /** File sizes of the inputs finished, as stored (before decompression). */
  bytesDone: number;
  /** File sizes of all the inputs found. */
  bytesTotal: number;
  /** Input being analysed most recently started; absent before the first starts. */
  current?: string;
  /** Milliseconds since the analyses began (the walk not counted). */
  elapsedMs: number;
}

/** What `runTriage` resolves with: the summary, the unreadable inputs and the exit code the CLI would use. */
export interface TriageOutcome {
  summary: Summary;
  /** Inputs/members that could not be read (the summary's `error` issues). */
  errors: Summary['issues'];
  /** 130 interrupted, 3 an input could not be read, 1 `failOn` matched, else 0. */
  exitCode: 0 | 1 | 3 | 130;
  /** Inputs the walk found (in this shard): what an interrupted run's summary falls short of. */
  inputsFound: number;
}

export const DEFAULT_MAX_BUFFERED_ZIP_BYTES = 64 * 1024 * 1024;
