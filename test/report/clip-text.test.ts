import { clipText } from '../../src/report/clip-text.js';

test('short text is kept; long text is cut with an ellipsis, counting code points', () => {
  expect(clipText('abc', 3)).toBe('abc');
  expect(clipText('abcd', 3)).toBe('ab…');
  expect(clipText('\u{1F600}\u{1F600}\u{1F600}', 2)).toBe('\u{1F600}…');
});
