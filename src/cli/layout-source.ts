import type { LayoutEvidence } from '../layout/infer.js';
import type { LayoutOverrides } from '../layout/types.js';
import { evidenceFromResult, layoutBootNote } from '../analyze/layout-evidence.js';
import { ReadInterrupted } from '../until-aborted.js';
import type { Argv } from 'yargs';
import { layoutOverrides, withLayoutFlags, type LayoutFlags } from './layout-flags.js';
import { InputError, UsageError } from '../errors.js';

export interface LogFlag {
  log?: string;
}

/** What `explain` and `layout` share: the layout flags, `--log`, and a text or JSON answer. */
export interface LayoutSourceArgs extends LayoutFlags, LogFlag {
  format: 'text' | 'json';
  output?: string;
}

export function withLayoutSourceFlags<T>(y: Argv<T>): Argv<T & LayoutSourceArgs> {
  return withLayoutFlags(
    y
      .option('log', { type: 'string', describe: 'Infer the layout from this log (flags still override)' })
      .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' })
      .option('output', { alias: 'o', type: 'string', describe: 'Write to FILE instead of stdout' }),
  ) as unknown as Argv<T & LayoutSourceArgs>;
}

/**
 * The log to infer from: a positional FILE or `--log FILE`, the same thing; both at once (naming different logs) is a
 * usage error. `files` is the positional as withStdinPositional gives it back (yargs reads a bare `-` there as '').
 */
export function logFromPositional(command: 'layout' | 'explain', files: readonly string[], log: string | undefined): string | undefined {
  // After `--` (`layout -- ""`), where main.ts' check of the positionals does not look.
  if (files.includes('')) throw new UsageError("an empty path ('') names no file");
  if (files.length > 1) throw new UsageError(`${command} takes one log, not ${files.length}: ${files.join(' ')}`);
  const file = files[0];
  if (file !== undefined && log !== undefined && file !== log) {
    throw new UsageError(`${command}: give the log once, as FILE or as --log, not both ('${file}' and '${log}')`);
  }
  return file ?? log;
}

/**
 * Layout evidence and overrides for `explain` and `layout`: flags, plus the facts of `--log FILE` when given, and
 * the lines for stderr: the log's warnings (as `analyze` prints them), and a note naming the boot the facts came from
 * when the log holds several.
 */
export async function layoutInputs(
  argv: LayoutFlags & LogFlag,
  signal?: AbortSignal,
): Promise<{ evidence: LayoutEvidence; overrides: LayoutOverrides; notes: string[] }> {
  const overrides = await layoutOverrides(argv, argv.log === '-' ? 'the log (- or --log -)' : undefined, signal);
  if (argv.log === undefined) return { evidence: {}, overrides, notes: [] };
  const { analyzeFile } = await import('../api.js');
  const result = await analyzeFile(argv.log, { layout: overrides, ...(signal && { signal }) });
  // A layout from part of a log could differ from the whole's: a stopped read gives none.
  if (result.interrupted) throw new ReadInterrupted();
  // The message already starts with the input's name, which InputError adds again.
  if (result.inputError !== undefined) throw new InputError(argv.log, InputError.reasonOf(result.inputError, result.source));
  const note = layoutBootNote(result);
  // What analyze warns of (an empty log, a binary file): else a log with nothing in it gave the defaults in silence.
  const notes = [...result.warnings.map((w) => `${result.source}: ${w}`), ...(note !== undefined ? [`note: ${note}`] : [])];
  return { evidence: evidenceFromResult(result), overrides, notes };
}
