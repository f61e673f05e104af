/**
 * Found by a review of the log formats: `logcat -v zone` (` +0000` after the time) and `-v nsec` (nine digits) were
 * not read, nor `-v time` with them or with `-v year`, and logcat was told from the first 8 lines only, so the
 * needles logd's tag column hides (`Memory  : …`) were missed after a longer header: 0 splats, or no boot facts.
 */
import { e4Dmesg, e4Stamped, findingsOf } from './_e4-sample.js';

/** What logd does to a kernel line: a short leading `word:` becomes the tag, padded to 8; otherwise the tag is empty. */
function logdTag(text: string): [string, string] {
  const m = /^(\w{1,7}): (.*)$/.exec(text);
  return m ? [m[1]!, m[2]!] : ['', text];
}

const two = (n: number) => String(n).padStart(2, '0');
/** The clock of a kernel time, on 29 November from 09:00, to `digits` after the point. */
function clock(seconds: number, digits: number): string {
  const whole = Math.floor(seconds);
  const fraction = String(Math.round((seconds - whole) * 1e6)).padStart(6, '0').padEnd(9, '0').slice(0, digits);
  return `09:${two(Math.floor(whole / 60) % 60)}:${two(whole % 60)}.${fraction}`;
}

const FORMATS: [string, (seconds: number) => string, 'threadtime' | 'time'][] = [
  ['-v threadtime -v zone', (s) => `11-29 ${clock(s, 3)} +0000`, 'threadtime'],
  ['-v threadtime -v nsec', (s) => `11-29 ${clock(s, 9)}`, 'threadtime'],
  ['-v threadtime -v year -v usec -v zone', (s) => `2026-11-29 ${clock(s, 6)} -0500`, 'threadtime'],
  ['-v time -v year', (s) => `2026-11-29 ${clock(s, 3)}`, 'time'],
  ['-v time -v zone', (s) => `11-29 ${clock(s, 3)} +0100`, 'time'],
  ['-v time -v nsec', (s) => `11-29 ${clock(s, 9)}`, 'time'],
];

/** A bug report's header: more lines before the logcat section than the 8 the detection had looked at. */
const HEADER = ['========================================================', '== dumpstate: 2026-11-29 09:10:00', ...Array.from({ length: 20 }, (_, i) => `Build fingerprint line ${i}`), '------ KERNEL LOG (logcat -b kernel) ------'];

test.each(FORMATS)('Found by a review: the e4 sample as `logcat %s` after a bug report header gives what the plain log gives', async (_name, time, shape) => {
  const plain = await findingsOf(e4Dmesg());
  expect(plain.boots[0]?.[2]).toBeDefined();
  const lines = e4Stamped().map((l) => {
    const [tag, text] = logdTag(l.text);
    return shape === 'threadtime' ? `${time(l.seconds)}     0     0 I ${tag.padEnd(8)}: ${text}` : `${time(l.seconds)} I/${tag.padEnd(8)}(    0): ${text}`;
  });
  // The needle of the boot fact is hidden by the tag column.
  expect(lines.some((l) => l.includes('Memory: '))).toBe(false);
  expect(await findingsOf(`${[...HEADER, ...lines].join('\n')}\n`)).toEqual(plain);
});
