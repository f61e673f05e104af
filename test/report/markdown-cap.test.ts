import { capItems, cappedTable, capTable, omittedLine } from '../../src/report/markdown-cap.js';

const table = ['| A |', '|---|', '| 1 |', '| 22 |', '| 333 |'];

describe('capTable', () => {
  test('keeps the header and rule, then rows up to the row cap', () => {
    expect(capTable(table, { rows: 2, chars: Infinity })).toEqual({ lines: table.slice(0, 4), omitted: 1 });
  });

  test('stops at the first row past the character budget, newlines counted', () => {
    // Header 6 + rule 6 + `| 1 |` 6 = 18; `| 22 |` would make 25.
    expect(capTable(table, { rows: 10, chars: 24 })).toEqual({ lines: table.slice(0, 3), omitted: 2 });
    expect(capTable(table, { rows: 10, chars: 25 }).omitted).toBe(1);
  });

  test('a table within both caps is whole', () => {
    expect(capTable(table, { rows: 3, chars: 1000 })).toEqual({ lines: table, omitted: 0 });
  });
});

test('capItems sizes each item with the caller\'s measure', () => {
  const items = [['a', 'b'], ['c'], ['d', 'e', 'f']];
  const lines = (x: string[]) => x.length;
  expect(capItems(items, { rows: 5, chars: 3 }, lines)).toEqual({ items: items.slice(0, 2), omitted: 1 });
  expect(capItems(items, { rows: 1, chars: 100 }, lines)).toEqual({ items: items.slice(0, 1), omitted: 2 });
});

test('omittedLine names the count, singular or plural, and where the rest is', () => {
  expect(omittedLine(1, 'problem')).toBe('_… and 1 more problem not shown; `--format json` lists them all._');
  expect(omittedLine(12, 'cluster', '340 splats')).toBe('_… and 12 more clusters (340 splats) not shown; `--format json` lists them all._');
});

describe('cappedTable', () => {
  test('a cut table is followed by the omitted line, with the splats of the cut rows when counts are given', () => {
    // Rows `| 22 |` and `| 333 |` are cut: their counts 20 and 300.
    expect(cappedTable(table, { rows: 1, chars: Infinity }, 'cluster', [1, 20, 300])).toEqual([
      ...table.slice(0, 3), '', omittedLine(2, 'cluster', '320 splats'),
    ]);
    expect(cappedTable(table, { rows: 2, chars: Infinity }, 'problem')).toEqual([...table.slice(0, 4), '', omittedLine(1, 'problem')]);
  });

  test('a whole table is returned as it is', () => {
    expect(cappedTable(table, { rows: 3, chars: 1000 }, 'cluster', [1, 2, 3])).toEqual(table);
  });
});
