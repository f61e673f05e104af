import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureFormattedLog, LOG_FORMATS } from '../../bench/lib/log-formats.mjs';
import { logChunks } from '../../bench/generate-log.mjs';
import { analyzeFile } from '../../src/api.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const reportOf = async (file: string) => {
  const r = await analyzeFile(file, { threads: 1 });
  return { boots: r.boots.length, clusters: r.clusters.map((c) => [c.title, c.count]) };
};

// The bench times these formats against the plain log and says whether the report is the same: a format the
// analyzer read otherwise would measure another job.
test.each(Object.keys(LOG_FORMATS))('%s: the bench log in it gives the plain log’s report', async (format) => {
  const plain = path.join(dir, 'storm.log');
  await writeFile(plain, [...logChunks({ seed: 3, sizeBytes: 300_000, mix: 'storm' })].join(''));
  const file = await ensureFormattedLog(plain, format, dir);
  const [plainText, text] = await Promise.all([readFile(plain, 'utf8'), readFile(file, 'utf8')]);
  expect(text.split('\n')).toHaveLength(plainText.split('\n').length);
  expect(text).not.toBe(plainText);
  const expected = await reportOf(plain);
  expect(expected.clusters.reduce((n, [, count]) => n + Number(count), 0)).toBeGreaterThan(1);
  expect(await reportOf(file)).toEqual(expected);
});

test('journal entries carry the printk time as the monotonic time and the message as it was', async () => {
  const entry = JSON.parse(LOG_FORMATS['journalctl -o json']!('12', '345678', 'WARNING: x "y"', '[   12.345678] WARNING: x "y"'));
  expect([entry.MESSAGE, entry._SOURCE_MONOTONIC_TIMESTAMP, entry._TRANSPORT]).toEqual(['WARNING: x "y"', '12345678', 'kernel']);
});
