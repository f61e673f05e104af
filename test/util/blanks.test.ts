import { afterBlanks, beforeBlanks, isBlank, isBlankCode } from '../../src/util/blanks.js';

test('spaces and tabs are blanks; other white space and NaN (past the end) are not', () => {
  expect([0x20, 0x09].map(isBlankCode)).toEqual([true, true]);
  expect([0x0a, 0x0d, 0x0b, 0xa0, Number.NaN].map(isBlankCode)).toEqual([false, false, false, false, false]);
});

test('afterBlanks: the first non-blank at or after `from`, or the length', () => {
  expect(afterBlanks(' \t x')).toBe(3);
  expect(afterBlanks('x  y', 1)).toBe(3);
  expect(afterBlanks('   ')).toBe(3);
  expect(afterBlanks('')).toBe(0);
});

test('beforeBlanks: the end of the text with trailing spaces and tabs off', () => {
  expect(beforeBlanks('x \t ')).toBe(1);
  expect(beforeBlanks('x y')).toBe(3);
  expect(beforeBlanks(' \t')).toBe(0);
  expect(beforeBlanks('x\r')).toBe(2);
});

test('isBlank: only spaces and tabs, the empty text included', () => {
  expect(['', ' ', '\t \t'].map(isBlank)).toEqual([true, true, true]);
  expect([' x', '\n', ' \r'].map(isBlank)).toEqual([false, false, false]);
});
