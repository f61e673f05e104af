import { existsSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { EXIT, VmemwarnError, UsageError, type ExitCode } from '../errors.js';
import { analyzeCommand } from './commands-analyze.js';
import { explainCommand } from './commands-explain.js';
import { layoutCommand } from './commands-layout.js';
import { triageCommand } from './commands-triage.js';
import { mergeCommand } from './commands-merge.js';
import { StdoutClosedError } from './output.js';
import { ReadInterrupted } from '../until-aborted.js';
import { type CliContext, printError } from './cli-context.js';
import { packageToolInfo } from '../report/tool-info.js';
import { releaseBlockedFifos } from '../ingest/blocked-fifos.js';
import { skipHelpCache } from './skip-help-cache.js';
import { checkFlagValues, type OptionKinds } from './missing-values.js';
import { shellWord } from './shell-word.js';
import { onStopSignals, signalExitCode, stoppedBy } from './stop-signals.js';

// One paragraph per line: yargs wraps them to the terminal, and a newline inside one would leave a ragged line.
const EPILOGUE = [
  'Exit codes: 0 done; 1 --fail-on matched; 2 usage error; 3 input or output error (unreadable or corrupt input, ' +
    'a report that cannot be written; wins over 1); 4 internal error; 130 interrupted by Ctrl-C, 143 by SIGTERM, 129 by SIGHUP (the report covers what was read).',
  'A closed stdout (| head) is noted on stderr and keeps the exit code the run had.',
].join('\n');

const COMMAND_NAMES = ['analyze', 'explain', 'layout', 'triage', 'merge'];
const COMMANDS = 'Name a command: analyze, explain, layout, triage or merge.';

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], callerCtx: CliContext): Promise<ExitCode> {
  const ctx: CliContext = { ...callerCtx, rawArgs: argv };
  let exitCode: ExitCode = EXIT.ok;
  const setExit = (code: ExitCode): void => {
    exitCode = code;
  };
  const tokens = dashValuesJoined(argv);
  // --quiet of the command run: its notes stay off stderr, the closed-stdout one too.
  let quiet = false;
  const parser: Argv = yargs(tokens)
    .scriptName('vmemwarn')
    .usage('$0 <command> [options]\n\nExplains arm64 vmemmap_populate/vmemmap_free WARNING storms and clusters every other splat in kernel logs.')
    .command(analyzeCommand(ctx, setExit))
    .command(explainCommand(ctx, setExit))
    .command(layoutCommand(ctx, setExit))
    .command(triageCommand(ctx, setExit))
    .command(mergeCommand(ctx, setExit))
    .demandCommand(1, COMMANDS)
    .recommendCommands()
    .strict()
    // A flag given twice takes its last value, as in most tools; yargs makes it a list, which no option expects (a
    // repeated --fail-on turned the CI gate off, a repeated -o crashed). yargs' own switch for this also folds the
    // positional lists, so it is done here, before validation.
    .middleware(lastValueWins, true)
    .middleware((args): void => {
      quiet = args.quiet === true;
    }, true)
    // getOptions() at this point holds the options of the command being run.
    .middleware((argv): void => checkFlagValues(tokens, (parser as unknown as { getOptions(): OptionKinds }).getOptions(), argv), true)
    // After the flags: an empty word left on the line is then no flag's value (`--log ''` needs a value).
    .middleware((argv): void => noEmptyPaths(argv, tokens), true)
    .help()
    .alias('h', 'help')
    .version(packageToolInfo().version)
    .epilogue(EPILOGUE)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, err) => {
      if (err) throw err;
      // yargs names a first word that is no command as an unknown argument.
      const first = tokens[0];
      if (first !== undefined && !COMMAND_NAMES.includes(first) && message === `Unknown argument: ${first}`) {
        // `vmemwarn dmesg.txt`: a log named where the command goes.
        const asLog = existsSync(first) ? ` To read it as a log: vmemwarn analyze ${shellWord(first)}` : '';
        throw new UsageError(`unknown command '${first}': ${COMMANDS}${asLog}`);
      }
      // `explain -0x10` reads as the flags -0 and -x: said as the value it was meant to be.
      const end = tokens.indexOf('--');
      const negative = (end === -1 ? tokens : tokens.slice(0, end)).find((t) => /^-(?:0x)?[0-9a-f]+$/i.test(t));
      if (first === 'explain' && negative !== undefined && message.startsWith('Unknown argument')) {
        throw new UsageError(`explain: '${negative}' is no value it takes: an address, pfn:N or phys:N is unsigned hex (0xffff…)`);
      }
      // yargs lays some messages out over lines; printError would show their breaks escaped.
      throw new UsageError(choicesInWords(message).replace(/\n\s*/g, ' '));
    });
  skipHelpCache(parser);
  try {
    await parser.parseAsync();
    return exitCode;
  } catch (err) {
    if (err instanceof StdoutClosedError) {
      if (!quiet) printError(ctx, 'stdout closed before the report was fully written');
      return exitCode;
    }
    // Ctrl-C while a file a flag names (--config, --ignore, a summary) or --log was still being waited for.
    if (err instanceof ReadInterrupted) {
      printError(ctx, 'interrupted before the report was made: nothing to report');
      return EXIT.interrupted;
    }
    if (err instanceof VmemwarnError) {
      // One line, the pointer to --help on it: a CI log shows the error as one entry.
      printError(ctx, err.exitCode === EXIT.usage ? `${err.message} (see 'vmemwarn --help')` : err.message);
      return err.exitCode;
    }
    printError(ctx, `internal error: ${(err as Error).message ?? String(err)}`);
    return EXIT.internal;
  }
}

/** The process entry: signals, exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const controller = new AbortController();
  onStopSignals(controller, (first) => {
    process.stderr.write('vmemwarn: interrupted again: exiting without writing the report\n');
    exitNow(signalExitCode(first));
  });
  // After SIGHUP stderr may be a terminal that is gone: a failed note must not end the run before its report is written.
  process.stderr.on('error', () => undefined);
  // A reader that goes away (| head) must not produce an EPIPE stack trace: writeOutput reports it, and the run's
  // exit code stands; other writes (help) just stop.
  process.stdout.on('error', () => undefined);
  const code = await runCli(argv, {
    stderr: process.stderr,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    ...(process.stdout.isTTY === true && process.stdout.columns !== undefined && { stdoutColumns: process.stdout.columns }),
    env: process.env,
    signal: controller.signal,
    heapPolicy: true,
  });
  // After Ctrl-C a read may still be pending on an idle stdin or FIFO, which would keep the process alive. The exit
  // code is the shell's for the signal that stopped the run: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP.
  if (code === EXIT.interrupted) exitNow(signalExitCode(stoppedBy(controller.signal)));
  process.exitCode = code;
}

/**
 * yargs' `Invalid values:\n  Argument: format, Given: "xml", Choices: "text", "json"` (one such line per flag) as
 * `--format "xml" is not one of "text", "json"`, a phrase per flag on the one line.
 */
export function choicesInWords(message: string): string {
  if (!message.startsWith('Invalid values:')) return message;
  const flags = [...message.matchAll(/Argument: (\S+), Given: (.*?), Choices: (.*?)\s*(?=Argument: |$)/gs)];
  if (flags.length === 0) return message;
  return flags.map(([, name, given, choices]) => `--${name} ${given} is not one of ${choices?.trim()}`).join('; ');
}

/** Exits at once, first releasing a FIFO open or read that would hold the exit up (blocked-fifos.ts). */
function exitNow(code: number): never {
  releaseBlockedFifos();
  process.exit(code);
}

/** The positionals that are lists; every other argument keeps the last of repeated values. */
const LIST_ARGUMENTS = new Set(['_', '$0', '--', 'files', 'summaries', 'paths']);

function lastValueWins(argv: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(argv)) {
    if (Array.isArray(value) && !LIST_ARGUMENTS.has(key)) argv[key] = value.at(-1);
  }
}

/** The positional lists of paths: `vmemwarn analyze ""` (an unset variable) had been read as a file named nothing. */
const PATH_LISTS = ['files', 'summaries', 'paths'];

/**
 * An empty path among the positionals: a list's, or the log of `layout [file]` and `explain VALUE [file]`, which had
 * been dropped (`layout ""` answered with the defaults, exit 0). yargs reads a bare `-` there as '' too: the log is
 * empty only when the command line holds an empty word, which by now is no flag's value.
 */
function noEmptyPaths(argv: Record<string, unknown>, tokens: readonly string[]): void {
  const empty = PATH_LISTS.some((key) => {
    const value = argv[key];
    return Array.isArray(value) && value.some((path) => path === '');
  });
  if (empty || (argv.file === '' && tokens.includes(''))) throw new UsageError("an empty path ('') names no file");
}

/** Long options whose value may be `-` (stdin or stdout), or where `-` is a usage error to report (`--db -`). */
const DASH_VALUE_OPTIONS = new Set(['--log', '--config', '--output', '--ignore', '--db', '--out']);

/** Long options whose value is hex: `--memstart -0x1000` was read as the flags -0 and -x (`Unknown arguments: 0, x`). */
const HEX_VALUE_OPTIONS = new Set(['--memstart']);
const NEGATIVE_HEX = /^-(?:0x)?[0-9a-f]+$/i;

/**
 * A value that begins with `-` and a digit but is no number yargs knows (`-1/4`, `-4k`, `-1KiB`, `-6.1-rc1`): after a
 * flag yargs read it as flags of its own (`--shard -1/4`: `Unknown argument: 1`), naming neither the flag nor the value.
 */
const DASH_DIGIT = /^-\d/;

/** A long flag without its value (`--shard`, not `--shard=…`), or a lone short one (`-j`). */
const FLAG = /^(?:--[^-=][^=]*|-[A-Za-z])$/;

/**
 * `--log -` as `--log=-`: yargs takes a lone `-` after a long option for a positional (`Unknown argument: -`), though
 * it takes it after a short one (`-o -`). So is a negative hex value after a hex option, and a value that begins with
 * `-` and a digit after any flag, for the flag's own check to name (`--shard must be i/n …, not '-1/4'`).
 */
function dashValuesJoined(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    const negative = next !== undefined && ((HEX_VALUE_OPTIONS.has(arg) && NEGATIVE_HEX.test(next)) || (FLAG.test(arg) && DASH_DIGIT.test(next)));
    if ((DASH_VALUE_OPTIONS.has(arg) && next === '-') || negative) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}
