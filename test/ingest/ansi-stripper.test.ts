import fc from 'fast-check';
import { AnsiStripper } from '../../src/ingest/ansi-stripper.js';
import { stripAnsi } from '../../src/parse/prefix-ansi.js';
import { RECYCLED_BUFFERS } from '../../src/ingest/chunk-pool.js';

/** Copies each output, as a consumer must (the stripper writes into buffers it reuses). */
const stripIn = (chunks: Buffer[]): Buffer => {
  const s = new AnsiStripper();
  return Buffer.concat([...chunks.map((c) => Buffer.from(s.push(c))), s.end()]);
};

/** Cuts `bytes` at the given offsets (sorted, deduplicated, inside it). */
const cutAt = (bytes: Buffer, offsets: number[]): Buffer[] => {
  const cuts = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  return [...cuts, bytes.length].map((end, i) => bytes.subarray(cuts[i - 1] ?? 0, end));
};

/** Pieces of a line: text (UTF-8 too), and escape sequences whole, cut short or malformed. */
const piece = fc.oneof(
  fc.constantFrom('WARNING: ', 'INFO:', ' task ', '[    1.000000] ', 'Memory', ': ', 'ü', '→', '0', ';', ' ', '\\', '\u0007', 'm'),
  fc.constantFrom('\x1b[0m', '\x1b[33m', '\x1b[1;31m', '\x1b[', '\x1b[12', '\x1b[?25h', '\x1b[ q', '\x1b[1 !', '\x1b[1\u00e9'),
  fc.constantFrom('\x1b]0;title\x07', '\x1b]8;;http://x\x1b\\', '\x1b_bk;t=1764163201123\x07', '\x1bP1$r', '\x1b^pm', '\x1bXsos', '\x1b]unended'),
  fc.constantFrom('\x1bc', '\x1b(B', '\x1b ', '\x1b  F', '\x1b', '\x1b\x1b', '\x1b\u00fc', '\x1b\\'),
);
const line = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

describe('AnsiStripper takes off what stripAnsi takes off each line', () => {
  test('for any lines, cut into chunks anywhere', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), (lines, offsets) => {
        const text = lines.join('\n');
        const out = stripIn(cutAt(Buffer.from(text, 'utf8'), offsets)).toString('utf8');
        expect(out).toBe(lines.map(stripAnsi).join('\n'));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['a CSI colour', 'a\x1b[33mINFO:\x1b[0m task\n', 'aINFO: task\n'],
    ['a CSI cut after its parameters, which stay text', '\x1b[12\u00e9x\n', '12\u00e9x\n'],
    ['an OSC that ends with the line', 'a\x1b]0;title\nb\n', 'a\nb\n'],
    ['an OSC ended by ESC \\', 'a\x1b]8;;u\x1b\\b\n', 'ab\n'],
    ['a lone ESC at the end', 'a\x1b', 'a'],
  ])('%s', (_, input, expected) => {
    const bytes = Buffer.from(input, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(stripIn([bytes.subarray(0, cut), bytes.subarray(cut)]).toString('utf8')).toBe(expected);
    }
  });
});

test('a chunk without ESC is passed on as it is', () => {
  const chunk = Buffer.from('[    1.000000] WARNING: CPU: 0 PID: 1 at mm/x.c:1 f+0x0/0x4\n');
  expect(new AnsiStripper().push(chunk)).toBe(chunk);
});

test('a string sequence cut by chunks drops their bytes as they come, holding none', () => {
  const s = new AnsiStripper();
  expect(s.push(Buffer.from('a\x1b]0;'))).toEqual(Buffer.from('a'));
  expect(s.push(Buffer.alloc(100_000, 0x41))).toHaveLength(0);
  expect(s.push(Buffer.from('title\x07b\n')).toString()).toBe('b\n');
});

test('parameters past 64 KiB are not held: the held bytes stay bounded', () => {
  const s = new AnsiStripper();
  const out = s.push(Buffer.concat([Buffer.from('\x1b['), Buffer.alloc(100_000, 0x30)]));
  // Taken as they stand: no final byte yet, so the CSI is `ESC [` and its parameters text.
  expect(out).toHaveLength(100_000);
});

test('a stripped chunk stays as it was while the next seven are stripped (the consumer copies before the eighth)', () => {
  const s = new AnsiStripper();
  const outputs = Array.from({ length: RECYCLED_BUFFERS }, (_, i) => s.push(Buffer.from(`\x1b[3${i}mline ${i}\n`)));
  expect(outputs.map((o) => o.toString())).toEqual(Array.from({ length: RECYCLED_BUFFERS }, (_, i) => `line ${i}\n`));
  // The eighth after the first is written where the first was: the buffers rotate and none is allocated afresh.
  const ninth = s.push(Buffer.from('\x1b[0mline 8\n'));
  expect(ninth.buffer).toBe(outputs[0]!.buffer);
  expect(ninth.toString()).toBe('line 8\n');
});

test('a chunk longer than the buffer in turn gets a longer one', () => {
  const s = new AnsiStripper();
  const short = Buffer.from(s.push(Buffer.from('\x1b[1ma\n')));
  const long = `\x1b[1m${'b'.repeat(100_000)}\n`;
  for (let i = 1; i < RECYCLED_BUFFERS; i++) s.push(Buffer.from('\x1b[1mc\n'));
  expect(s.push(Buffer.from(long)).toString()).toBe(`${'b'.repeat(100_000)}\n`);
  expect(short.toString()).toBe('a\n');
});

test('Found by a review: a chunk past a few MiB is stripped into a buffer of its own, which is not kept for reuse', () => {
  const s = new AnsiStripper();
  const huge = s.push(Buffer.from(`\x1b[1m${'h'.repeat(3 * 1024 * 1024)}\n`));
  expect(huge.length).toBe(3 * 1024 * 1024 + 1);
  for (let i = 1; i < RECYCLED_BUFFERS; i++) s.push(Buffer.from('\x1b[1mc\n'));
  // The turn of the buffer the huge chunk would have taken: a small one, not the huge chunk's kept for it.
  expect(s.push(Buffer.from('\x1b[1mc\n')).buffer).not.toBe(huge.buffer);
});
