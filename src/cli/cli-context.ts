import { progressEnabled as progressWanted } from '../triage/progress-policy.js';
import { sanitizeTerminal } from '../report/terminal-sanitize.js';
import { MIN_TEXT_WIDTH } from '../report/min-text-width.js';

/** What a command needs from the process, injectable for tests. */
export interface CliContext {
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdoutIsTTY: boolean;
  /** Whether stdin is a terminal: a command about to read it there says how to end the input. */
  stdinIsTTY?: boolean;
  /** The terminal's width when stdout is one (process.stdout.columns). */
  stdoutColumns?: number;
  env: NodeJS.ProcessEnv;
  /** Aborted on the first Ctrl-C, SIGTERM or SIGHUP (its reason: the signal's name, see stop-signals.ts). */
  signal: AbortSignal;
  /** The command line as given, for what yargs loses (a bare `-`, see stdin-positional.ts); runCli sets it. */
  rawArgs?: readonly string[];
  /** Whether `analyze` and `triage` may tune V8's heap for this process (heap-policy.ts): main() does; embedders and tests not. */
  heapPolicy?: boolean;
}

export function useColour(ctx: CliContext, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  return ctx.stdoutIsTTY && !noColor(ctx) && ctx.env.TERM !== 'dumb';
}

/** NO_COLOR set to a non-empty value (no-color.org: an empty one does not count). */
export function noColor(ctx: CliContext): boolean {
  return ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '';
}

/** Progress and spinners go to stderr only on an interactive terminal of some width, never in CI or under --quiet. */
export function progressEnabled(ctx: CliContext, quiet: boolean | undefined): boolean {
  const columns = (ctx.stderr as { columns?: number }).columns;
  return progressWanted({
    isTTY: ctx.stderr.isTTY === true,
    ...(columns !== undefined && { columns }),
    ...(ctx.env.CI !== undefined && { ci: ctx.env.CI }),
    ...(quiet !== undefined && { quiet }),
  });
}

/**
 * The spinner of `analyze`: as progressEnabled, but not when a log is read from stdin and stdin is a terminal, where
 * it would draw over what is typed.
 */
export function spinnerEnabled(ctx: CliContext, quiet: boolean | undefined, inputs: readonly string[]): boolean {
  return progressEnabled(ctx, quiet) && !(ctx.stdinIsTTY === true && inputs.includes('-'));
}

export function printError(ctx: CliContext, message: string): void {
  // Messages name inputs, and an input's name is as untrusted as its text. A line break is escaped (`\x0a`), as
  // the text report shows it: the message stays one line and names the file that is there (a space had named one
  // that is not). yargs' own line breaks are joined where its message is taken (main.ts).
  ctx.stderr.write(`vmemwarn: ${sanitizeTerminal(message)}\n`);
}

/**
 * Before `what` is read from stdin: when stdin is a terminal, says so on stderr and how to end it, as a run that
 * seems to hang is otherwise one that waits for Ctrl-D. Not under --quiet.
 */
export function noteTerminalStdin(ctx: CliContext, what: string, quiet: boolean | undefined): void {
  if (ctx.stdinIsTTY === true && quiet !== true) printError(ctx, `reading ${what} from the terminal: end it with Ctrl-D, or name a file instead`);
}

/**
 * Table rows of a text summary are clipped to the terminal's width on a terminal of some width (at least
 * MIN_TEXT_WIDTH, as the text report's prose: renderSummaryText takes no fewer); elsewhere kept whole.
 */
export function tableColumns(ctx: CliContext, toFile: boolean): number | undefined {
  if (toFile || !ctx.stdoutIsTTY || ctx.stdoutColumns === undefined || ctx.stdoutColumns <= 0) return undefined;
  return Math.max(MIN_TEXT_WIDTH, ctx.stdoutColumns);
}

/** The text report fits the terminal's width on a terminal (between MIN_TEXT_WIDTH, 60, and 100), else 100 columns. */
export function textWidth(ctx: CliContext, toFile: boolean): number | undefined {
  if (toFile || !ctx.stdoutIsTTY || ctx.stdoutColumns === undefined) return undefined;
  return Math.max(MIN_TEXT_WIDTH, Math.min(100, ctx.stdoutColumns));
}
