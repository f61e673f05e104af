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
  ])('%j → %s', (tokens, flag) => {
    expect(flagWithoutValue(tokens, KINDS)).toBe(flag);
  });

  test.each([
    [['analyze', 'x.log', '--format', 'json']],
    [['analyze', '--format=json', '-o', '-']],
    [['analyze', '--quiet', '-q', '--verbose', '--help']],
    [['layout', '--memstart', '-0x10000000000000']],
    [['analyze', '--unknown']],
    [['analyze', '-qo']],
    [['explain', '--', '--format']],
  ])('%j → none', (tokens) => {
    expect(flagWithoutValue(tokens, KINDS)).toBeUndefined();
  });
});
