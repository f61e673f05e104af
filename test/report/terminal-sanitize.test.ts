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

test('keeps tabs, printable text and non-ASCII letters', () => {
  expect(sanitizeTerminal('x29:\tffff8000 Größe \ufffd')).toBe('x29:\tffff8000 Größe \ufffd');
});
