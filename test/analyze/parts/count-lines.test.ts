import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countLineBreaks } from '../../../src/analyze/parts/count-lines.js';
import { feedLines } from '../../../src/ingest/feed-lines.js';
import { RecordingSink, chunksOf } from '../../ingest/_recording-sink.js';

test.each([
  ['LF, CRLF, a CR inside a line and NUL', ['\n', '\r\n', '\r', '\n\0']],
  ['CR alone (no LF in the head)', ['\r', '\r\r', '\r']],
])('counts line breaks the way the reader numbers lines, over many reads: %s', async (_name, ends) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-count-'));
  try {
    const text = Array.from({ length: 200_000 }, (_, i) => `line ${i}${ends[i % ends.length]}`).join('');
    const file = path.join(dir, 'log');
    await writeFile(file, text);
    const sink = new RecordingSink([], true);
    const stats = await feedLines(chunksOf(Buffer.from(text), []), sink);
    expect(await countLineBreaks(file, Buffer.byteLength(text))).toBe(stats.lines);
    const cut = text.indexOf('line 150000');
    const before = new RecordingSink([], true);
    const statsBefore = await feedLines(chunksOf(Buffer.from(text.slice(0, cut)), []), before);
    expect(await countLineBreaks(file, cut)).toBe(statsBefore.lines);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a log with LFs counts only them, as grep -n does', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-count-'));
  try {
    const text = 'a\n\rb\r\nprogress 50%\rprogress 100%\nc\r\r\n';
    const file = path.join(dir, 'log');
    await writeFile(file, text);
    expect(await countLineBreaks(file, text.length)).toBe(text.split('\n').length - 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
