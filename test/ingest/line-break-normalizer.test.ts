import fc from 'fast-check';
import { LineBreakNormalizer } from '../../src/ingest/line-break-normalizer.js';

const normalizeIn = (chunks: string[]): string => {
  const n = new LineBreakNormalizer();
  return chunks.map((c) => n.normalize(Buffer.from(c, 'latin1')).toString('latin1')).join('');
};

test.each([
  ['a\r\nb', 'a\nb'],
  ['a\rb\r', 'a\nb\n'],
  // A pty-captured console line: a run of CRs ending in LF is one break, as `grep -n` counts it.
  ['a\r\r\nb', 'a\nb'],
  ['a\r\r\r\nb', 'a\nb'],
  // CRs that end in no LF are lone CRs, a break each.
  ['a\r\rb', 'a\n\nb'],
  ['a\r\r\0\nb', 'a\nb'],
  ['a\0b\0\n', 'ab\n'],
  ['a\r\0\nb', 'a\nb'],
  ['\n\n', '\n\n'],
  ['plain\n', 'plain\n'],
])('%j → %j', (input, expected) => {
  expect(normalizeIn([input])).toBe(expected);
});

test('a chunk without CR or NUL is passed through uncopied', () => {
  const chunk = Buffer.from('no breaks to fix\n');
  expect(new LineBreakNormalizer().normalize(chunk)).toBe(chunk);
});

test('the result does not depend on chunk boundaries', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('a', '\r', '\n', '\0') }),
      fc.array(fc.nat(), { maxLength: 8 }),
      (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i) => text.slice(p, [...points, text.length][i]));
        expect(normalizeIn(chunks)).toBe(normalizeIn([text]));
      },
    ),
  );
});

test('a run of CRs split across chunks is read as in one piece', () => {
  expect(normalizeIn(['a\r', '\r', '\nb'])).toBe('a\nb');
  expect(normalizeIn(['a\r', '\r', 'b'])).toBe('a\n\nb');
});
