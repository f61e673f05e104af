import { flagWithoutValue, switchWithWord, valueFlagInsideBundle, type OptionKinds } from '../../src/cli/missing-values.js';
import { runInProcess } from './_run-cli.js';

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

// Found by a review: `-fo y.txt` wrote the text report (-f took no value), `-of json` failed with ENOENT after the whole
// input was read (-o took ''), `-jq 2` read 2 as an input; `-fjson` said "Unknown arguments: j, s, n".
describe('Found by a review: valueFlagInsideBundle', () => {
  test.each([
    [['analyze', 'x.log', '-fo', 'y.txt'], { flag: '-f', bundle: '-fo' }],
    [['analyze', 'x.log', '-of', 'json'], { flag: '-o', bundle: '-of' }],
    [['analyze', '-fjson'], { flag: '-f', bundle: '-fjson' }],
    [['analyze', '-qof', 'json'], { flag: '-o', bundle: '-qof' }],
  ])('%j → %o', (tokens, found) => {
    expect(valueFlagInsideBundle(tokens, KINDS)).toEqual(found);
  });

  test.each([[['analyze', '-qf', 'json']], [['analyze', '-f', 'json', '-q']], [['analyze', '--', '-fo']], [['analyze', '-fo', '-h']]])('%j → none', (tokens) => {
    expect(valueFlagInsideBundle(tokens, KINDS)).toBeUndefined();
  });

  test('the CLI says so before it reads any input (exit 2)', async () => {
    for (const argv of [['analyze', 'no-such.log', '-fo', 'y.txt'], ['triage', '-jq', '2', 'no-such.log']]) {
      const run = await runInProcess(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^vmemwarn: -[fj] in -(?:fo|jq) needs a value: in a bundle of short flags only the last one takes one, as the next word/);
    }
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
