import { parseCodeLine } from '../../../src/parse/fields/code-bytes.js';

test('parseCodeLine', () => {
  expect(parseCodeLine('Code: 910003fd f9000bf3 aa0003f3 97932e41 (08dffe60) ')).toBe(
    '910003fd f9000bf3 aa0003f3 97932e41 (08dffe60)',
  );
  expect(parseCodeLine('Call trace:')).toBeUndefined();
});
