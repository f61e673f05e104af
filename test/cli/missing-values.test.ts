import { flagWithoutValue, switchWithWord, type OptionKinds } from '../../src/cli/missing-values.js';

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

// Found by a review of the CLI: `--color=maybe` and `--color=1` meant off, without a word.
describe('switchWithWord', () => {
  test.each([
    [['analyze', '--quiet=maybe'], ['quiet', 'maybe']],
    [['analyze', '--q=1'], ['q', '1']],
    [['analyze', '--help='], ['help', '']],
  ])('%j → %j', (tokens, found) => {
    expect(switchWithWord(tokens, KINDS)).toEqual(found);
  });

  test.each([[['analyze', '--quiet=true', '--quiet=false', '--format=x']], [['analyze', '--', '--quiet=maybe']], [['analyze', '--quiet', 'maybe']]])('%j → none', (tokens) => {
    expect(switchWithWord(tokens, KINDS)).toBeUndefined();
  });
});
