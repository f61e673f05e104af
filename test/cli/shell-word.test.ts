import { execFileSync } from 'node:child_process';
import { shellWord } from '../../src/cli/shell-word.js';

test.each([
  ['dmesg.txt', 'dmesg.txt'],
  ['logs/boot-1.log.gz', 'logs/boot-1.log.gz'],
  ['my log.txt', "'my log.txt'"],
  ["it's.log", "'it'\\''s.log'"],
  ['$(rm -rf ~)', "'$(rm -rf ~)'"],
  ['', "''"],
])('%j → %s', (word, quoted) => {
  expect(shellWord(word)).toBe(quoted);
});

test('a POSIX shell reads each quoted word back as it was', () => {
  for (const word of ["a b", "it's", '$HOME `x` "y" \\z', '*?[]', 'tab\there', 'new\nline']) {
    expect(execFileSync('/bin/sh', ['-c', `printf %s ${shellWord(word)}`], { encoding: 'utf8' })).toBe(word);
  }
});
