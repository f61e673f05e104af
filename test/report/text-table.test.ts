import { formatTable } from '../../src/report/text-table.js';

test('pads columns to the widest cell, right-aligns where asked, no trailing spaces', () => {
  expect(formatTable(['N', 'NAME', 'X'], [['10', 'a', ''], ['2', 'long name', 'y']], { align: ['right'], indent: '  ' })).toEqual([
    '   N  NAME       X',
    '  10  a',
    '   2  long name  y',
  ]);
});

test('header style is applied after padding', () => {
  const [header] = formatTable(['A', 'B'], [['xxx', 'y']], { styleHeader: (l) => `<${l}>` });
  expect(header).toBe('<A    B>');
});

// Found by a review: titles with wide characters or a tab skewed the columns after them.
test('widths count terminal columns: an emoji or a CJK character takes two, a combining mark none', () => {
  expect(formatTable(['K', 'V'], [['\u{1F600}', '1'], ['ab', '2']])).toEqual(['K   V', '\u{1F600}  1', 'ab  2']);
  expect(formatTable(['K', 'V'], [['全角', '1'], ['e\u0301', '2'], ['abcd', '3']])).toEqual(['K     V', '全角  1', 'e\u0301     2', 'abcd  3']);
});

test('a tab in a cell becomes a space', () => {
  expect(formatTable(['K', 'V'], [['a\tb', '1']])).toEqual(['K    V', 'a b  1']);
});

test('a table of 300 000 rows: widths without a spread call', () => {
  const rows = Array.from({ length: 300_000 }, (_, i) => [String(i), 'x']);
  const lines = formatTable(['N', 'V'], rows, { align: ['right'] });
  expect(lines).toHaveLength(300_001);
  expect(lines[1]).toBe('     0  x');
  expect(lines.at(-1)).toBe('299999  x');
});
