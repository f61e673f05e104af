import fc from 'fast-check';
import { SAMSUNG_CPU_COMM_PID } from '../../src/parse/prefix-vendor-stamps.js';

// Found by a review hunting slow lines: ` *[^\]]+?` backtracked through a long run of blanks after the first colon
// (0.6 s for a line of 60 KB); the rule now reads `[^\]]+?` alone.
test('Found by a review: the Samsung rule matches as ` *[^\\]]+?` did, for any short text', () => {
  const old = /^\[ *(\d+): *[^\]]+?: *(\d+)\] ?/;
  fc.assert(
    fc.property(fc.array(fc.constantFrom('[', ']', ':', ' ', '4', '0', 'a', '/'), { maxLength: 16 }), (chars) => {
      const text = `[${chars.join('')}`;
      const now = SAMSUNG_CPU_COMM_PID.re.exec(text);
      const before = old.exec(text);
      expect(now === null ? null : [now[0], now[1], now[2]]).toEqual(before === null ? null : [before[0], before[1], before[2]]);
    }),
    { numRuns: 10_000 },
  );
});

test('the Samsung prefix of a task with a colon in its name', () => {
  const m = SAMSUNG_CPU_COMM_PID.re.exec('[4:  kworker/u16:3:  825] BUG: KASAN: x');
  expect([m?.[1], m?.[2]]).toEqual(['4', '825']);
});
