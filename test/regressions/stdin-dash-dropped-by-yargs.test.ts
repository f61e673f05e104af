/**
 * Bug: `find logs -name '*.txt' | vmemwarn triage -` failed with "triage needs at least one input", and
 * `vmemwarn analyze a.log -` silently skipped stdin: yargs 18 drops a bare `-` from variadic positionals (it
 * re-parses them as `--paths -`, and `-` reads as a flag).
 */
import yargs from 'yargs';
import { withStdinPositional } from '../../src/cli/stdin-positional.js';

function parse(raw: string[]): Record<string, unknown> & { paths: string[] } {
  return yargs(raw)
    .command('triage <paths..>', '', (y) => y.positional('paths', { type: 'string', array: true }))
    .option('output', { alias: 'o', type: 'string' })
    .parseSync() as unknown as Record<string, unknown> & { paths: string[] };
}

test.each([
  [['triage', '-'], ['-']],
  [['triage', '-', 'logs/'], ['-', 'logs/']],
  [['triage', 'logs/', '-o', '-'], ['logs/']],
])('%j reads %j', (raw, expected) => {
  const argv = parse(raw);
  expect(withStdinPositional(raw, argv.paths, argv)).toEqual(expected);
});
