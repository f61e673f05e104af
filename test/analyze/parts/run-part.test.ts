import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PAST_CLUSTER_CAP, runPart } from '../../../src/analyze/parts/run-part.js';
import { MAX_CLUSTERS } from '../../../src/analyze/analyzer.js';
import type { PartJob, PartOutcome } from '../../../src/analyze/parts/part-job.js';
import type { AnalyzerPart } from '../../../src/analyze/analyzer.js';
import type { Cluster } from '../../../src/analyze/types.js';

/**
 * A part (analyze-in-parts.ts) is the bytes [start, end) of a file: it starts at a `cut here` line and, unless it is
 * the last, ends just past the LF of the `cut here` line the next part starts with. The log below has two
 * WARNINGs, each opened by a cut-here line, so it splits at lines 4 and 11.
 */
const CUT = '------------[ cut here ]------------';
function warning(ts: string, func: string, file: string, withEnd = true): string[] {
  return [
    `[${ts}] ${CUT}`,
    `[${ts}] WARNING: CPU: 0 PID: 1 at ${file}:10 ${func}+0x10/0x20`,
    `[${ts}] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0 #1`,
    `[${ts}] Call trace:`,
    `[${ts}]  ${func}+0x10/0x20`,
    ...(withEnd ? [`[${ts}] ---[ end trace 0000000000000000 ]---`] : []),
  ];
}
const BOOT = [
  '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]',
  '[    0.000000] Linux version 6.1.0 (builder@buildhost) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39) #1 SMP PREEMPT Tue Jan 10 12:00:00 UTC 2023',
  '[    1.000000] random: crng init done',
];
const BETWEEN = '[    2.500000] eth0: link up';
const LINES = [...BOOT, ...warning('    2.000000', 'foo_probe', 'drivers/foo/foo.c'), BETWEEN, ...warning('    3.000000', 'bar_probe', 'drivers/bar/bar.c')];
/** 1-based numbers of the two cut-here lines: 4 and 11. */
const FIRST_CUT = BOOT.length + 1;
const SECOND_CUT = FIRST_CUT + 7;

/** Byte offset where 1-based line `n` starts, and just past its LF. */
function lineStart(lines: readonly string[], n: number): number {
  return Buffer.byteLength(lines.slice(0, n - 1).map((l) => `${l}\n`).join(''));
}
function lineEnd(lines: readonly string[], n: number): number {
  return lineStart(lines, n + 1);
}

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-run-part-'));
  file = await write('two-warnings.log', LINES);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, lines: readonly string[], eol = '\n'): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, lines.map((l) => `${l}${eol}`).join(''));
  return p;
}

function job(over: Partial<PartJob> & Pick<PartJob, 'start' | 'end'>): PartJob {
  return { path: file, last: false, ...over };
}

function ok(outcome: PartOutcome): Extract<PartOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`part failed: ${outcome.reason}`);
  return outcome;
}

function clustersOf(part: AnalyzerPart): Cluster[] {
  return part.clusters.map((acc) => acc.finish(part.bootFacts.boots, undefined));
}

test('a middle part: numbered as in the file, one closed WARNING, settled at the next cut-here line', async () => {
  const start = lineStart(LINES, FIRST_CUT);
  const end = lineEnd(LINES, SECOND_CUT);
  const outcome = ok(await runPart(job({ start, end })));
  expect(outcome.lastLineNo).toBe(SECOND_CUT);
  expect(outcome.bytes).toBe(end - start);
  expect(outcome.truncatedLines).toBe(0);
  // The first WARNING ended with its end-trace line; the second has only its cut-here line, which the next part
  // reads again: nothing is open that the next part could not know.
  expect(outcome.settled).toBe(true);
  expect(outcome.part.splatCount).toBe(1);
  expect(outcome.part.cappedSplats).toBe(0);
  expect(clustersOf(outcome.part).map((c) => [c.title, c.count, c.firstLine, c.lastLine])).toEqual([
    // Lines 4 (cut here) to 9 (end trace) of the file, not 1 to 6 of the part.
    ['WARNING in foo_probe', 1, FIRST_CUT, FIRST_CUT + 5],
  ]);
  // No boot line in this part.
  expect(outcome.part.bootFacts.boots.every((b) => b.release === undefined)).toBe(true);
});

test('the first part: from byte 0, with the boot facts', async () => {
  const end = lineEnd(LINES, FIRST_CUT);
  const outcome = ok(await runPart(job({ start: 0, end })));
  expect(outcome.lastLineNo).toBe(FIRST_CUT);
  expect(outcome.bytes).toBe(end);
  expect(outcome.part.splatCount).toBe(0);
  expect(outcome.settled).toBe(true);
  expect(outcome.part.bootFacts.boots.map((b) => b.release?.value)).toEqual(['6.1.0']);
});

test('the last part reads to end of file', async () => {
  const start = lineStart(LINES, SECOND_CUT);
  const outcome = ok(await runPart(job({ start, end: Infinity, last: true })));
  expect(outcome.lastLineNo).toBe(LINES.length);
  expect(outcome.bytes).toBe(lineEnd(LINES, LINES.length) - start);
  expect(clustersOf(outcome.part).map((c) => [c.title, c.firstLine, c.lastLine])).toEqual([['WARNING in bar_probe', SECOND_CUT, LINES.length]]);
});

describe('last: closing what is open at end of file', () => {
  // The same log without the second WARNING's end-trace line: it is still open when the file ends.
  const openTail = [...LINES.slice(0, -1)];
  let tailFile: string;
  beforeAll(async () => {
    tailFile = await write('open-tail.log', openTail);
  });

  test('not the last part: the open WARNING is not counted, and the part is not settled', async () => {
    const outcome = ok(await runPart({ path: tailFile, start: lineStart(openTail, SECOND_CUT), end: Infinity, last: false }));
    expect(outcome.lastLineNo).toBe(openTail.length);
    expect(outcome.part.splatCount).toBe(0);
    expect(outcome.settled).toBe(false);
  });

  test('the last part closes it, as a whole-file read would', async () => {
    const outcome = ok(await runPart({ path: tailFile, start: lineStart(openTail, SECOND_CUT), end: Infinity, last: true }));
    expect(outcome.part.splatCount).toBe(1);
    expect(clustersOf(outcome.part).map((c) => [c.title, c.firstLine, c.lastLine])).toEqual([['WARNING in bar_probe', SECOND_CUT, openTail.length]]);
  });
});

test('a part that ends inside a WARNING is not settled', async () => {
  // Up to the first WARNING's `Call trace:` line (cut here + 3).
  const outcome = ok(await runPart(job({ start: lineStart(LINES, FIRST_CUT), end: lineEnd(LINES, FIRST_CUT + 3) })));
  expect(outcome.lastLineNo).toBe(FIRST_CUT + 3);
  expect(outcome.part.splatCount).toBe(0);
  expect(outcome.settled).toBe(false);
});

test('a part with a quoted-printable marker is not settled, though nothing else is open', async () => {
  // A line ending in `=` with an `=XX` escape in it looks like a quoted-printable soft break: the reader flags it
  // (FeedStats.quotedPrintable), while the record assembler stays off, as no `=3D`-like escape came first
  // (QuotedPrintableDetector). So only the reader's flag can make this part unsettled.
  const qp = [...LINES];
  qp[SECOND_CUT - 2] = '[    2.500000] foo: mask=FF options=';
  const qpFile = await write('quoted-printable.log', qp);
  const start = lineStart(qp, FIRST_CUT);
  const end = lineEnd(qp, SECOND_CUT);
  const outcome = ok(await runPart({ path: qpFile, start, end, last: false }));
  expect(outcome.part.splatCount).toBe(1);
  expect(outcome.settled).toBe(false);
});

// Regression (robustness audit): `[    5.246632]     ubootpart=` had made every part after it unsettled, and the
// file was read again in one piece.
test('a part with a stamped kernel line ending in `key=` is settled', async () => {
  const echo = [...LINES];
  echo[SECOND_CUT - 2] = '[    2.500000] foo: options=';
  const echoFile = await write('key-echo.log', echo);
  const outcome = ok(await runPart({ path: echoFile, start: lineStart(echo, FIRST_CUT), end: lineEnd(echo, SECOND_CUT), last: false }));
  expect(outcome.part.splatCount).toBe(1);
  expect(outcome.settled).toBe(true);
});

test('CRLF line breaks before the part count one line each', async () => {
  const crlf = await write('crlf.log', LINES, '\r\n');
  // Each line before the second cut-here line is its text plus two bytes.
  const start = LINES.slice(0, SECOND_CUT - 1).reduce((n, l) => n + Buffer.byteLength(l) + 2, 0);
  const outcome = ok(await runPart({ path: crlf, start, end: Infinity, last: true }));
  expect(outcome.lastLineNo).toBe(LINES.length);
  expect(clustersOf(outcome.part).map((c) => c.firstLine)).toEqual([SECOND_CUT]);
});

test('maxSplatLines caps the splats of the part', async () => {
  const start = lineStart(LINES, FIRST_CUT);
  const end = lineEnd(LINES, SECOND_CUT);
  // The first WARNING has six lines, cut here to end trace.
  expect(ok(await runPart(job({ start, end, maxSplatLines: 6 }))).part.cappedSplats).toBe(0);
  const capped = ok(await runPart(job({ start, end, maxSplatLines: 3 })));
  expect(capped.part.cappedSplats).toBe(1);
});

test('maxLineBytes truncates long lines of the part', async () => {
  const long = [...LINES];
  const longLine = `[    2.500000] ${'x'.repeat(200)}`;
  long[SECOND_CUT - 2] = longLine;
  const longFile = await write('long-line.log', long);
  const start = lineStart(long, FIRST_CUT);
  const end = lineEnd(long, SECOND_CUT);
  expect(ok(await runPart({ path: longFile, start, end, last: false })).truncatedLines).toBe(0);
  // A cap every other line of the part fits under (a line of exactly the cap is kept whole), the long one not.
  const partLines = long.slice(FIRST_CUT - 1, SECOND_CUT);
  const cap = Math.max(...partLines.filter((l) => l !== longLine).map((l) => Buffer.byteLength(l)));
  expect(Buffer.byteLength(longLine)).toBeGreaterThan(cap);
  const cut = ok(await runPart({ path: longFile, start, end, last: false, maxLineBytes: cap }));
  expect(cut.truncatedLines).toBe(1);
  // Truncation drops text, not the count of bytes read.
  expect(cut.bytes).toBe(end - start);
});

test('onBytes sees the running count, up to the part’s bytes', async () => {
  const seen: number[] = [];
  const start = lineStart(LINES, FIRST_CUT);
  const end = lineEnd(LINES, SECOND_CUT);
  const outcome = ok(await runPart(job({ start, end }), (n) => seen.push(n)));
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.at(-1)).toBe(end - start);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(outcome.bytes).toBe(end - start);
});

describe('failures are outcomes, not exceptions', () => {
  test('a file that is gone', async () => {
    const gone = path.join(dir, 'gone.log');
    const outcome = await runPart({ path: gone, start: 0, end: Infinity, last: true });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toContain('ENOENT');
    expect(!outcome.ok && outcome.reason).toContain(gone);
  });

  test('a read that fails (a directory) names the input', async () => {
    const sub = path.join(dir, 'a-directory');
    await mkdir(sub);
    const outcome = await runPart({ path: sub, start: 0, end: Infinity, last: true });
    expect(outcome.ok).toBe(false);
    // read(2) on a directory fails with EISDIR; feedAnalyzer prefixes the input's name.
    expect(!outcome.ok && outcome.reason.startsWith(`${sub}: `)).toBe(true);
    expect(!outcome.ok && outcome.reason).toContain('EISDIR');
  });

  test('an analysis that throws (maxLineBytes 0)', async () => {
    const outcome = await runPart(job({ start: 0, end: Infinity, maxLineBytes: 0 }));
    // feedLines refuses the cap (a UsageError, which names feedLines, not the input).
    expect(outcome).toEqual({ ok: false, reason: 'feedLines: maxLineBytes must be a whole number of at least 1, not the number 0' });
  });
});

test('the outcome survives structuredClone (it crosses to the main thread by postMessage)', async () => {
  const outcome = ok(await runPart(job({ start: lineStart(LINES, FIRST_CUT), end: lineEnd(LINES, SECOND_CUT) })));
  const cloned = structuredClone(outcome);
  expect(cloned.lastLineNo).toBe(outcome.lastLineNo);
  expect(cloned.part.splatCount).toBe(1);
  expect(cloned.part.clusters).toHaveLength(1);
});

test('a part with more kinds than MAX_CLUSTERS gives up as it passes them: no part after the first could be taken in', async () => {
  const kinds = MAX_CLUSTERS + 500;
  const lines = Array.from({ length: kinds }, (_, i) => warning('    2.000000', `kind_${i}`, `drivers/k/k${i}.c`)).flat();
  const many = await write('many-kinds.log', lines);
  const size = lineStart(lines, lines.length + 1);
  let read = 0;
  const outcome = await runPart({ path: many, start: 0, end: Infinity, last: true }, (bytes) => (read = bytes));
  expect(outcome).toEqual({ ok: false, reason: PAST_CLUSTER_CAP });
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThan(size);
});
