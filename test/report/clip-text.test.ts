import { clipText } from '../../src/report/clip-text.js';

test('short text is kept; long text is cut with an ellipsis, counting code points', () => {
  expect(clipText('abc', 3)).toBe('abc');
  expect(clipText('abcd', 3)).toBe('ab…');
  expect(clipText('\u{1F600}\u{1F600}\u{1F600}', 2)).toBe('\u{1F600}…');
});

// Found by a robustness audit: a 100 MiB line in a splat was spread into an array of code points, and Node ran out
// of memory rendering text and Markdown.
test('a very long line is cut from its head without spreading the whole of it', () => {
  const huge = 'x'.repeat(64 * 1024 * 1024);
  expect(clipText(huge, 160)).toBe(`${'x'.repeat(159)}…`);
  expect(clipText(`${'\u{1F600}'.repeat(3)}${'y'.repeat(10)}`, 4)).toBe('\u{1F600}\u{1F600}\u{1F600}…');
  expect(clipText('\u{1F600}\u{1F600}ab', 4)).toBe('\u{1F600}\u{1F600}ab');
});
