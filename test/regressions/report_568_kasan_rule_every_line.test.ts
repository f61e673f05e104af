/**
 * Bug, seen on syzkaller__report_568__KASAN_invalid-access_Read_in_io_submit_sqes.txt: the `=====` rule above its
 * KASAN report ends in `=`, which the line feeder took for a quoted-printable soft break. Every line of the log after
 * the first KASAN or lockdep report then went down the every-line path, at a fraction of the fast path's speed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { feedLines } from '../../src/ingest/feed-lines.js';
import { analyzeText } from '../../src/api.js';
import { RecordingSink, chunksOf } from '../ingest/_recording-sink.js';

const CORPUS = new URL('../../../shared/corpus/syzkaller__report_568__KASAN_invalid-access_Read_in_io_submit_sqes.txt', import.meta.url);
const RULE = '[ 1344.478322][ T6700] ' + '='.repeat(66);

test('a rule of `=` is delivered as the opener it is, and the lines after it are not all delivered', async () => {
  const plain = Array.from({ length: 1000 }, (_, i) => `[ 1345.${String(i).padStart(6, '0')}] plain line ${i}`);
  const text = `${[RULE, ...plain].join('\n')}\n`;
  const sink = new RecordingSink(['WARNING:'], false);
  await feedLines(chunksOf(Buffer.from(text), [4096]), sink);
  expect(sink.lines.map((l) => l.lineNo)).toEqual([1]);
});

(existsSync(CORPUS) ? test : test.skip)('the KASAN report still opens with its rule', async () => {
  const result = await analyzeText(readFileSync(CORPUS, 'utf8'));
  const [cluster] = result.clusters;
  expect(cluster?.title).toBe('KASAN: invalid-access Read in io_submit_sqes');
  expect(cluster?.example.lines[0]?.text).toBe('='.repeat(66));
});
