import { closeSync, openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evenTargets, findSplitLines } from '../../../src/analyze/parts/split-points.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-split-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function splitsOf(text: string, parts: number): Promise<string[]> {
  const file = path.join(dir, 'log');
  await writeFile(file, text);
  const fd = openSync(file, 'r');
  try {
    return findSplitLines(fd, Buffer.byteLength(text), evenTargets(Buffer.byteLength(text), parts)).map((l) => Buffer.from(text).subarray(l.start, l.end).toString());
  } finally {
    closeSync(fd);
  }
}

const CUT = '[    2.000000] ------------[ cut here ]------------\n';
const filler = (n: number): string => Array.from({ length: n }, (_, i) => `[    1.${String(i).padStart(6, '0')}] plain\n`).join('');

test('the first cut-here line at or after each share of the file, whole with its LF', async () => {
  const text = filler(50) + CUT + filler(10) + CUT + filler(40) + CUT + filler(60);
  const lines = await splitsOf(text, 2);
  expect(lines).toEqual([CUT]);
  const half = Buffer.byteLength(text) / 2;
  const third = text.indexOf(CUT, text.indexOf(CUT) + 1) + CUT.length;
  expect(text.indexOf(CUT, third)).toBeGreaterThanOrEqual(half);
});

test('none when no cut-here line follows the share; several parts never repeat a line', async () => {
  expect(await splitsOf(CUT + filler(100), 2)).toEqual([]);
  const text = filler(10) + CUT + filler(200);
  expect(await splitsOf(text, 4)).toEqual([]);
  const two = filler(100) + CUT + filler(1) + CUT + filler(100);
  expect(await splitsOf(two, 3)).toHaveLength(1);
});

test('CRs that open or end a cut-here line (\\n\\r, CRLF, \\r\\r\\n ends) leave it a split line', async () => {
  for (const line of ['\r[    2.000000] ------------[ cut here ]------------\n', '[    2.000000] ------------[ cut here ]------------\r\r\n']) {
    expect(await splitsOf(filler(50) + line + filler(40), 2)).toEqual([line]);
  }
});

test('a line with a CR inside is no split line: the reader would glue its two pieces into one line', async () => {
  const crLine = '[    2.000000] x\r------------[ cut here ]------------\n';
  expect(await splitsOf(filler(50) + crLine + filler(40), 2)).toEqual([]);
  const crlf = '[    2.000000] ------------[ cut here ]------------\r\n';
  expect(await splitsOf(filler(50) + crlf + filler(40), 2)).toEqual([crlf]);
});
