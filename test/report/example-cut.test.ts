import { cutExample } from '../../src/report/example-cut.js';

const numbered = (texts: readonly string[], from = 1) => texts.map((text, i) => ({ lineNo: from + i, text }));

test('an example within its head is shown whole; lines dropped over the cap are one run at its end', () => {
  const lines = numbered(['a', 'b']);
  expect(cutExample(lines, 5)).toEqual(lines.map((line) => ({ line })));
  expect(cutExample(lines, 5, 3).at(-1)).toEqual({ omitted: 3 });
});

// Found by a review: `… 15 more lines` stood before the Code: and end-of-trace lines (syzkaller report 734) though 10
// of those lines came before them and 5, the panic line among them, after; and `Code:` was named where none followed.
test('Found by a review: each run left out is counted where it was, and the first names only what follows it', () => {
  const lines = numbered(['h1', 'h2', 'x', 'x', ' Code: d65f03c0 (b9401000)', 'x', '---[ end trace 0 ]---', 'Kernel panic - not syncing: Oops: Fatal exception', 'x', 'x']);
  expect(cutExample(lines, 2, 1)).toEqual([
    { line: lines[0] },
    { line: lines[1] },
    { omitted: 2, follows: { kinds: ['Code:', 'end-of-trace', 'panic'], lines: 3 } },
    { line: lines[4] },
    { omitted: 1 },
    { line: lines[6] },
    { line: lines[7] },
    { omitted: 3 },
  ]);
  const warning = numbered(['h', 'x', 'x', '---[ end trace 0 ]---']);
  expect(cutExample(warning, 1)[1]).toEqual({ omitted: 2, follows: { kinds: ['end-of-trace'], lines: 1 } });
});

test('a line kept right after the head needs no run; the first run after it names what is still to come', () => {
  const lines = numbered(['h', '---[ end trace 0 ]---', 'x', 'Kernel panic - not syncing: Fatal exception']);
  expect(cutExample(lines, 1)).toEqual([
    { line: lines[0] },
    { line: lines[1] },
    { omitted: 1, follows: { kinds: ['panic'], lines: 1 } },
    { line: lines[3] },
  ]);
});
