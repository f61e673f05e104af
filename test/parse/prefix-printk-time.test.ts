import fc from 'fast-check';
import { PRINTK_TIME, takePrintkTime } from '../../src/parse/prefix-printk-time.js';
import type { PrefixFields } from '../../src/parse/prefix-rules.js';
import { epochWallTime } from '../../src/parse/prefix-wall-time.js';
import { fuzzParams } from '../fuzz/_fuzz-params.js';

/**
 * What the regex and the rule's `take` give: the specification takePrintkTime is written to. A time from 1e9 to 1e10 s
 * before another printk time is tio's epoch stamp: no printk time, the wall time it gives.
 */
function byRegex(text: string): { rest: string | undefined; into: PrefixFields } {
  const into: PrefixFields = {};
  const m = PRINTK_TIME.exec(text);
  if (!m) return { rest: undefined, into };
  const rest = text.slice(m[0].length);
  if (Number(m[1]) >= 1e9 && Number(m[1]) < 1e10 && PRINTK_TIME.test(rest)) {
    const [seconds, fraction] = m[1]!.split('.');
    into.wallTime = epochWallTime(seconds!, fraction);
    return { rest, into };
  }
  into.ts = Number(m[1]);
  return { rest, into };
}

function byHand(text: string): { rest: string | undefined; into: PrefixFields } {
  const into: PrefixFields = {};
  return { rest: takePrintkTime(text, into), into };
}

describe('takePrintkTime', () => {
  test.each([
    // kernel/printk/printk.c print_time(): "[%5lu.%06lu]"
    ['[   14.591804] pc : mvpp2_bm_bufs_free+0x1a4/0x1c0', 'pc : mvpp2_bm_bufs_free+0x1a4/0x1c0', 14.591804],
    ['[   14.700033]  mvpp2_bm_bufs_free+0x1a4/0x1c0', ' mvpp2_bm_bufs_free+0x1a4/0x1c0', 14.700033],
    ['[    0.000000] Booting Linux', 'Booting Linux', 0],
    ['[99999.999999]', '', 99999.999999],
    ['[1.5]text', 'text', 1.5],
    // More digits than a double holds exactly: the slow path gives Number's rounding.
    ['[123456789012.3456789] x', 'x', 123456789012.3456789],
  ])('%j', (line, rest, ts) => {
    const into: PrefixFields = {};
    expect(takePrintkTime(line, into)).toBe(rest);
    expect(into.ts).toBe(ts);
  });

  test.each(['[ T123] x', '[.5] x', '[1.] x', '[1.5 x', '[+0.000123] x', 'x[1.5] y', '[１.５] x', ''])(
    'leaves %j alone',
    (line) => {
      const into: PrefixFields = {};
      expect(takePrintkTime(line, into)).toBeUndefined();
      expect(into).toEqual({});
    },
  );

  test('keeps an earlier time', () => {
    const into: PrefixFields = { ts: 1 };
    expect(takePrintkTime('[    2.000000] x', into)).toBe('x');
    expect(into.ts).toBe(1);
  });

  // Found by a review of the log formats: `journalctl --no-hostname -o short-monotonic` kept `kernel: ` in front.
  test.each([
    ['[   14.200024] honeycomb kernel: Call trace:', { ts: 14.200024, host: 'honeycomb' }],
    ['[   14.200024] kernel: Call trace:', { ts: 14.200024 }],
  ])('Found by a review: the journal tag after the time, with a host or without: %j', (line, fields) => {
    const into: PrefixFields = {};
    expect(takePrintkTime(line, into)).toBe('Call trace:');
    expect(into).toEqual(fields);
  });

  // Found by a review of the log formats: tio's `--timestamp-format epoch` stamp had been taken for the printk time.
  test('Found by a review: an epoch time before a printk time is a capture stamp', () => {
    const into: PrefixFields = {};
    expect(takePrintkTime('[1795942812.800] [   12.800010] Call trace:', into)).toBe('[   12.800010] Call trace:');
    expect(into).toEqual({ wallTime: '2026-11-29T09:00:12.800Z' });
    const huge: PrefixFields = {};
    expect(takePrintkTime('[123456789012345.800] [   12.800010] x', huge)).toBe('[   12.800010] x');
    expect(huge).toEqual({ ts: 123456789012345.8 });
    const alone: PrefixFields = {};
    expect(takePrintkTime('[1795942812.800] Call trace:', alone)).toBe('Call trace:');
    expect(alone).toEqual({ ts: 1795942812.8 });
  });

  test('agrees with the regex on arbitrary stamps', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), maxLength: 20 });
    const piece = fc.oneof(fc.constantFrom('[', ']', ' ', '.', '  ', 'x', '\t'), digits, fc.string({ maxLength: 3 }));
    const line = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    const stamp = fc
      .tuple(fc.nat({ max: 6 }), digits, digits, fc.constantFrom('] ', ']', ']  ', ' ]'), fc.string({ maxLength: 6 }))
      .map(([pad, int, frac, close, rest]) => `[${' '.repeat(pad)}${int}.${frac}${close}${rest}`);
    const twoStamps = fc.tuple(stamp, stamp).map(([a, b]) => `${a}${b}`);
    fc.assert(
      fc.property(fc.oneof(line, stamp, twoStamps), (text) => expect(byHand(text)).toEqual(byRegex(text))),
      fuzzParams(5000),
    );
  });
});
