import { wrapText, wrapVerbatim, wrapWithTail } from '../../src/report/text-wrap.js';

test('wraps at word boundaries within the width, indent included', () => {
  expect(wrapText('aaa bbb ccc ddd', 9, '  ')).toEqual(['  aaa bbb', '  ccc ddd']);
});

test('a word longer than the width gets its own line; whitespace runs collapse', () => {
  expect(wrapText('x  0xffffffffaee00000\n y', 8)).toEqual(['x', '0xffffffffaee00000', 'y']);
  expect(wrapText('   ', 10)).toEqual([]);
});

test('lines after the first take their own indent', () => {
  expect(wrapText('aaa bbb ccc ddd', 9, '', '  ')).toEqual(['aaa bbb', '  ccc ddd']);
});

test('widths are terminal columns: a CJK character takes two', () => {
  expect(wrapText('全角 全角 ab', 9)).toEqual(['全角 全角', 'ab']);
});

// Found by a review: example log lines of 169 columns ran past an 80- or 100-column terminal.
test('Found by a review: a log line wraps at whitespace, its spacing kept; a line that fits is itself', () => {
  const line = 'CPU: 3 PID: 185 Comm: udevd Tainted: G        W         5.10.219-rc1 #1';
  expect(wrapVerbatim(line, 100)).toEqual([line]);
  expect(wrapVerbatim(line, 40)).toEqual(['CPU: 3 PID: 185 Comm: udevd Tainted: G', 'W         5.10.219-rc1 #1']);
  expect(wrapVerbatim(' frame_a+0x0/0x4 frame_b', 17)).toEqual([' frame_a+0x0/0x4', 'frame_b']);
  expect(wrapVerbatim(`a ${'x'.repeat(20)} b`, 10)).toEqual(['a', 'x'.repeat(20), 'b']);
});

test("a heading's tail stays whole: on the last line when it fits, else on its own", () => {
  expect(wrapWithTail('-- Example: aaa bbb', '(lines 8-64, boot 0) --', 43)).toEqual(['-- Example: aaa bbb (lines 8-64, boot 0) --']);
  expect(wrapWithTail('-- Example: aaa bbb ccc', '(lines 8-64, boot 0) --', 30, '', '   ')).toEqual(['-- Example: aaa bbb ccc', '   (lines 8-64, boot 0) --']);
});
