import { stdinRepeatNote, withStdinPositional } from '../../src/cli/stdin-positional.js';

test.each([
  // Where the command line had it: `analyze A.log - < B.log` reports A.log first.
  ['a lost `-` comes back in its place', ['triage', 'a.log', '-'], ['a.log'], {}, ['a.log', '-']],
  ['a lost `-` first stays first', ['analyze', '-', 'a.log', 'b.log'], ['a.log', 'b.log'], {}, ['-', 'a.log', 'b.log']],
  ['between two files', ['analyze', 'a.log', '-', 'b.log'], ['a.log', 'b.log'], {}, ['a.log', '-', 'b.log']],
  ['after `-o -`, the second `-` is the input', ['analyze', '-o', '-', 'a.log', '-'], ['a.log'], { o: '-', output: '-' }, ['a.log', '-']],
  ['`-o -` took the only `-`', ['analyze', '-o', '-', 'a.log'], ['a.log'], { o: '-', output: '-' }, ['a.log']],
  ['`-o -` and a stdin input', ['analyze', '-', '-o', '-'], [], { o: '-', output: '-' }, ['-']],
  ['a `-` after `--` is not counted', ['analyze', 'a.log', '--', '-'], ['a.log', '-'], {}, ['a.log', '-']],
  ['no `-` at all', ['triage', 'logs/'], ['logs/'], {}, ['logs/']],
  // yargs moves what follows `--` out of the positionals: it comes back, even a name that starts with `-`.
  ['a file after `--`', ['analyze', '--', '-x.log'], [], {}, ['-x.log']],
  ['stdin after `--`', ['analyze', 'a.log', '--', '-'], ['a.log'], {}, ['a.log', '-']],
])('%s', (_name, raw, positional, argv, expected) => {
  expect(withStdinPositional(raw, positional, argv)).toEqual(expected);
});

// Found by a review of the CLI: `analyze - -` and `merge - -` read stdin once without a word, where a file named twice
// gets a note; `analyze -- - -` read it twice.
describe('stdin named more than once', () => {
  test.each([
    [['analyze', '-', '-'], {}, 2],
    [['merge', '-', 'a.json', '-', '-'], {}, 3],
    [['analyze', '-', '--', '-'], {}, 2],
    [['analyze', '-o', '-', '-', '-'], { o: '-', output: '-' }, 2],
  ])('%j: a note, stdin once', (raw, argv, times) => {
    expect(stdinRepeatNote(raw, argv)).toBe(`note: - (stdin) is named ${times} times: read once`);
    expect(withStdinPositional(raw, raw.filter((w) => w !== '-' && w !== '--' && !w.startsWith('-o') && !['analyze', 'merge'].includes(w)), argv).filter((w) => w === '-')).toEqual(['-']);
  });

  test.each([[['analyze', '-']], [['analyze', '-o', '-', '-']], [['analyze', 'a.log']]])('%j: none', (raw) => {
    expect(stdinRepeatNote(raw, raw.includes('-o') ? { output: '-' } : {})).toBeUndefined();
  });
});

// Found by a review of this session's change: `--output=-` (the value joined to its flag) was counted as taking a bare
// `-` word, so `analyze --output=- a.log -` read a.log alone, without the log on stdin, and `--output=- - -` gave no note.
describe('a `-` joined to its flag takes no bare `-`', () => {
  test('the `-` input stays', () => {
    expect(withStdinPositional(['analyze', '--output=-', 'a.log', '-'], ['a.log'], { o: '-', output: '-' })).toEqual(['a.log', '-']);
    expect(withStdinPositional(['analyze', '-o=-', '-', 'a.log'], ['a.log'], { o: '-', output: '-' })).toEqual(['-', 'a.log']);
  });

  test('named twice, a note', () => {
    expect(stdinRepeatNote(['analyze', '--output=-', '-', '-'], { o: '-', output: '-' })).toBe('note: - (stdin) is named 2 times: read once');
  });
});
