import { parseCodeLine } from '../../../src/parse/fields/code-bytes.js';

test('parseCodeLine', () => {
  expect(parseCodeLine('Code: 910003fd f9000bf3 aa0003f3 97932e41 (08dffe60) ')).toBe(
    '910003fd f9000bf3 aa0003f3 97932e41 (08dffe60)',
  );
  expect(parseCodeLine('Call trace:')).toBeUndefined();
});

test('parseCodeLine in linear time on a long run of blanks (the lazy regex had been quadratic)', () => {
  const blanks = ' '.repeat(200_000);
  expect(parseCodeLine(`Code: aa${blanks}bb${blanks}`)).toBe(`aa${blanks}bb`);
  expect(parseCodeLine(`Code: ${blanks}`)).toBeUndefined();
  expect(parseCodeLine('Code: ')).toBeUndefined();
});
