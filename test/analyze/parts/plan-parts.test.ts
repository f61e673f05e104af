import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planParts } from '../../../src/analyze/parts/plan-parts.js';
import { logChunks } from '../../../bench/generate-log.mjs';

let dir: string;
let storm: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-plan-'));
  storm = Buffer.from([...logChunks({ seed: 3, sizeBytes: 3_000_000, mix: 'storm' })].join(''));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: Buffer): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

test('a plain log with cut-here lines is split at them', async () => {
  const plan = planParts(await file('storm.log', storm), 3, { evenly: true });
  expect(plan?.splits).toHaveLength(2);
  for (const s of plan!.splits) expect(storm.subarray(s.start, s.end).toString()).toMatch(/\[ cut here \]-+\n$/);
});

test('never split: one thread, stdin, a directory, a missing file, compressed or UTF-16 bytes', async () => {
  const plain = await file('plain.log', storm);
  expect(planParts(plain, 1, { evenly: true })).toBeUndefined();
  expect(planParts('-', 2, { evenly: true })).toBeUndefined();
  expect(planParts(dir, 2, { evenly: true })).toBeUndefined();
  expect(planParts(path.join(dir, 'missing.log'), 2, { evenly: true })).toBeUndefined();
  expect(planParts(await file('storm.log.gz', gzipSync(storm)), 2, { evenly: true })).toBeUndefined();
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(storm.toString(), 'utf16le')]);
  expect(planParts(await file('utf16.log', utf16), 2, { evenly: true })).toBeUndefined();
});

test('without `evenly`, a file too small for a split to pay is read in one piece', async () => {
  expect(planParts(await file('small.log', storm), 2)).toBeUndefined();
});

test('a FIFO is not opened: its writer is left alone (regression: bad-inputs "a FIFO named on the command line")', async () => {
  const fifo = path.join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  // Opening it for reading would block this thread until a writer came.
  expect(planParts(fifo, 2, { evenly: true })).toBeUndefined();
});

// A single read decides on the file's first bytes whether every line is read (hidden-needles.ts): a file whose start
// shows journal entries is not cut, so every part cannot decide otherwise.
test('a log that starts with journal entries is read in one piece', async () => {
  const journal = Buffer.concat([Buffer.from('{"_TRANSPORT":"kernel","MESSAGE":"Memory: 1K available"}\n'), storm]);
  expect(planParts(await file('journal.log', journal), 3, { evenly: true })).toBeUndefined();
});

// Colour codes come off in every part alike (ingest/ansi-stripper.ts): they no longer keep a log in one piece.
test('a log that starts with colour codes is cut as a plain one', async () => {
  const coloured = Buffer.concat([Buffer.from('[    0.000000] \u001b[33mMemory\u001b[0m: 1K available\n'), storm]);
  expect(planParts(await file('coloured.log', coloured), 3, { evenly: true })?.splits).toHaveLength(2);
});
