import { errnoPhrase } from '../../src/ingest/errno-phrase.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

test.each([
  ['ENOENT', 'no such file'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EISDIR', 'is a directory'],
])('%s is "%s"', (code, phrase) => {
  expect(errnoPhrase(errno(code))).toBe(phrase);
});

test('any other error has no phrase, for the caller to word', () => {
  expect(errnoPhrase(errno('EIO'))).toBeUndefined();
  expect(errnoPhrase(new Error('larger than 16 MiB'))).toBeUndefined();
  expect(errnoPhrase('ENOENT')).toBeUndefined();
});
