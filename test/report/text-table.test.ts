import { formatTable, formatTableRows, LAST_MIN } from '../../src/report/text-table.js';

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

// Found by a review: the text report's cluster table ran to 121 columns whatever the terminal's width.
test('Found by a review: given a width, a row wider wraps its last cell under its column, the other rows kept', () => {
  const rows = [['1', 'a', 'short title'], ['22', 'bb', 'a title of many words that does not fit']];
  expect(formatTable(['N', 'K', 'TITLE'], rows, { align: ['right'], indent: '  ', width: 10 + LAST_MIN })).toEqual([
    '   N  K   TITLE',
    '   1  a   short title',
    '  22  bb  a title of many words that',
    '          does not fit',
  ]);
  // Without a width, or when every row fits, the table is as before.
  expect(formatTable(['N', 'K', 'TITLE'], rows, { width: 200 })).toEqual(formatTable(['N', 'K', 'TITLE'], rows));
});

test('with less room than LAST_MIN beside the other columns, every last cell and its name go on lines of their own', () => {
  const lead = 'x'.repeat(60 - LAST_MIN + 10);
  const table = formatTableRows(['LEAD', 'SOURCE'], [[lead, 'log, line 12'], ['y', 'register x1, line 957']], { indent: '    ', width: 60 });
  expect(table.header).toEqual(['    LEAD', '        SOURCE']);
  expect(table.rows).toEqual([[`    ${lead}`, '        log, line 12'], ['    y', '        register x1, line 957']]);
});

test('a word longer than the room is kept whole', () => {
  const [, row] = formatTable(['K', 'V'], [['k', 'x'.repeat(50)]], { width: 10 + LAST_MIN });
  expect(row).toBe(`k  ${'x'.repeat(50)}`);
});
