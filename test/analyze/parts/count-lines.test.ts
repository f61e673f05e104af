import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countLineBreaks } from '../../../src/analyze/parts/count-lines.js';
import { feedLines } from '../../../src/ingest/feed-lines.js';
import { RecordingSink, chunksOf } from '../../ingest/_recording-sink.js';

test('counts line breaks the way the reader numbers lines: LF, CRLF and lone CR, over many reads', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-count-'));
  try {
    const text = Array.from({ length: 200_000 }, (_, i) => `line ${i}${['\n', '\r\n', '\r', '\n\0'][i % 4]}`).join('');
    const file = path.join(dir, 'log');
    await writeFile(file, text);
    const sink = new RecordingSink([], true);
    const stats = await feedLines(chunksOf(Buffer.from(text), []), sink);
    expect(await countLineBreaks(file, Buffer.byteLength(text))).toBe(stats.lines);
    const cut = text.indexOf('line 150000');
    expect(await countLineBreaks(file, cut)).toBe(150_000);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
