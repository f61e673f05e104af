import type { Argv, CommandModule } from 'yargs';
import type { ExitCode } from '../errors.js';
import { candidateLayouts } from '../layout/infer.js';
import { renderLayoutJson, renderLayoutText } from '../report/render-layout.js';
import { layoutInputs, logFromPositional, withLayoutSourceFlags, type LayoutSourceArgs } from './layout-source.js';
import { withStdinPositional } from './stdin-positional.js';
import { checkOutputPath, writeOutput } from './output.js';
import { type CliContext, printError, noteTerminalStdin } from './cli-context.js';

interface LayoutArgs extends LayoutSourceArgs {
  file?: string;
}

export function layoutCommand(ctx: CliContext, _setExit: (code: ExitCode) => void): CommandModule<object, LayoutArgs> {
  return {
    command: 'layout [file]',
    describe: 'Show the inferred arm64 virtual memory layout and where each number came from',
    builder: (y: Argv) =>
      withLayoutSourceFlags(
        y.positional('file', { type: 'string', describe: 'Infer the layout from this log, as --log does (- for stdin)' }),
      ) as unknown as Argv<LayoutArgs>,
    handler: async (argv) => {
      const files = withStdinPositional(ctx.rawArgs ?? [], argv.file ? [argv.file] : [], argv as unknown as Record<string, unknown>);
      const log = logFromPositional('layout', files, argv.log);
      if (log !== undefined) argv.log = log;
      await checkOutputPath(argv.output, '--output', [argv.log, argv.config]);
      if (argv.log === '-') noteTerminalStdin(ctx, 'the log', undefined);
      const { evidence, overrides, notes } = await layoutInputs(argv, ctx.signal);
      for (const note of notes) printError(ctx, note);
      const layouts = candidateLayouts(evidence, overrides);
      await writeOutput(argv.format === 'json' ? renderLayoutJson(layouts) : renderLayoutText(layouts), argv.output);
    },
  };
}
