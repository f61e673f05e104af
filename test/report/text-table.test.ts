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

test('widths count code points, not UTF-16 units', () => {
  expect(formatTable(['K', 'V'], [['\u{1F600}', '1'], ['ab', '2']])).toEqual(['K   V', '\u{1F600}   1', 'ab  2']);
});

test('a table of 300 000 rows: widths without a spread call', () => {
  const rows = Array.from({ length: 300_000 }, (_, i) => [String(i), 'x']);
  const lines = formatTable(['N', 'V'], rows, { align: ['right'] });
  expect(lines).toHaveLength(300_001);
  expect(lines[1]).toBe('     0  x');
  expect(lines.at(-1)).toBe('299999  x');
});
