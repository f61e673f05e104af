import fc from 'fast-check';
import { SIMD_REGION_BYTES, SimdHitFinder, countNewlines } from '../../src/ingest/simd-hit-finder.js';
import { SPLAT_TRIGGERS } from '../../src/parse/splat-triggers.js';
import { BOOT_FACT_TRIGGERS } from '../../src/parse/boot-fact-triggers.js';

const NEEDLES = [...SPLAT_TRIGGERS, ...BOOT_FACT_TRIGGERS, '=\n', '=3D'];

function finder(needles: readonly string[] = NEEDLES): SimdHitFinder {
  const made = SimdHitFinder.create(needles.map((n) => Buffer.from(n, 'latin1')));
  if (made === undefined) throw new Error('this runtime has no WebAssembly SIMD');
  return made;
}

/** Every position where some needle starts, ascending, by plain indexOf. */
function reference(buf: Buffer, start: number, end: number, needles: readonly string[] = NEEDLES): number[] {
  const found = new Set<number>();
  for (const needle of needles) {
    for (let at = buf.indexOf(needle, start, 'latin1'); at !== -1 && at + needle.length <= end; at = buf.indexOf(needle, at + 1, 'latin1')) {
      found.add(at);
    }
  }
  return [...found].sort((a, b) => a - b);
}

function allHits(f: SimdHitFinder, buf: Buffer, start: number, end: number): number[] {
  f.begin(buf, start, end);
  const hits: number[] = [];
  for (let pos = start; ; ) {
    const hit = f.next(pos);
    if (hit >= end) return hits;
    hits.push(hit);
    pos = hit + 1;
  }
}

const fragment = fc.oneof(
  fc.constantFrom(...NEEDLES),
  fc.constantFrom(...NEEDLES).map((n) => n.slice(0, Math.max(1, n.length - 1))),
  fc.constantFrom(...NEEDLES).map((n) => n.slice(1)),
  fc.string({ unit: fc.constantFrom('a', ' ', 'W', 'B', 'U', 'G', ':', '=', '3', 'D', '\n', '\u00e9', '\0'), maxLength: 12 }),
);

test('finds exactly the needle starts that indexOf finds, wherever the region begins and ends', () => {
  const f = finder();
  fc.assert(
    fc.property(fc.array(fragment, { maxLength: 60 }), fc.nat(40), fc.nat(40), (parts, cutStart, cutEnd) => {
      const buf = Buffer.from(parts.join(''), 'latin1');
      const start = Math.min(cutStart, buf.length);
      const end = Math.max(start, buf.length - cutEnd);
      expect(allHits(f, buf, start, end)).toEqual(reference(buf, start, end));
    }),
    { numRuns: 3000 },
  );
});

test('counts newlines in any part of the region', () => {
  const f = finder();
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '\n', 'é'), maxLength: 200 }), fc.nat(20), fc.nat(200), fc.nat(200), (text, offset, a, b) => {
      const buf = Buffer.concat([Buffer.alloc(offset, 0x0a), Buffer.from(text)]);
      f.begin(buf, offset, buf.length);
      const from = offset + Math.min(a, b, buf.length - offset);
      const to = offset + Math.min(Math.max(a, b), buf.length - offset);
      const expected = [...buf.subarray(from, to)].filter((byte) => byte === 0x0a).length;
      expect(f.countNewlines(from, to)).toBe(expected);
    }),
    { numRuns: 1000 },
  );
});

test('a region of the full size finds needles at its first and last bytes', () => {
  const f = finder();
  const buf = Buffer.alloc(SIMD_REGION_BYTES, 'x');
  buf.write('Oops', 0, 'latin1');
  buf.write('kernel BUG at', SIMD_REGION_BYTES - 'kernel BUG at'.length, 'latin1');
  buf.write('=\n', SIMD_REGION_BYTES - 'kernel BUG at'.length - 2, 'latin1');
  expect(f.fits(0, buf.length)).toBe(true);
  expect(f.fits(0, buf.length + 1)).toBe(false);
  expect(allHits(f, buf, 0, buf.length)).toEqual(reference(buf, 0, buf.length));
  expect(allHits(f, buf, 0, buf.length)).toHaveLength(3);
});

test('a later region does not see hits of an earlier, longer one', () => {
  const f = finder();
  const long = Buffer.from(`${'x'.repeat(100)}WARNING: a\n`, 'latin1');
  allHits(f, long, 0, long.length);
  const short = Buffer.from('short\n', 'latin1');
  expect(allHits(f, short, 0, short.length)).toEqual([]);
});

test('a soft line break that ends the region is found for every region length', () => {
  const f = finder();
  for (let len = 2; len <= 80; len++) {
    const buf = Buffer.from(`${'x'.repeat(len - 2)}=\n`, 'latin1');
    expect([len, allHits(f, buf, 0, len)]).toEqual([len, [len - 2]]);
  }
});

test('countNewlines counts every LF of an input longer than one region, at the region seams too', () => {
  const buf = Buffer.alloc(3 * SIMD_REGION_BYTES + 7, 'x');
  const at = [0, 15, 16, SIMD_REGION_BYTES - 1, SIMD_REGION_BYTES, 2 * SIMD_REGION_BYTES + 1, buf.length - 1];
  for (const i of at) buf[i] = 0x0a;
  expect(countNewlines(buf)).toBe(at.length);
  expect(countNewlines(buf.subarray(1, buf.length - 1))).toBe(at.length - 2);
  expect(countNewlines(Buffer.alloc(0))).toBe(0);
});
