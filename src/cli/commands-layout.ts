import type { Argv, CommandModule } from 'yargs';
import type { ExitCode } from '../errors.js';
import { candidateLayouts } from '../layout/infer.js';
import { renderLayoutJson, renderLayoutText } from '../report/render-layout.js';
import { layoutInputs, withLayoutSourceFlags, type LayoutSourceArgs } from './layout-source.js';
import { checkOutputPath, writeOutput } from './output.js';
import { type CliContext, printError, noteTerminalStdin } from './cli-context.js';

export function layoutCommand(ctx: CliContext, _setExit: (code: ExitCode) => void): CommandModule<object, LayoutSourceArgs> {
  return {
    command: 'layout',
    describe: 'Show the inferred arm64 virtual memory layout and where each number came from',
    builder: (y: Argv) => withLayoutSourceFlags(y) as unknown as Argv<LayoutSourceArgs>,
    handler: async (argv) => {
      await checkOutputPath(argv.output, '--output', [argv.log, argv.config]);
      if (argv.log === '-') noteTerminalStdin(ctx, 'the log', undefined);
      const { evidence, overrides, note } = await layoutInputs(argv, ctx.signal);
      if (note !== undefined) printError(ctx, `note: ${note}`);
      const layouts = candidateLayouts(evidence, overrides);
      await writeOutput(argv.format === 'json' ? renderLayoutJson(layouts) : renderLayoutText(layouts), argv.output);
    },
  };
}
