import { availableParallelism } from 'node:os';
import { InputError, UsageError } from '../errors.js';
import type { InputContext } from './input-context.js';
import type { InputTask } from './input-task.js';
import type { RunnerHooks } from './runner-hooks.js';
import type { Summary } from './summary-types.js';
import type { TriageOptions, TriageOutcome, TriageProgress } from './triage-options.js';
import { DEFAULT_MAX_BUFFERED_ZIP_BYTES, MAX_JOBS, SHARD_KEYS, TRIAGE_ANALYZE_KEYS, TRIAGE_OPTION_KEYS } from './triage-options.js';
import { walkInputs, type OwnOutput } from './walk.js';
import { MAX_SHARDS, selectShard, shardOf } from './shard.js';
import { runInProcess } from './run-in-process.js';
import { runPool } from './pool.js';
import { TaskQueue } from './task-queue.js';
import { mergeSummaries, SummaryFold } from './merge.js';
import { summarizeIssues } from './summarize-log.js';
import { loadIgnoreList } from './ignore-list.js';
import { loadHistory } from './load-history.js';
import { markKnown } from './known-clusters.js';
import { keepClusters } from './keep-clusters.js';
import { anyLogFails } from './failing-logs.js';
import { capYoungGeneration } from '../util/heap-policy.js';
import { letGoOfInput, releaseBlockedFifos } from '../ingest/blocked-fifos.js';
import { ReadInterrupted } from '../until-aborted.js';
import { checkAnalyzeOptions } from '../analyze/check-options.js';
import { checkBoolean, checkWholeNumber } from '../util/option-values.js';
import { FAIL_ON_KINDS } from '../cli/fail-on.js';
import { describeValue } from '../util/describe-value.js';
import { checkOptionKeys, checkOptionsObject, optionKeys } from '../util/option-keys.js';
import { isAbortSignal } from '../analyze/check-callbacks.js';
import { checkArgument, inFunction } from '../util/check-argument.js';
import { stopSignalOf } from '../util/stop-cause.js';

/** The progress callback and stop signal of `runTriage`. */
export interface TriageHooks {
  /** Called as each input starts and as it is done; a hook that throws rejects the run. */
  onProgress?(p: TriageProgress): void;
  /** Stops the run (the walk, then the analyses): it resolves with the summary of what finished, marked interrupted. */
  signal?: AbortSignal;
}

/** The keys of `TriageHooks`: any other is a UsageError. */
const TRIAGE_HOOK_KEYS = optionKeys<TriageHooks>()(['onProgress', 'signal']);

/**
 * `vmemwarn triage`: finds the logs under the inputs, analyses each (worker threads when `jobs` > 1), and returns
 * one summary over all of them with every unreadable or skipped input listed. Ctrl-C (the signal) ends early
 * with the summary of what finished, marked interrupted. A bad option value, or a key of `opts`, `hooks`,
 * `opts.analyze` or `opts.shard` that is none of their options, is a UsageError before anything is read.
 */
export async function runTriage(opts: TriageOptions, hooks: TriageHooks = {}): Promise<TriageOutcome> {
  inFunction('runTriage', () => validate(opts, hooks));
  // From the start: capped only once the walk was done, the young generation had grown to 16 MiB semi-spaces while
  // a walk of 20,000 files made its tasks, and the heap kept the 60 MiB it had reached by then.
  const stopCapping = opts.youngGenerationCapBytes === undefined ? undefined : capYoungGeneration(undefined, opts.youngGenerationCapBytes);
  try {
    return await triage(opts, hooks);
  } finally {
    stopCapping?.();
  }
}

async function triage(opts: TriageOptions, hooks: TriageHooks): Promise<TriageOutcome> {
  const ignore = opts.ignoreFile ? await loadIgnoreList(opts.ignoreFile, hooks.signal).catch(letGoIfStopped(opts.ignoreFile)) : undefined;
  // sql.js is loaded only for a run that records history; no sql.js installed fails before the walk, a file that
  // cannot be a history after it, before any analysis.
  const history = opts.db ? await loadHistory('runTriage: db') : undefined;
  const ownOutputs: OwnOutput[] = [
    ...(opts.summaryFile !== undefined ? [{ path: opts.summaryFile, what: 'the summary', holds: 'vmemwarn output' as const }] : []),
    ...(opts.outDir !== undefined ? [{ path: opts.outDir, what: 'the per-log reports' }] : []),
    ...(opts.db !== undefined ? [{ path: opts.db, what: 'the history', holds: 'SQLite database' as const }] : []),
  ];
  // The walk first: a log in a folder being read named as the history is a usage error, not "not a SQLite database".
  const walked = await walkInputs(opts.inputs, {
    ownOutputs,
    ...(opts.followSymlinks !== undefined && { followSymlinks: opts.followSymlinks }),
    ...(opts.stdin && { stdin: opts.stdin }),
    ...(hooks.signal && { signal: hooks.signal }),
  });
  // A path list on stdin whose writer idles must not hold the process open after a stop either.
  if (hooks.signal?.aborted && opts.stdin === undefined && opts.inputs.includes('-')) letGoOfInput('-');
  if (opts.db) await history?.checkHistory(opts.db);
  const tasks = selectShard(walked.tasks, opts.shard);
  // Problems met while walking belong to a shard too, so that merged shards list each exactly once; like a log's,
  // their shard follows the path relative to the argument, whatever the mount point.
  const walkIssues = opts.shard
    ? walked.issues.filter((_, i) => shardOf({ rel: walked.issueRels[i] ?? '' }, opts.shard?.count ?? 1) === opts.shard?.index)
    : walked.issues;

  const ctx: InputContext = {
    analyze: opts.analyze ?? {},
    maxBufferedZipBytes: opts.maxBufferedZipBytes ?? DEFAULT_MAX_BUFFERED_ZIP_BYTES,
    fileTimes: !!opts.fileTimes,
    ...(opts.outDir !== undefined && { outDir: opts.outDir }),
    ...(opts.youngGenerationCapBytes !== undefined && { youngGenerationCapBytes: opts.youngGenerationCapBytes }),
  };
  const jobs = opts.jobs ?? availableParallelism();
  const runnerHooks = progressHooks(tasks, hooks);
  // Each input's summary is folded in as it finishes, not kept to the end (SummaryFold).
  const fold = new SummaryFold();
  await runAll(new TaskQueue(tasks), ctx, jobs, runnerHooks, fold);
  // A stopped run may leave a FIFO open or read waiting in a pool thread, which holds the process' exit up.
  if (hooks.signal?.aborted) releaseBlockedFifos(new Set(tasks.map((t) => t.path)));

  fold.push(summarizeIssues(walkIssues));
  let summary = fold.result();
  markStopped(summary, hooks.signal);
  if (opts.shard) summary.shards = { count: opts.shard.count, indices: [opts.shard.index] };
  if (ignore) summary = markKnown(summary, ignore);
  if (opts.timestamps) summary.generatedAt = new Date().toISOString();
  if (opts.db && history) {
    summary = await recordOrKeep((db, s) => history.recordRun(db, s, hooks.signal), opts.db, summary);
    // A stop while another run held the history's lock: the summary says so (and the exit code), as after a walk.
    markStopped(summary, hooks.signal);
  }
  if (opts.newOnly) summary = keepClusters(summary, (c) => c.history?.isNew === true);
  return outcome(summary, opts, tasks.length);
}

/** Marks the summary interrupted, and by what, once `signal` has stopped the run. */
function markStopped(summary: Summary, signal: AbortSignal | undefined): void {
  summary.interrupted = signal?.aborted ?? false;
  const stoppedBy = stopSignalOf(signal);
  if (stoppedBy !== undefined) summary.interruptedBy = [stoppedBy];
}

/** The summary with its history; when the history cannot be written (a full disk), the summary and an error issue. */
async function recordOrKeep(record: (db: string, s: Summary) => Promise<Summary>, db: string, summary: Summary): Promise<Summary> {
  try {
    return await record(db, summary);
  } catch (err) {
    const reason = err instanceof InputError ? InputError.reasonOf(err.message, db) : `cannot record the run: ${(err as Error).message}`;
    return mergeSummaries([summary, summarizeIssues([{ input: db, severity: 'error', reason }])]);
  }
}

/**
 * jobs ≤ 1: this thread alone. Otherwise jobs − 1 workers and this thread, all taking from one queue: the
 * coordinating thread is mostly idle, and its analyses start before any worker has loaded.
 */
async function runAll(queue: TaskQueue, ctx: InputContext, jobs: number, hooks: RunnerHooks, into: SummaryFold): Promise<void> {
  if (jobs <= 1) {
    await runInProcess(queue, ctx, hooks, into);
    return;
  }
  // Either runner failing (a hook of the caller's that throws) stops the other: a rejected runTriage must not go on
  // analysing and writing reports behind the caller's back.
  const stop = new AbortController();
  const outer = hooks.signal;
  // With the outer reason: the runners name the stop signal (SIGTERM) that cut an input short.
  const relay = (): void => stop.abort(outer?.reason);
  if (outer?.aborted) stop.abort(outer.reason);
  outer?.addEventListener('abort', relay, { once: true });
  const both = { ...hooks, signal: stop.signal };
  try {
    await Promise.all([runPool(queue, ctx, jobs - 1, both, undefined, into), runInProcess(queue, ctx, both, into)]);
  } catch (err) {
    stop.abort();
    throw err;
  } finally {
    outer?.removeEventListener('abort', relay);
  }
}

/**
 * For a read of `spec` that a stop ended (ReadInterrupted): its FIFO or stdin is let go of, so that the caller's
 * process can exit (the README's promise for a stopped call); the error goes on.
 */
function letGoIfStopped(spec: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof ReadInterrupted) letGoOfInput(spec);
    throw err;
  };
}

function validate(opts: TriageOptions, hooks: TriageHooks): void {
  // From JavaScript, JSON or YAML a string in place of the array is an easy slip: each of its characters had been an
  // input, and `'/'` walked the whole filesystem.
  if (typeof opts !== 'object' || opts === null) throw new UsageError(`options must be an object: { inputs: [paths] }, not ${describeValue(opts)}`);
  // A misspelt key (`job`, `ignore`) had left its option at the default without a word.
  checkOptionKeys(opts, TRIAGE_OPTION_KEYS);
  checkOptionsObject(hooks, TRIAGE_HOOK_KEYS, 'hooks');
  // A signal of the wrong kind had failed in the walk (a raw TypeError), an onProgress that is none at the first input.
  checkArgument(hooks.signal === undefined || isAbortSignal(hooks.signal), 'runTriage', 'hooks.signal', 'an AbortSignal', hooks.signal);
  checkArgument(hooks.onProgress === undefined || typeof hooks.onProgress === 'function', 'runTriage', 'hooks.onProgress', 'a function', hooks.onProgress);
  if (!Array.isArray(opts.inputs)) throw new UsageError(`inputs must be an array of paths, not ${describeValue(opts.inputs)}`);
  const notPath = opts.inputs.findIndex((input) => typeof input !== 'string' || input === '');
  if (notPath !== -1) throw new UsageError(`inputs[${notPath}] must be a path (file, directory, glob or -), not ${describeValue(opts.inputs[notPath])}`);
  if (opts.inputs.length === 0) throw new UsageError('inputs must hold at least one path (file, directory, glob or -)');
  if (opts.shard) {
    checkOptionKeys(opts.shard, SHARD_KEYS, (key) => `shard.${key}`);
    const { index, count } = opts.shard;
    if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index < 1 || index > count || count > MAX_SHARDS) {
      throw new UsageError(`bad shard ${index}/${count}: want i/n with 1 <= i <= n <= 2^32`);
    }
  }
  // A switch given as 'no' is truthy, and a path of another kind had failed later, as an input error or not at all
  // (outDir: 5 wrote no reports and said nothing); so had a stdin that is no stream, once '-' was read.
  for (const key of ['followSymlinks', 'newOnly', 'fileTimes', 'timestamps'] as const) checkBoolean(key, opts[key]);
  for (const key of ['ignoreFile', 'outDir', 'db', 'summaryFile'] as const) {
    const path: unknown = opts[key];
    checkArgument(path === undefined || (typeof path === 'string' && path !== ''), 'runTriage', key, 'a path (a non-empty string)', path);
  }
  checkArgument(opts.stdin === undefined || isReadable(opts.stdin), 'runTriage', 'stdin', 'a readable stream (process.stdin, Readable.from([…]))', opts.stdin);
  if (opts.newOnly && !opts.db) throw new UsageError('newOnly needs a history db to compare with');
  const failOn: unknown = opts.failOn;
  checkArgument(failOn === undefined || (FAIL_ON_KINDS as readonly unknown[]).includes(failOn), 'runTriage', 'failOn', `one of ${FAIL_ON_KINDS.join(', ')}`, failOn);
  // 0 and 1 both mean this thread alone.
  checkWholeNumber('jobs', opts.jobs, 0);
  // As the CLI's --jobs: 10,000 logs with jobs 10,000 had started a worker for each.
  if (opts.jobs !== undefined && opts.jobs > MAX_JOBS) throw new UsageError(`jobs must be at most ${MAX_JOBS}, not ${opts.jobs}`);
  checkWholeNumber('youngGenerationCapBytes', opts.youngGenerationCapBytes, 1);
  checkWholeNumber('maxBufferedZipBytes', opts.maxBufferedZipBytes, 1);
  // Checked here, not by each log: a bad value made every log an input error (exit 3) instead of one usage error.
  if (opts.analyze) checkAnalyzeOptions(opts.analyze, TRIAGE_ANALYZE_KEYS, (key) => `analyze.${key}`);
}

/** A stream `-` can read its path list from: an object that can be iterated asynchronously, as Node's streams can. */
function isReadable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

function progressHooks(tasks: readonly InputTask[], hooks: TriageHooks): RunnerHooks {
  const started = Date.now();
  const state: TriageProgress = {
    filesDone: 0,
    filesTotal: tasks.length,
    bytesDone: 0,
    bytesTotal: tasks.reduce((n, t) => n + t.sizeBytes, 0),
    elapsedMs: 0,
  };
  const emit = (): void => hooks.onProgress?.({ ...state, elapsedMs: Date.now() - started });
  return {
    ...(hooks.signal && { signal: hooks.signal }),
    onStart(task) {
      state.current = task.display;
      emit();
    },
    onDone(task) {
      state.filesDone++;
      state.bytesDone += task.sizeBytes;
      emit();
    },
  };
}

function outcome(summary: Summary, opts: TriageOptions, inputsFound: number): TriageOutcome {
  const errors = summary.issues.filter((i) => i.severity === 'error');
  const exitCode = summary.interrupted ? 130 : errors.length > 0 ? 3 : anyLogFails(summary, opts.failOn) ? 1 : 0;
  return { summary, errors, exitCode, inputsFound };
}
