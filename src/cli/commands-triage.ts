import type { Argv, CommandModule } from 'yargs';
import { UsageError, type ExitCode } from '../errors.js';
import { withLayoutFlags, layoutOverrides, type LayoutFlags } from './layout-flags.js';
import { SUMMARY_FORMATS, renderSummaryAs, type SummaryFormat } from './render-summary.js';
import { FAIL_ON_KINDS, type FailOn } from './fail-on.js';
import { checkOutputDir, checkOutputPath, writeOutput } from './output.js';
import { checkDistinctOutputs } from './distinct-outputs.js';
import { type CliContext, progressEnabled, printError, noColor, tableColumns, noteTerminalStdin } from './cli-context.js';
import { parseByteSize } from './byte-size.js';
import { MAX_SHARDS } from '../triage/shard.js';
import { MAX_JOBS } from '../triage/triage-options.js';
import { stdinRepeatNote, withStdinPositional } from './stdin-positional.js';
import { limitOldGenerationGrowth, YOUNG_GENERATION_CAP_BYTES } from '../util/heap-policy.js';
import { interruptedWords } from '../util/stop-cause.js';

interface TriageArgs extends LayoutFlags {
  paths?: string[];
  format: SummaryFormat;
  output?: string;
  jobs?: number;
  shard?: string;
  out?: string;
  ignore?: string;
  db?: string;
  'new-only'?: boolean;
  'file-times'?: boolean;
  timestamps?: boolean;
  'follow-symlinks'?: boolean;
  'fail-on'?: FailOn;
  'max-decompressed': string;
  quiet?: boolean;
}

/** `--shard 2/5` → { index: 2, count: 5 } (1-based). */
function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  // A task's shard comes from a 32-bit hash: past 2^32 shards every one would be empty.
  if (!m || count < 1 || index < 1 || index > count || count > MAX_SHARDS) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n ≤ 2^32, not '${text}'`);
  return { index, count };
}

export function triageCommand(ctx: CliContext, setExit: (code: ExitCode) => void): CommandModule<object, TriageArgs> {
  return {
    // `[paths..]`, not `<paths..>`: yargs counts no word after `--` for a required positional (`triage -- -x.log`).
    command: 'triage [paths..]',
    describe: 'Analyze many logs (directories, globs, compressed files, tar/zip archives) into one summary',
    builder: (y: Argv) =>
      withLayoutFlags(
        y
          .positional('paths', { type: 'string', array: true, describe: 'Files, directories, globs; - reads a list of paths from stdin (at least one)' })
          .option('format', { alias: 'f', choices: SUMMARY_FORMATS, default: 'text' as const, describe: 'Summary format' })
          .option('output', { alias: 'o', type: 'string', describe: 'Write the summary to FILE instead of stdout' })
          .option('jobs', { alias: 'j', type: 'number', describe: 'Worker threads (default: number of cores; 1 = in-process)' })
          .option('shard', { type: 'string', describe: 'Take part i of n of the inputs, chosen by path (e.g. 2/8)' })
          .option('out', { type: 'string', describe: 'Directory for per-log reports (JSON and Markdown)' })
          .option('ignore', { type: 'string', describe: 'File of known signatures (ids or title patterns), reported as known' })
          .option('db', { type: 'string', describe: 'SQLite history file: first/last seen across runs, new clusters' })
          .option('new-only', { type: 'boolean', describe: 'With --db: show only clusters new since the previous run' })
          .option('file-times', { type: 'boolean', describe: 'Use file modification times when a log has no wall time' })
          .option('timestamps', { type: 'boolean', describe: "Put the run's time in the summary and the --db history" })
          .option('follow-symlinks', { type: 'boolean', describe: 'Follow symlinks met inside directories' })
          .option('fail-on', { choices: FAIL_ON_KINDS, describe: 'Exit 1 when any log has a cluster of this kind' })
          .option('max-decompressed', { type: 'string', default: '4GiB', describe: 'Limit on decompressed bytes per input' })
          .option('quiet', { alias: 'q', type: 'boolean', describe: 'No progress on stderr' }),
      ) as unknown as Argv<TriageArgs>,
    handler: async (argv) => {
      // Both halves of the heap policy: this one here, the young generation's by runTriage on each thread.
      if (ctx.heapPolicy === true) limitOldGenerationGrowth();
      // Where triage writes besides its summary: checked now, not found broken after every log was read. A log
      // named directly is no place for either; one met in the walk is refused there unless it holds what the run
      // writes (walk.ts ownOutputs), as it would be replaced.
      // The ignore list too: `--ignore known.txt -o known.txt` had replaced it with the summary.
      const named = [...(argv.paths ?? []), argv.config, argv.ignore];
      // `--db -` had made a history file named `-`, and `--out -` a directory of that name.
      if (argv.db === '-') throw new UsageError('--db -: the history is a file that each run reads and rewrites, not stdin or stdout');
      if (argv.out === '-') throw new UsageError('--out -: per-log reports go to a directory, not stdout (-o - writes the summary there)');
      await checkDistinctOutputs([['--output', argv.output], ['--db', argv.db], ['--out', argv.out]]);
      await checkOutputPath(argv.output, '--output', named);
      if (argv.db !== undefined) await checkOutputPath(argv.db, '--db', named);
      if (argv.out !== undefined) await checkOutputDir(argv.out, '--out');
      if (argv.jobs !== undefined && (!Number.isInteger(argv.jobs) || argv.jobs < 1 || argv.jobs > MAX_JOBS)) {
        throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not ${argv.jobs}`);
      }
      if (argv['new-only'] && argv.db === undefined) throw new UsageError('--new-only needs --db FILE');
      const inputs = withStdinPositional(ctx.rawArgs ?? [], argv.paths ?? [], argv as unknown as Record<string, unknown>);
      if (inputs.length === 0) throw new UsageError('triage: name at least one path: a file, directory or glob (- reads a list of paths from stdin)');
      const stdinTwice = stdinRepeatNote(ctx.rawArgs ?? [], argv as unknown as Record<string, unknown>);
      if (stdinTwice !== undefined && !argv.quiet) printError(ctx, stdinTwice);
      const pathsOnStdin = inputs.includes('-') ? 'the list of paths (-)' : undefined;
      if (argv.ignore === '-' && pathsOnStdin !== undefined) throw new UsageError(`--ignore - cannot read stdin: ${pathsOnStdin} reads it`);
      const layout = await layoutOverrides(argv, pathsOnStdin ?? (argv.ignore === '-' ? '--ignore -' : undefined), ctx.signal);
      if (inputs.includes('-')) noteTerminalStdin(ctx, 'a list of paths', argv.quiet);
      // Loaded only when triage runs: the pool, archive readers and SQLite stay out of every other command.
      const { runTriage } = await import('../triage/run-triage.js');
      // Without sql.js the flag is named, as runTriage names its option to a library caller.
      if (argv.db !== undefined) await (await import('../triage/load-history.js')).loadHistory('--db');
      const { createProgressReporter } = await import('../triage/progress.js');
      const progress = await createProgressReporter(ctx.stderr, { enabled: progressEnabled(ctx, argv.quiet), colour: !noColor(ctx) });
      const outcome = await runTriage(
        {
          inputs,
          ...(argv.jobs !== undefined && { jobs: argv.jobs }),
          ...(argv.shard !== undefined && { shard: parseShard(argv.shard) }),
          ...(argv.out !== undefined && { outDir: argv.out }),
          ...(argv.output !== undefined && { summaryFile: argv.output }),
          ...(argv.ignore !== undefined && { ignoreFile: argv.ignore }),
          ...(argv.db !== undefined && { db: argv.db }),
          ...(argv['new-only'] !== undefined && { newOnly: argv['new-only'] }),
          ...(argv['file-times'] !== undefined && { fileTimes: argv['file-times'] }),
          ...(argv.timestamps !== undefined && { timestamps: argv.timestamps }),
          ...(argv['follow-symlinks'] !== undefined && { followSymlinks: argv['follow-symlinks'] }),
          ...(argv['fail-on'] !== undefined && { failOn: argv['fail-on'] }),
          ...(ctx.heapPolicy === true && { youngGenerationCapBytes: YOUNG_GENERATION_CAP_BYTES }),
          analyze: { layout, maxDecompressedBytes: parseByteSize(argv['max-decompressed'], '--max-decompressed') },
        },
        { onProgress: (p) => progress.update(p), signal: ctx.signal },
      );
      progress.stop();
      const s = outcome.summary;
      const columns = tableColumns(ctx, argv.output !== undefined && argv.output !== '-');
      const text = await renderSummaryAs(argv.format, s, argv['fail-on'], columns === undefined ? {} : { columns });
      // The verdict stands before the summary is written: a reader that goes away (| head) must not turn it into 0.
      setExit(outcome.exitCode);
      try {
        await writeOutput(text, argv.output);
      } finally {
        // Also when stdout went away (| head): the exit code alone would not say which inputs failed.
        for (const issue of outcome.errors) printError(ctx, `${issue.input}: ${issue.reason}`);
        if (outcome.exitCode === 130) {
          printError(ctx, `${interruptedWords(s.interruptedBy)} after ${s.totals.inputs} of ${outcome.inputsFound} inputs found: the summary covers the logs that finished`);
        }
      }
    },
  };
}
