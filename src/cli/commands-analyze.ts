import type { Argv, CommandModule } from 'yargs';
import { analyzeFile } from '../api.js';
import type { AnalysisResult } from '../analyze/types.js';
import { unreadResult } from '../analyze/unread-result.js';
import { InputError, UsageError, EXIT, type ExitCode } from '../errors.js';
import { buildReport } from '../report/model.js';
import { renderJsonChunks } from '../report/render-json.js';
import { renderTextChunks } from '../report/render-text.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { GITHUB_COMMENT_CHARS } from '../report/markdown-cap.js';
import { withLayoutFlags, layoutOverrides, type LayoutFlags } from './layout-flags.js';
import { FAIL_ON_KINDS, resultsMatch, type FailOn } from './fail-on.js';
import { checkOutputPath, writeOutput } from './output.js';
import { distinctInputs } from './distinct-inputs.js';
import { type CliContext, useColour, spinnerEnabled, printError, noColor, textWidth, noteTerminalStdin } from './cli-context.js';
import { packageToolInfo } from '../report/tool-info.js';
import { sanitizeTerminal } from '../report/terminal-sanitize.js';
import { parseByteSize } from './byte-size.js';
import { stdinRepeatNote, withStdinPositional } from './stdin-positional.js';
import { shellWord } from './shell-word.js';
import { stopCause } from './stop-signals.js';
import { createSpinner } from './spinner.js';
import { applyHeapPolicy, YOUNG_GENERATION_CAP_BYTES } from '../util/heap-policy.js';
import { availableParallelism } from 'node:os';

/** V8 strings stop at 2^29 - 24 characters, and a line is decoded into one: a larger cap could never be honoured. */
const MAX_LINE_BYTES_LIMIT = 256 * 1024 * 1024;

interface AnalyzeArgs extends LayoutFlags {
  files: string[];
  format: 'text' | 'json' | 'markdown';
  output?: string;
  'fail-on'?: FailOn;
  'max-line-bytes': string;
  'max-splat-lines': number;
  'max-decompressed': string;
  color?: boolean;
  quiet?: boolean;
  threads?: number;
}

/**
 * More inputs than this get a note naming triage: analyze keeps every input's analysis for its one report (500 logs
 * of 1 MiB: 31 MiB of analyses and a 19 MiB report model, 140–150 MiB peak), triage keeps a summary.
 */
const MANY_INPUTS = 100;

/** Default threads per file: a second thread nearly doubles the speed on a large log; each costs ~30 MiB more. */
const DEFAULT_MAX_THREADS = 2;
const MAX_THREADS = 64;

export function analyzeCommand(ctx: CliContext, setExit: (code: ExitCode) => void): CommandModule<object, AnalyzeArgs> {
  return {
    command: 'analyze [files..]',
    describe: 'Find, cluster and explain the splats in kernel logs (stdin when no file or -)',
    builder: (y: Argv) =>
      withLayoutFlags(
        y
          .positional('files', { type: 'string', array: true, default: [] as string[], describe: 'Log files (any compression); - for stdin' })
          .option('format', { alias: 'f', choices: ['text', 'json', 'markdown'] as const, default: 'text' as const, describe: 'Report format' })
          .option('output', { alias: 'o', type: 'string', describe: 'Write the report to FILE instead of stdout' })
          .option('fail-on', { choices: FAIL_ON_KINDS, describe: 'Exit 1 when a cluster of this kind is found (CI)' })
          .option('max-line-bytes', { type: 'string', default: '64KiB', describe: 'Cap on one line; longer lines keep their head' })
          .option('max-splat-lines', { type: 'number', default: 400, describe: 'Lines kept per splat; a report longer before the end of its trace is truncated' })
          .option('max-decompressed', { type: 'string', default: '4GiB', describe: 'Limit on decompressed bytes per input (gzip bomb guard)' })
          .option('color', { type: 'boolean', describe: 'Colour the text report (default: on a terminal, unless NO_COLOR; into -o FILE only when given)' })
          .option('quiet', { alias: 'q', type: 'boolean', describe: 'No progress or notes on stderr (errors still print)' })
          .option('threads', {
            type: 'number',
            describe: `Threads reading one large uncompressed file in parts (default: cores, at most ${DEFAULT_MAX_THREADS}; 1 = one piece)`,
          }),
      ) as unknown as Argv<AnalyzeArgs>,
    handler: async (argv) => {
      // The whole policy: triage applies it too, in halves (its young generation's on each thread, by runTriage).
      if (ctx.heapPolicy === true) applyHeapPolicy();
      const files = withStdinPositional(ctx.rawArgs ?? [], argv.files, argv as unknown as Record<string, unknown>);
      const stdinTwice = stdinRepeatNote(ctx.rawArgs ?? [], argv as unknown as Record<string, unknown>);
      if (stdinTwice !== undefined && !argv.quiet) printError(ctx, stdinTwice);
      const named = files.length > 0 ? files : ['-'];
      // No file reads stdin, which may be redirected from the file -o names.
      await checkOutputPath(argv.output, '--output', [...named, argv.config]);
      const inputs = await distinctInputs(named, (spec, first) => {
        if (!argv.quiet) printError(ctx, `note: ${spec} is the same file as ${first}: read once`);
      });
      const layout = await layoutOverrides(argv, inputs.includes('-') ? 'the log (no file, or -)' : undefined, ctx.signal);
      const maxLineBytes = parseByteSize(argv['max-line-bytes'], '--max-line-bytes');
      if (maxLineBytes > MAX_LINE_BYTES_LIMIT) {
        throw new UsageError(`--max-line-bytes must be at most 256MiB, not '${argv['max-line-bytes']}'`);
      }
      const maxDecompressedBytes = parseByteSize(argv['max-decompressed'], '--max-decompressed');
      if (!Number.isInteger(argv['max-splat-lines']) || argv['max-splat-lines'] < 10) {
        throw new UsageError(`--max-splat-lines must be a whole number ≥ 10, not ${argv['max-splat-lines']}`);
      }
      if (argv.threads !== undefined && (!Number.isInteger(argv.threads) || argv.threads < 1 || argv.threads > MAX_THREADS)) {
        throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS}, not ${argv.threads}`);
      }
      const threads = argv.threads ?? Math.min(availableParallelism(), DEFAULT_MAX_THREADS);
      if (inputs.includes('-')) noteTerminalStdin(ctx, 'the log', argv.quiet);
      if (!argv.quiet && inputs.length > MANY_INPUTS) {
        printError(ctx, `note: ${inputs.length} logs in one report: analyze keeps each one's analysis until the report is written; vmemwarn triage reads any number of logs into one summary in bounded memory`);
      }
      const spinner = spinnerEnabled(ctx, argv.quiet, inputs) ? (await createSpinner(ctx.stderr, { colour: !noColor(ctx) })).start('reading') : undefined;
      const results: AnalysisResult[] = [];
      let inputFailed = false;
      for (const spec of inputs) {
        if (ctx.signal.aborted) break;
        try {
          const result = await analyzeFile(spec, {
            layout,
            maxLineBytes,
            maxDecompressedBytes,
            maxSplatLines: argv['max-splat-lines'],
            threads,
            ...(ctx.heapPolicy === true && { youngGenerationCapBytes: YOUNG_GENERATION_CAP_BYTES }),
            signal: ctx.signal,
            ...(spinner && { onBytes: (n: number) => (spinner.text = `${sanitizeTerminal(spec)}: ${(n / 1048576).toFixed(0)} MiB read`) }),
          });
          results.push(result);
          if (!argv.quiet) for (const note of result.warnings) printError(ctx, `${result.source}: ${note}`);
          if (result.inputError !== undefined) {
            inputFailed = true;
            spinner?.clear();
            printError(ctx, `${result.inputError} (analyzed up to line ${result.stats.lines})`);
          }
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          inputFailed = true;
          spinner?.clear();
          printError(ctx, err.message);
          if (!argv.quiet && spec !== '-' && InputError.reasonOf(err.message, err.input) === 'is a directory') {
            printError(ctx, `note: analyze reads log files; to read the logs under a directory: vmemwarn triage ${shellWord(spec)}`);
          }
          // A saved report names the input it could not read, so that it never passes for one of all of them.
          results.push(unreadResult(spec, err.message));
        }
      }
      spinner?.stop();
      const report = buildReport(results, { tool: packageToolInfo() });
      // JSON and text are written an input at a time: a report over hundreds of inputs is tens of MB of JSON.
      // Markdown is rendered whole, as its length is checked against a GitHub comment's below.
      const markdown = argv.format === 'markdown' ? renderMarkdown(report) : undefined;
      // `-o -` is stdout, coloured and wrapped as without -o.
      const toFile = argv.output !== undefined && argv.output !== '-';
      const text =
        argv.format === 'json'
          ? renderJsonChunks(report)
          : (markdown ??
            renderTextChunks(report, {
              colour: toFile ? argv.color === true : useColour(ctx, argv.color),
              ...widthOption(textWidth(ctx, toFile)),
            }));
      // The verdict stands before the report is written: a reader that goes away (| head) must not turn it into 0.
      if (ctx.signal.aborted) setExit(EXIT.interrupted);
      else if (inputFailed) setExit(EXIT.input);
      else if (resultsMatch(results, argv['fail-on'])) setExit(EXIT.failOnMatched);
      await writeOutput(text, argv.output);
      if (markdown !== undefined && !argv.quiet && markdown.length > GITHUB_COMMENT_CHARS) {
        printError(ctx, `note: the Markdown report is ${markdown.length} characters, more than a GitHub comment takes (${GITHUB_COMMENT_CHARS}): attach it as a file, or report the inputs one at a time`);
      }
      if (ctx.signal.aborted) printError(ctx, `interrupted: the report covers what was read before ${stopCause(ctx.signal)}`);
    },
  };
}

function widthOption(width: number | undefined): { width?: number } {
  return width === undefined ? {} : { width };
}
