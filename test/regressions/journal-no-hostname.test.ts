/**
 * Found by a review of the log formats: `journalctl --no-hostname` prints `kernel:` with no host before it, and every
 * format but short and short-precise (whose stamp reads as moreutils `ts`'s) lost the whole log: the printk time and
 * the ISO, epoch and short-full stamps were stripped and `kernel: ` kept in front of each message.
 */
import { e4Dmesg, e4Stamped, findingsOf } from './_e4-sample.js';

const EPOCH = 1795942800;
const iso = (seconds: number) => new Date((EPOCH + seconds) * 1000).toISOString();

/** journalctl's -o formats, as --no-hostname prints a kernel line whose printk time is `time`. */
const FORMATS: [string, (time: string, seconds: number) => string][] = [
  ['short-monotonic', (time) => `[${time}] kernel: `],
  ['short-delta', (time) => `[${time} <    0.000000>] kernel: `],
  ['short-iso', (_time, seconds) => `${iso(seconds).slice(0, 19)}+00:00 kernel: `],
  ['short-iso-precise', (_time, seconds) => `${iso(seconds).slice(0, 23)}000+00:00 kernel: `],
  ['short-full', (_time, seconds) => `Sun ${iso(seconds).slice(0, 10)} ${iso(seconds).slice(11, 19)} UTC kernel: `],
  ['short-unix', (_time, seconds) => `${(EPOCH + seconds).toFixed(6)} kernel: `],
  ['short', (_time, seconds) => `Nov 29 ${iso(seconds).slice(11, 19)} kernel: `],
];

test.each(FORMATS)('Found by a review: journalctl --no-hostname -o %s gives what the plain log gives', async (_name, prefix) => {
  const plain = await findingsOf(e4Dmesg());
  expect(plain.vmemmap.length).toBeGreaterThan(0);
  const journal = e4Stamped().map((l) => `${prefix(l.time, l.seconds)}${l.text}`).join('\n');
  expect(await findingsOf(`${journal}\n`)).toEqual(plain);
});
