import type { Argv, CommandModule } from 'yargs';
import type { ExitCode } from '../errors.js';
import { stdinRepeatNote, withStdinPositional } from './stdin-positional.js';
import { SUMMARY_FORMATS, renderSummaryAs, type SummaryFormat } from './render-summary.js';
import { FAIL_ON_KINDS, type FailOn } from './fail-on.js';
import { anyLogFails } from '../triage/failing-logs.js';
import { checkOutputPath, writeOutput } from './output.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { noteTerminalStdin, printError, tableColumns, type CliContext } from './cli-context.js';
import { readInputFile } from '../ingest/read-bounded.js';
import { interruptedWords } from '../util/stop-cause.js';
import { shardIndicesProblem } from './shard-indices.js';

/** Below V8's longest string (512 MiB), so a too-large file gets this tool's message, not a crash. */
const MAX_SUMMARY_BYTES = 256 * 1024 * 1024;

interface MergeArgs {
  summaries?: string[];
  format: SummaryFormat;
  output?: string;
  'fail-on'?: FailOn;
}

export function mergeCommand(ctx: CliContext, setExit: (code: ExitCode) => void): CommandModule<object, MergeArgs> {
  return {
    // `[summaries..]`, not `<summaries..>`: yargs counts no word after `--` for a required positional.
    command: 'merge [summaries..]',
    describe: 'Combine triage summaries (e.g. from --shard runs) into one; each is validated against the schema',
    builder: (y: Argv) =>
      y
        .positional('summaries', { type: 'string', array: true, describe: 'summary.json files written by triage --format json; - reads one from stdin (at least one)' })
        .option('format', { alias: 'f', choices: SUMMARY_FORMATS, default: 'json' as const, describe: 'Output format' })
        .option('output', { alias: 'o', type: 'string', describe: 'Write the merged summary to FILE' })
        .option('fail-on', { choices: FAIL_ON_KINDS, describe: 'Exit 1 when any log has a cluster of this kind' }) as unknown as Argv<MergeArgs>,
    handler: async (argv) => {
      await checkOutputPath(argv.output);
      const { mergeSummaries, missingShards } = await import('../triage/merge.js');
      const { parseSummary } = await import('../triage/validate-summary.js');
      const summaries = [];
      const paths = withStdinPositional(ctx.rawArgs ?? [], argv.summaries ?? [], argv as unknown as Record<string, unknown>);
      if (paths.length === 0) throw new UsageError('merge: name at least one summary.json written by triage --format json (- reads one from stdin)');
      const stdinTwice = stdinRepeatNote(ctx.rawArgs ?? [], argv as unknown as Record<string, unknown>);
      if (stdinTwice !== undefined) printError(ctx, stdinTwice);
      if (paths.includes('-')) noteTerminalStdin(ctx, 'a summary', undefined);
      for (const path of paths) {
        const text = (await readInputFile(path, MAX_SUMMARY_BYTES, 'summary', undefined, ctx.signal)).toString('utf8');
        const summary = parseSummary(text, path);
        const problem = shardIndicesProblem(summary);
        if (problem !== undefined) throw new InputError(path, `not a vmemwarn summary: ${problem}`);
        summaries.push(summary);
      }
      // Shards of one run hold disjoint logs; the same log in two summaries is counted twice in the merge.
      const merged = mergeSummaries(summaries, { onWarning: (message) => printError(ctx, `warning: ${message}`) });
      // Shard runs are separate CI jobs: one that never uploaded its summary would otherwise go unnoticed.
      if (merged.shards) {
        const missing = missingShards(merged.shards);
        printError(ctx, `warning: the summaries cover ${merged.shards.indices.length} of ${merged.shards.count} shards: ${missing.length === 1 ? 'shard' : 'shards'} ${listShards(missing)} of ${merged.shards.count} missing`);
      }
      const columns = tableColumns(ctx, argv.output !== undefined && argv.output !== '-');
      const text = await renderSummaryAs(argv.format, merged, argv['fail-on'], columns === undefined ? {} : { columns });
      // As one triage over all the shards' inputs would exit: an input error in a shard wins over --fail-on, and a
      // shard cut short by Ctrl-C leaves the merge incomplete (exit 3, said on stderr; 130 is for this run's Ctrl-C).
      const errors = merged.issues.filter((i) => i.severity === 'error').length;
      if (merged.interrupted) printError(ctx, `warning: a summary was ${interruptedWords(merged.interruptedBy)}: the merge covers only the logs it finished`);
      if (errors > 0 || merged.interrupted) setExit(EXIT.input);
      else if (anyLogFails(merged, argv['fail-on'])) setExit(EXIT.failOnMatched);
      try {
        await writeOutput(text, argv.output);
      } finally {
        // As triage names them: exit 3 alone would not say which inputs of which shard failed.
        for (const issue of merged.issues) if (issue.severity === 'error') printError(ctx, `${issue.input}: ${issue.reason}`);
      }
    },
  };
}

/** `1, 3` or `1-4, 7`: shard indices, runs of three or more as ranges. */
function listShards(indices: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length; ) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${indices[i]}-${indices[j]}` : indices.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}
