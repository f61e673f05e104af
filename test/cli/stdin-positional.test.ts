import { withStdinPositional } from '../../src/cli/stdin-positional.js';

test.each([
  ['a lost `-` comes back first', ['triage', 'a.log', '-'], ['a.log'], {}, ['-', 'a.log']],
  ['`-o -` took the only `-`', ['analyze', '-o', '-', 'a.log'], ['a.log'], { o: '-', output: '-' }, ['a.log']],
  ['`-o -` and a stdin input', ['analyze', '-', '-o', '-'], [], { o: '-', output: '-' }, ['-']],
  ['a `-` after `--` is not counted', ['analyze', 'a.log', '--', '-'], ['a.log', '-'], {}, ['a.log', '-']],
  ['no `-` at all', ['triage', 'logs/'], ['logs/'], {}, ['logs/']],
])('%s', (_name, raw, positional, argv, expected) => {
  expect(withStdinPositional(raw, positional, argv)).toEqual(expected);
});
