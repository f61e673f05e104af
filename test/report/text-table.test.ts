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
