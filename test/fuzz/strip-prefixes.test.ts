import fc from 'fast-check';
import { stripPrefixes } from '../../src/parse/prefix.js';
import { fuzzParams } from './_fuzz-params.js';

// Pieces of the prefixes vmemwarn strips (printk time, syslog, journalctl, LAVA, kmsg, capture stamps, ANSI), mixed with anything.
const prefixPiece = fc.constantFrom(
  '[   12.345678] ', '[ 1.0] ', '<4>', '<6>[    0.000000] ', 'Jan 10 12:00:00 host kernel: ', '2023-01-10T12:00:00.123456+00:00 host kernel: ',
  '6,1234,5678901,-;', '\x1b[0m', '\x1b[31m', '[T1234] ', '[  C3] ', '- 12:00:00 ', ' ', '\t', '[', ']', ':', '\r',
  '[13:20:01.123] ', '2026-11-26T13:20:01.123456Z 00O ', 'Nov 26 13:20:01 ', 'Jan 10 12:00:00 host kern.warn kernel: ',
);
const anyLine = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(fc.oneof(prefixPiece, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join('')),
);

test('stripPrefixes is idempotent on .text over arbitrary strings', () => {
  fc.assert(
    fc.property(anyLine, (line) => {
      const once = stripPrefixes(line).text;
      const again = stripPrefixes(once).text;
      // The one exception (prefix.ts): a stamp that never follows a printk time was left after one, as message text.
      if (again !== once) expect(stripPrefixes(`[   12.345678] ${once}`).text).toBe(once);
      else expect(again).toBe(once);
    }),
    fuzzParams(2000),
  );
});

// Found by `npm run fuzz` (20000 runs): a localized syslog stamp's shape after a printk time is message text there,
// and on its own is stripped; the property had said stripping again changes nothing at all.
test.each([
  ['[   12.345678] GJan 10 12:00:00 host kernel: ', 'GJan 10 12:00:00 host kernel: '],
  ['[   12.345678] Okt 27 14:08:04 host kernel: x', 'Okt 27 14:08:04 host kernel: x'],
  ['[   12.345678] 09-06 10:36:55.187     0     0 I         : x', '09-06 10:36:55.187     0     0 I         : x'],
])('%j keeps the stamp that never follows a printk time; alone, it is stripped', (line, kept) => {
  expect(stripPrefixes(line).text).toBe(kept);
  expect(stripPrefixes(kept).text.length).toBeLessThan(kept.length);
  // Any other prefix after the printk time is stripped there too.
  expect(stripPrefixes('[   12.345678] Jan 10 12:00:00 host kernel: x').text).toBe('x');
});
