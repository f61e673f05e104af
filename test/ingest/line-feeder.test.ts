import fc from 'fast-check';
import { LineFeeder, type HitSearch } from '../../src/ingest/line-feeder.js';
import { RecordingSink, type Delivered } from './_recording-sink.js';

const TRIGGERS = ['WARNING:', 'RN', 'GG'];
/** Wants every line from a line holding `RN` to one holding `GG`. */
const window = (text: string, current: boolean): boolean =>
  text.includes('RN') ? true : text.includes('GG') ? false : current;

function run(search: HitSearch, chunks: string[], cap: number, mode: boolean | typeof window = window) {
  const sink = new RecordingSink(TRIGGERS, mode);
  const feeder = new LineFeeder(sink, cap, { search });
  for (const c of chunks) feeder.push(Buffer.from(c, 'latin1'));
  feeder.end();
  return { lines: sink.lines, count: feeder.lines, truncated: feeder.truncatedLines };
}

/** The delivery rule written out line by line, for ASCII input. */
function reference(text: string, cap: number): Delivered[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out: Delivered[] = [];
  let wants = false;
  let quotedPrintable = false;
  lines.forEach((line, i) => {
    const truncated = line.length > cap;
    const kept = line.slice(0, cap);
    if ((kept.endsWith('=') && !kept.endsWith('==')) || kept.includes('=3D')) quotedPrintable = true;
    if (wants || quotedPrintable || truncated || kept.endsWith('==') || TRIGGERS.some((t) => kept.includes(t))) {
      out.push({ lineNo: i + 1, text: kept, truncated });
      wants = window(kept, wants);
    }
  });
  return out;
}

describe.each<HitSearch>(['simd', 'regex'])('%s search', (search) => {
  test('lines split across chunks are joined; numbers count skipped lines', () => {
    const { lines, count } = run(search, ['noise\nWARN', 'ING: x\nnoise\nno', 'ise\n'], 100, false);
    expect(lines).toEqual([{ lineNo: 2, text: 'WARNING: x', truncated: false }]);
    expect(count).toBe(4);
  });

  test('a quiet sink still gets every over-long line, flagged', () => {
    const { lines, truncated } = run(search, ['short\n', 'x'.repeat(30), 'y'.repeat(30), '\nshort\n'], 16, false);
    expect(lines).toEqual([{ lineNo: 2, text: 'x'.repeat(16), truncated: true }]);
    expect(truncated).toBe(1);
  });

  test('an over-long line that opens a window is followed by every line', () => {
    const { lines } = run(search, [`${'RN'.repeat(10)}\na\nb\nGG\nc\n`], 8);
    expect(lines.map((l) => [l.lineNo, l.text, l.truncated])).toEqual([
      [1, 'RNRNRNRN', true],
      [2, 'a', false],
      [3, 'b', false],
      [4, 'GG', false],
    ]);
  });

  test('deliveries follow the rule for any text and any chunking', () => {
    const alphabet = fc.constantFrom('a', 'x', 'W', 'A', 'R', 'N', 'I', 'G', ':', '=', '3', 'D', '\n', '\n');
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }),
        fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 400 })),
        (text, sizes, cap) => {
          const chunks: string[] = [];
          for (let at = 0, i = 0; at < text.length; i++) {
            const size = sizes[i % sizes.length] ?? 1;
            chunks.push(text.slice(at, at + size));
            at += size;
          }
          const { lines, count } = run(search, chunks, cap);
          expect(lines).toEqual(reference(text, cap));
          expect(count).toBe(text.split('\n').length - (text.endsWith('\n') || text === '' ? 1 : 0));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('a chunk larger than the scan slice is numbered as if it came in pieces', () => {
    // 100,000 lines of 99 bytes + LF is 10 MB, more than two 4 MiB slices.
    const noise = `${'n'.repeat(99)}\n`.repeat(100_000);
    const { lines, count } = run(search, [`${noise}WARNING: late\n`], 200, false);
    expect(lines).toEqual([{ lineNo: 100_001, text: 'WARNING: late', truncated: false }]);
    expect(count).toBe(100_001);
  });
});

describe.each<HitSearch>(['simd', 'regex'])('quoted-printable markers, %s search', (search) => {
  function quiet(text: string) {
    const sink = new RecordingSink(TRIGGERS, false);
    const feeder = new LineFeeder(sink, 1000, { search });
    feeder.push(Buffer.from(text));
    feeder.end();
    return { lines: sink.lines.map((l) => l.lineNo), quotedPrintable: feeder.sawQuotedPrintable };
  }

  // Regression (robustness audit): a stamped `key=` line had sent every later line through, and made a read in parts
  // start over.
  test('a stamped kernel line ending in `key=` keeps the fast path', () => {
    const log = '[    5.246632]     ubootpart=\n[    5.300000] noise\n[    5.400000] WARNING: x\n[    5.500000] noise\n';
    expect(quiet(log)).toEqual({ lines: [3], quotedPrintable: false });
  });

  test('quoted-printable mail with stamped kernel lines still switches to every line at its first escape', () => {
    const mail = [
      'intro',
      '[    1.000000] Kernel command line: root=3D/dev/vda console=3DttyAMA0 loglevel=3D8 rootwait earlycon=3Dpl=',
      '011,0x9000000',
      '[    2.000000] noise',
      '',
    ].join('\n');
    expect(quiet(mail)).toEqual({ lines: [2, 3, 4], quotedPrintable: true });
  });

  test('onQuotedPrintable is called once, when the first marker is read (a read in parts stops there)', () => {
    const seen: number[] = [];
    const feeder = new LineFeeder(new RecordingSink(TRIGGERS, false), 1000, { search, onQuotedPrintable: () => seen.push(feeder.lines) });
    feeder.push(Buffer.from('a\nb=3Dc\nsoft =\nd=3De\n'));
    feeder.end();
    expect(seen).toEqual([2]);
  });

  test('an unstamped line ending in `=` still counts as a soft break', () => {
    expect(quiet('intro\nsoft =\nnoise\n')).toEqual({ lines: [2, 3], quotedPrintable: true });
  });
});
