import { ANSI_ESCAPE, ANSI_ESCAPE_IN_LINES } from '../../src/util/ansi-escape-pattern.js';

test.each([
  ['a CSI colour', 'a\x1b[1;31mb\x1b[0m', 'ab', 'ab'],
  ['an OSC ended by BEL', 'a\x1b]0;title\x07b', 'ab', 'ab'],
  ['an OSC ended by ESC \\', 'a\x1b]8;;u\x1b\\b', 'ab', 'ab'],
  ['a two-byte escape and a lone ESC', '\x1b(Ba\x1b', 'a', 'a'],
  // Run on one line, an unended string sequence runs to the line's end; over many lines, to that line's end alone.
  ['an unended OSC before a line break', 'a\x1b]0;title\nb', 'a', 'a\nb'],
])('%s', (_, text, oneLine, inLines) => {
  expect(text.replace(ANSI_ESCAPE, '')).toBe(oneLine);
  expect(text.replace(ANSI_ESCAPE_IN_LINES, '')).toBe(inLines);
});
