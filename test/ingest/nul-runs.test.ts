import fc from 'fast-check';
import { skipNULs } from '../../src/ingest/nul-runs.js';

/** The definition, a byte at a time. */
function naive(buf: Buffer, from: number): number {
  let pos = from;
  while (pos < buf.length && buf[pos] === 0) pos++;
  return pos;
}

test.each([
  ['no NUL at the start', Buffer.from('a\0\0'), 0, 0],
  ['a lone NUL (UTF-16 text without a BOM)', Buffer.from('a\0b'), 1, 2],
  ['a run to the end', Buffer.alloc(10), 3, 10],
  ['at the end', Buffer.from('ab'), 2, 2],
  ['a run of whole 4 KiB blocks', Buffer.concat([Buffer.alloc(3 * 4096), Buffer.from('x')]), 0, 3 * 4096],
  ['a run ending one byte into a block', Buffer.concat([Buffer.alloc(4096 + 17), Buffer.from('x\0')]), 1, 4096 + 17],
])('%s', (_what, buf, from, end) => {
  expect(skipNULs(buf, from)).toBe(end);
});

test('agrees with reading a byte at a time, for runs around the block size, from any offset', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }),
      fc.nat(),
      (runs, start) => {
        const buf = Buffer.concat(runs.map(([zeros, byte]) => Buffer.concat([Buffer.alloc(zeros), Buffer.of(byte)])));
        const from = start % (buf.length + 1);
        expect(skipNULs(buf, from)).toBe(naive(buf, from));
      },
    ),
    { numRuns: 300 },
  );
});
