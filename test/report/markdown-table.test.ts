import { markdownTable } from '../../src/report/markdown-table.js';

test('header, alignment rule and rows; missing cells are empty', () => {
  expect(markdownTable(['Count', 'Title'], [['3', '`x`'], ['1']], [0])).toEqual(['| Count | Title |', '|---:|---|', '| 3 | `x` |', '| 1 |  |']);
});
