import type { Argv, CommandModule } from 'yargs';
import { UsageError, type ExitCode } from '../errors.js';
import { explainValue, type ValueKind } from '../layout/explain.js';
import { plausibleLayouts } from '../layout/infer.js';
import { renderExplainJson, renderExplainText } from '../report/render-explain.js';
import { parseU64 } from './layout-flags.js';
import { layoutInputs, logFromPositional, withLayoutSourceFlags, type LayoutSourceArgs } from './layout-source.js';
import { withStdinPositional } from './stdin-positional.js';
import { checkOutputPath, writeOutput } from './output.js';
import { type CliContext, printError, noteTerminalStdin } from './cli-context.js';

interface ExplainArgs extends LayoutSourceArgs {
  value?: string;
  file?: string;
}

const WHAT = 'give a struct page address, pfn:N or phys:N (hex)';

/**
 * The value and the log, if any: `explain VALUE [FILE]`, from the positionals or after `--` (yargs fills no positional
 * from there: `explain -- 0x…` had been "not enough arguments"; a bare `-` it reads as '', withStdinPositional puts it
 * back).
 */
export function explainWords(rawArgs: readonly string[], positionals: readonly (string | undefined)[], argv: Record<string, unknown>): { value: string; files: string[] } {
  const words = withStdinPositional(rawArgs, positionals.filter((p): p is string => p !== undefined && p !== ''), argv);
  const [value, ...files] = words;
  if (value === undefined) throw new UsageError(`explain: ${WHAT}`);
  if (files.length > 1) throw new UsageError(`explain takes one value and at most one log, not ${words.length} words: ${words.join(' ')}`);
  return { value, files };
}

/**
 * `0xffff…` or `ffff…` (a struct page address), `pfn:N`, `phys:N`: always hex, `0x` or not, as the kernel prints
 * them (`Bad page state … pfn:1b317b`).
 */
export function parseExplainValue(text: string): { kind: ValueKind; value: bigint } {
  const m = /^(?:(pfn|phys|addr|page):)?(\S+)$/i.exec(text.trim());
  if (!m?.[2]) throw new UsageError(`cannot read '${text}': ${WHAT}`);
  const prefix = m[1]?.toLowerCase();
  const kind: ValueKind = prefix === 'pfn' ? 'pfn' : prefix === 'phys' ? 'phys' : 'addr';
  const what = kind === 'pfn' ? 'the pfn' : kind === 'phys' ? 'the physical address' : 'the address';
  return { kind, value: parseU64(m[2], `explain: ${what}`) };
}

export function explainCommand(ctx: CliContext, _setExit: (code: ExitCode) => void): CommandModule<object, ExplainArgs> {
  return {
    // `[value]`, not `<value>`: a value after `--` is read by the handler.
    command: 'explain [value] [file]',
    describe: 'Put one struct page address, pfn:N or phys:N through the arm64 layout',
    builder: (y: Argv) =>
      withLayoutSourceFlags(
        y
          .positional('value', { type: 'string', describe: 'struct page address, pfn:N or phys:N, all hex with or without 0x (required)' })
          .positional('file', { type: 'string', describe: 'Infer the layout from this log, as --log does (- for stdin)' }),
      ) as unknown as Argv<ExplainArgs>,
    handler: async (argv) => {
      const words = explainWords(ctx.rawArgs ?? [], [argv.value, argv.file], argv as unknown as Record<string, unknown>);
      const log = logFromPositional('explain', words.files, argv.log);
      if (log !== undefined) argv.log = log;
      await checkOutputPath(argv.output, '--output', [argv.log, argv.config]);
      const { kind, value } = parseExplainValue(words.value);
      if (argv.log === '-') noteTerminalStdin(ctx, 'the log', undefined);
      const { evidence, overrides, notes } = await layoutInputs(argv, ctx.signal);
      for (const note of notes) printError(ctx, note);
      const explanations = explainValue(kind, value, plausibleLayouts(evidence, overrides));
      const text = argv.format === 'json' ? renderExplainJson(kind, value, explanations) : renderExplainText(kind, value, explanations);
      await writeOutput(text, argv.output);
    },
  };
}
