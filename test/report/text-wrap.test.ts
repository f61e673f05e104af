import { wrapText } from '../../src/report/text-wrap.js';

test('wraps at word boundaries within the width, indent included', () => {
  expect(wrapText('aaa bbb ccc ddd', 9, '  ')).toEqual(['  aaa bbb', '  ccc ddd']);
});

test('a word longer than the width gets its own line; whitespace runs collapse', () => {
  expect(wrapText('x  0xffffffffaee00000\n y', 8)).toEqual(['x', '0xffffffffaee00000', 'y']);
  expect(wrapText('   ', 10)).toEqual([]);
});
