import { flagWithoutValue, type OptionKinds } from '../../src/cli/missing-values.js';

const KINDS: OptionKinds = {
  key: { format: true, output: true, quiet: true, verbose: true, memstart: true, help: true },
  alias: { format: ['f'], output: ['o'], quiet: ['q'] },
  boolean: ['quiet', 'help'],
  count: ['verbose'],
};

describe('flagWithoutValue', () => {
  test.each([
    [['analyze', 'x.log', '--format'], '--format'],
    [['analyze', '--format', '--quiet', 'x.log'], '--format'],
    [['analyze', 'x.log', '-f'], '-f'],
    [['analyze', '-o', '-q'], '-o'],
    [['analyze', '--output', ''], '--output'],
    [['analyze', '--format='], '--format'],
    [['analyze', 'x.log', '-qf'], '-f'],
    [['analyze', '-qf', '--verbose'], '-f'],
    [['analyze', '-qo'], '-o'],
  ])('%j → %s', (tokens, flag) => {
    expect(flagWithoutValue(tokens, KINDS)).toBe(flag);
  });

  test.each([
    [['analyze', 'x.log', '--format', 'json']],
    [['analyze', '--format=json', '-o', '-']],
    [['analyze', '--quiet', '-q', '--verbose', '--help']],
    [['layout', '--memstart', '-0x10000000000000']],
    [['analyze', '--unknown']],
    [['explain', '--', '--format']],
    [['analyze', '-qf', 'json']],
    [['analyze', '--format', '--help']],
    [['analyze', '-h', '-o']],
    [['analyze', '--version', '--format']],
    [['explain', '']],
  ])('%j → none', (tokens) => {
    expect(flagWithoutValue(tokens, KINDS)).toBeUndefined();
  });
});
