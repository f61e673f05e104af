import { TriggerPattern } from '../../src/ingest/trigger-pattern.js';

const hitsIn = (pattern: TriggerPattern, text: string): number[] => {
  const re = new RegExp(pattern.bytes.source, 'g');
  return [...Buffer.from(text, 'utf8').toString('latin1').matchAll(re)].map((m) => m.index);
};

test('needles with regex metacharacters match literally', () => {
  const p = new TriggerPattern(['WARNING:', 'cut here', 'a.b', '[x]']);
  expect(p.matches('------------[ cut here ]------------')).toBe(true);
  expect(p.matches('aXb')).toBe(false);
  expect(p.matches('a.b [x]')).toBe(true);
  expect(p.matches('warning: lower case')).toBe(false);
});

test('byte-level matches sit at the needle byte offset, after multi-byte characters', () => {
  const p = new TriggerPattern(['BUG']);
  // 'é' is two UTF-8 bytes, so BUG starts at byte 3.
  expect(hitsIn(p, 'éxBUG\n')).toEqual([3]);
});

test('non-ASCII needles are matched as their UTF-8 bytes', () => {
  const p = new TriggerPattern(['µs']);
  expect(hitsIn(p, 'took 5µs\n')).toEqual([6]);
  expect(p.matches('took 5µs')).toBe(true);
});

test('quoted-printable markers are found in bytes and in decoded lines', () => {
  const buf = Buffer.from('x=y\nsoft=\na=3Db\n');
  // `soft=` starts at byte 4, so its `=` is at 8; `a=3Db` starts at 10.
  expect(TriggerPattern.nextQuotedPrintable(buf, 0, buf.length)).toBe(8);
  expect(TriggerPattern.nextQuotedPrintable(buf, 9, buf.length)).toBe(11);
  expect(TriggerPattern.nextQuotedPrintable(buf, 12, buf.length)).toBe(buf.length);
  expect(TriggerPattern.nextQuotedPrintable(buf, 0, 5)).toBe(5);
  expect(TriggerPattern.isQuotedPrintable('soft=')).toBe(true);
  expect(TriggerPattern.isQuotedPrintable('key=3Dvalue')).toBe(true);
  expect(TriggerPattern.isQuotedPrintable('key=value')).toBe(false);
  // The rule that opens KASAN and lockdep reports: quoted-printable would have written `=3D=3D…`.
  expect(TriggerPattern.isQuotedPrintable('[   14.1][ T1] ' + '='.repeat(66))).toBe(false);
  expect(TriggerPattern.isQuotedPrintable('a=3D=')).toBe(true);
});

test('a stamped kernel line ending in `key=` is no soft break; one with an escape is', () => {
  // Regression (robustness audit): this line of the orangepi5 corpus log had switched the reader to every line.
  expect(TriggerPattern.isQuotedPrintable('[    5.246632]     ubootpart=')).toBe(false);
  expect(TriggerPattern.isQuotedPrintable('[    5.246632] cmdline: root=3DPARTUUID=3D1234 ubootpart=')).toBe(true);
  expect(TriggerPattern.isQuotedPrintable('[    5.246632] cmdline: ubootpart=3D rootwait')).toBe(true);
  expect(TriggerPattern.isQuotedPrintable('ubootpart=')).toBe(true);
});

test('no needles: the byte regex never matches', () => {
  const p = new TriggerPattern([]);
  expect(hitsIn(p, 'anything\n')).toEqual([]);
  expect(p.matches('anything')).toBe(false);
});

test('an empty needle matches every line; needles with line breaks can match none', () => {
  expect(new TriggerPattern(['x', '']).matchesEveryLine).toBe(true);
  const p = new TriggerPattern(['a\nb']);
  expect(p.matchesEveryLine).toBe(false);
  expect(p.matches('a')).toBe(false);
});

test('TriggerPattern.of builds one pattern per needle array', () => {
  const needles = ['WARNING:', 'Oops'];
  expect(TriggerPattern.of(needles)).toBe(TriggerPattern.of(needles));
  const other = TriggerPattern.of([...needles]);
  expect(other).not.toBe(TriggerPattern.of(needles));
  expect(other.matches('x Oops y')).toBe(true);
});
