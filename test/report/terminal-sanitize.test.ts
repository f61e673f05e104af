import { sanitizeTerminal } from '../../src/report/terminal-sanitize.js';

test.each([
  ['\x1b[31mred\x1b[0m', '\\x1b[31mred\\x1b[0m'],
  ['title\x1b]0;pwned\x07', 'title\\x1b]0;pwned\\x07'],
  ['over\rwrite', 'over\\x0dwrite'],
  ['back\bspace\x7f', 'back\\x08space\\x7f'],
  // U+009B is the 8-bit CSI: some terminals act on it like ESC [.
  ['\u009b2J', '\\x9b2J'],
  // Right-to-left override reorders what follows on screen.
  ['abc\u202edef', 'abc\\u202edef'],
  ['line\nbreak', 'line\\x0abreak'],
  // Zero-width characters: two titles that look the same could differ by one (found by a review).
  ['vmemmap\u200b_populate', 'vmemmap\\u200b_populate'],
  ['a\u200db\u2060c\ufeffd', 'a\\u200db\\u2060c\\ufeffd'],
])('%j → %j', (input, output) => {
  expect(sanitizeTerminal(input)).toBe(output);
});

// Found by a review: titles that differed by U+E0041, U+00AD or U+2061 printed as one; every format, separator and
// default-ignorable character is escaped now, a code point past U+FFFF as \u{…}.
test.each([
  ['soft\u00adhyphen', 'soft\\xadhyphen'],
  ['cgj\u034f', 'cgj\\u034f'],
  ['\u115f\u1160\u3164\uffa0', '\\u115f\\u1160\\u3164\\uffa0'],
  ['mongolian\u180e', 'mongolian\\u180e'],
  ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
  ['f\u2061\u2062\u2063\u2064x', 'f\\u2061\\u2062\\u2063\\u2064x'],
  ['\u206a\u206f', '\\u206a\\u206f'],
  ['vs\ufe00\ufe0f', 'vs\\ufe00\\ufe0f'],
  ['ann\ufff9\ufffa\ufffb', 'ann\\ufff9\\ufffa\\ufffb'],
  ['foo\u{e0041}\u{e0001}\u{e007f}', 'foo\\u{e0041}\\u{e0001}\\u{e007f}'],
  ['vs17\u{e0100}\u{e01ef}', 'vs17\\u{e0100}\\u{e01ef}'],
])('Found by a review: invisible %j → %j', (input, output) => {
  expect(sanitizeTerminal(input)).toBe(output);
});

test('keeps tabs, printable text and non-ASCII letters', () => {
  expect(sanitizeTerminal('x29:\tffff8000 Größe \ufffd')).toBe('x29:\tffff8000 Größe \ufffd');
});
