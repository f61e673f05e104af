import fc from 'fast-check';
import { jest } from '@jest/globals';
import { CR_ONLY_DECISION_BYTES, LineBreakNormalizer } from '../../src/ingest/line-break-normalizer.js';

const normalizeIn = (chunks: string[]): string => {
  const n = new LineBreakNormalizer();
  return chunks.map((c) => n.normalize(Buffer.from(c, 'latin1')).toString('latin1')).join('') + n.end().toString('latin1');
};

describe('a log with LFs breaks at LF alone, as `grep -n` counts', () => {
  test.each([
    ['a\r\nb\n', 'a\nb\n'],
    // A pty-captured console line.
    ['a\r\r\nb\n', 'a\nb\n'],
    ['a\r\r\r\nb\n', 'a\nb\n'],
    // Regression: `\n\r` line ends (some bootloaders and terminals) had doubled every line number.
    ['a\n\rb\n\rc\n\r', 'a\nb\nc\n'],
    // A CR inside a line (progress output, systemd's spinner) is not a break.
    ['50%\r100%\n[    3.420010] WARNING: x\n', '50%100%\n[    3.420010] WARNING: x\n'],
    ['a\r\rb\n', 'ab\n'],
    ['a\r\r\0\nb', 'a\nb'],
    ['a\0b\0\n', 'ab\n'],
    ['a\r\0\nb', 'a\nb'],
    ['\n\n', '\n\n'],
    ['plain\n', 'plain\n'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeIn([input])).toBe(expected);
  });
});

describe('a log with CRs and no LF in its head breaks at CR', () => {
  test.each([
    ['a\rb\r', 'a\nb\n'],
    ['a\r\rb', 'a\n\nb'],
    ['a\r\r\nb', 'a\nb'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeIn([input])).toBe(expected);
  });

  test('decided on the first CR_ONLY_DECISION_BYTES: an LF after them does not change it', () => {
    const head = 'x\r'.repeat(CR_ONLY_DECISION_BYTES);
    expect(normalizeIn([head, 'y\rz\n'])).toBe(`${'x\n'.repeat(CR_ONLY_DECISION_BYTES)}y\nz\n`);
  });

  test('decided on those bytes alone, whether they come in one chunk or many (regression: a file read whole was not)', () => {
    const text = `${'x\r'.repeat(CR_ONLY_DECISION_BYTES)}end\n`;
    const whole = normalizeIn([text]);
    expect(whole).toBe(`${'x\n'.repeat(CR_ONLY_DECISION_BYTES)}end\n`);
    const pieces = text.match(/[^]{1,4096}/g)!;
    expect(normalizeIn(pieces)).toBe(whole);
  });

  test('an LF within them makes it a log with LFs', () => {
    expect(normalizeIn(['a\rb', 'c\rd', '\n'])).toBe('abcd\n');
  });
});

test('a chunk without CR or NUL is passed through uncopied once the kind of log is known', () => {
  const n = new LineBreakNormalizer();
  n.normalize(Buffer.from('first\n'));
  const chunk = Buffer.from('no breaks to fix\n');
  expect(n.normalize(chunk)).toBe(chunk);
});

test('input is held back only until the first LF', () => {
  const n = new LineBreakNormalizer();
  expect(n.normalize(Buffer.from('no LF yet')).length).toBe(0);
  expect(n.normalize(Buffer.from(' now\n')).toString()).toBe('no LF yet now\n');
  expect(n.end().length).toBe(0);
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

describe('runs of NULs (a zero-filled log) cost native calls per run, not per byte', () => {
  const ZEROS = 64 * 1024;

  /** Native Buffer calls made while `n` normalizes `chunk`, and what it returns. */
  function nativeCalls(n: LineBreakNormalizer, chunk: Buffer): { calls: number; out: string } {
    const indexOf = jest.spyOn(Buffer.prototype, 'indexOf');
    const copy = jest.spyOn(Buffer.prototype, 'copy');
    try {
      const out = n.normalize(chunk).toString('latin1');
      return { calls: indexOf.mock.calls.length + copy.mock.calls.length, out };
    } finally {
      indexOf.mockRestore();
      copy.mockRestore();
    }
  }

  test('a log with LFs: NUL and CR runs are dropped, the text around them kept', () => {
    const n = new LineBreakNormalizer();
    n.normalize(Buffer.from('first\n'));
    const chunk = Buffer.from(`a${'\0'.repeat(ZEROS)}b\r\n${'\0\r'.repeat(ZEROS)}c\n`, 'latin1');
    const { calls, out } = nativeCalls(n, chunk);
    expect(out).toBe('ab\nc\n');
    // Was two calls a byte (indexOf and a zero-length copy): 393,221 here.
    expect(calls).toBeLessThan(16);
  });

  test('a log with CR breaks: NUL runs are dropped, the text around them kept', () => {
    const n = new LineBreakNormalizer();
    n.normalize(Buffer.from('x\r'.repeat(CR_ONLY_DECISION_BYTES)));
    const chunk = Buffer.from(`a${'\0'.repeat(ZEROS)}b\r${'\0'.repeat(ZEROS)}\rc\r`, 'latin1');
    const { calls, out } = nativeCalls(n, chunk);
    expect(out).toBe('ab\n\nc\n');
    expect(calls).toBeLessThan(16);
  });

  test('a zero-filled head cut into chunks anywhere reads as the log after it', () => {
    const log = `${'\0'.repeat(3000)}[    1.0] a\r\n\0\0[    2.0] b\n`;
    for (const size of [1, 7, 1024, 4096]) {
      const chunks = log.match(new RegExp(`[^]{1,${size}}`, 'g'))!;
      expect(normalizeIn(chunks)).toBe('[    1.0] a\n[    2.0] b\n');
    }
  });
});
