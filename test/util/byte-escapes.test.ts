import { decodeByteEscapes } from '../../src/util/byte-escapes.js';

const hex = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1);
/** `%xx` escapes, a syntax neither caller uses: the loop is the shared piece, not either escape. */
const percentAt = (text: string, i: number): number => {
  if (text.charCodeAt(i) !== 37) return -1;
  const hi = hex(text.charCodeAt(i + 1));
  const lo = hex(text.charCodeAt(i + 2));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
};

test('runs of escapes are decoded as UTF-8, other text is kept, a marker without a byte too', () => {
  expect(decodeByteEscapes('no escapes', '%', 3, percentAt)).toBe('no escapes');
  expect(decodeByteEscapes('it%e2%80%99s %41 100%', '%', 3, percentAt)).toBe('it’s A 100%');
  expect(decodeByteEscapes('%zz%0a%', '%', 3, percentAt)).toBe('%zz\n%');
});
