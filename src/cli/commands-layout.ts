import type { Argv, CommandModule } from 'yargs';
import type { ExitCode } from '../errors.js';
import { candidateLayouts } from '../layout/infer.js';
import { renderLayoutJson, renderLayoutText } from '../report/render-layout.js';
import { withLayoutFlags, type LayoutFlags } from './layout-flags.js';
import { layoutInputs, type LogFlag } from './layout-source.js';
import { checkOutputPath, writeOutput } from './output.js';
import type { CliContext } from './cli-context.js';

interface LayoutArgs extends LayoutFlags, LogFlag {
  format: 'text' | 'json';
  output?: string;
}

export function layoutCommand(_ctx: CliContext, _setExit: (code: ExitCode) => void): CommandModule<object, LayoutArgs> {
  return {
    command: 'layout',
    describe: 'Show the inferred arm64 virtual memory layout and where each number came from',
    builder: (y: Argv) =>
      withLayoutFlags(
        y
          .option('log', { type: 'string', describe: 'Infer the layout from this log (flags still override)' })
          .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' })
          .option('output', { alias: 'o', type: 'string', describe: 'Write to FILE instead of stdout' }),
      ) as unknown as Argv<LayoutArgs>,
    handler: async (argv) => {
      await checkOutputPath(argv.output);
      const { evidence, overrides } = await layoutInputs(argv);
      const layouts = candidateLayouts(evidence, overrides);
      await writeOutput(argv.format === 'json' ? renderLayoutJson(layouts) : renderLayoutText(layouts), argv.output);
    },
  };
}
