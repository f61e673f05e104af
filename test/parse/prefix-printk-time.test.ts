import fc from 'fast-check';
import { PRINTK_TIME, takePrintkTime } from '../../src/parse/prefix-printk-time.js';
import type { PrefixFields } from '../../src/parse/prefix-rules.js';
import { fuzzParams } from '../fuzz/_fuzz-params.js';

/** What the regex and the rule's `take` give: the specification takePrintkTime is written to. */
function byRegex(text: string): { rest: string | undefined; into: PrefixFields } {
  const into: PrefixFields = {};
  const m = PRINTK_TIME.exec(text);
  if (!m) return { rest: undefined, into };
  into.ts = Number(m[1]);
  return { rest: text.slice(m[0].length), into };
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

  test('agrees with the regex on arbitrary stamps', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), maxLength: 20 });
    const piece = fc.oneof(fc.constantFrom('[', ']', ' ', '.', '  ', 'x', '\t'), digits, fc.string({ maxLength: 3 }));
    const line = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
    const stamp = fc
      .tuple(fc.nat({ max: 6 }), digits, digits, fc.constantFrom('] ', ']', ']  ', ' ]'), fc.string({ maxLength: 6 }))
      .map(([pad, int, frac, close, rest]) => `[${' '.repeat(pad)}${int}.${frac}${close}${rest}`);
    fc.assert(
      fc.property(fc.oneof(line, stamp), (text) => expect(byHand(text)).toEqual(byRegex(text))),
      fuzzParams(5000),
    );
  });
});
