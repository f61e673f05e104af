import { closestKey } from '../../src/util/closest-key.js';

const TRIAGE = ['inputs', 'jobs', 'followSymlinks', 'shard', 'failOn', 'ignoreFile', 'outDir', 'db', 'summaryFile', 'newOnly'];

test.each([
  // The slips the API audit met.
  ['pageSize', ['kernel', 'vaBits', 'pageSizeBytes', 'memstart'], 'pageSizeBytes'],
  ['maxSplatLine', ['maxSplatLines', 'maxLineBytes'], 'maxSplatLines'],
  ['color', ['colour', 'width'], 'colour'],
  // Case, '_' and '-'.
  ['maxsplatlines', ['maxSplatLines', 'maxLineBytes'], 'maxSplatLines'],
  ['fail_on', TRIAGE, 'failOn'],
  ['follow-symlinks', TRIAGE, 'followSymlinks'],
  // A key the known one starts: --out-dir's flag name, and a plural.
  ['out', TRIAGE, 'outDir'],
  ['input', TRIAGE, 'inputs'],
  ['ignore', TRIAGE, 'ignoreFile'],
  // The nearest wins: the same letters before a prefix.
  ['JOBS', ['jobsMax', 'jobs'], 'jobs'],
])('%s: %s', (given, known, expected) => {
  expect(closestKey(given, known)).toBe(expected);
});

test.each([
  ['banana', ['colour', 'width']],
  // A short key needs a near match, not any two letters in common.
  ['db', ['jobs', 'shard']],
  ['x', ['max', 'layout']],
])('%s has no near key', (given, known) => {
  expect(closestKey(given, known)).toBeUndefined();
});

test('two letters swapped are one slip', () => {
  expect(closestKey('widht', ['colour', 'width'])).toBe('width');
  expect(closestKey('sahrd', ['jobs', 'shard'])).toBe('shard');
});
