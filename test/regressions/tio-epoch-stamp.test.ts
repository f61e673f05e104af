/**
 * Found by a review of the log formats: tio's `--timestamp-format epoch` writes `[1795942812.800] ` before each console
 * line, and that stamp had been taken for the printk time (a report at 1795942812.8 s since boot).
 */
import { analyzeText } from '../../src/api.js';
import { e4Dmesg, e4Stamped, findingsOf } from './_e4-sample.js';

const EPOCH = 1795942800;

test('Found by a review: the e4 sample behind tio epoch stamps keeps its printk times and findings', async () => {
  const plainText = e4Dmesg();
  const tio = `${e4Stamped().map((l) => `[${(EPOCH + l.seconds).toFixed(3)}] [${l.time}] ${l.text}`).join('\n')}\n`;
  const times = async (text: string) => (await analyzeText(text)).clusters.map((c) => c.example.ts);
  expect(await findingsOf(tio)).toEqual(await findingsOf(plainText));
  const plainTimes = await times(plainText);
  expect(plainTimes.every((t) => t !== undefined)).toBe(true);
  expect(await times(tio)).toEqual(plainTimes);
});
