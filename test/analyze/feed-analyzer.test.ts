import { LogAnalyzer } from '../../src/analyze/analyzer.js';
import { feedAnalyzer, finishFed, type FedInput } from '../../src/analyze/feed-analyzer.js';
import { InputError } from '../../src/errors.js';
import { chunksOf } from '../ingest/_recording-sink.js';

const stamp = (t: number): string => `[${t.toFixed(6).padStart(12)}]`;

/** One arm64 WARNING report as the kernel prints it (cut here … end trace), 9 lines. */
function warning(t: number, pid: number, func: string): string[] {
  return [
    '------------[ cut here ]------------',
    `WARNING: CPU: 1 PID: ${pid} at drivers/base/core.c:100 ${func}+0x30/0x48`,
    'Modules linked in: amdgpu',
    `CPU: 1 PID: ${pid} Comm: modprobe Not tainted 6.6.0 #1`,
    `pc : ${func}+0x30/0x48`,
    'Call trace:',
    ` ${func}+0x30/0x48`,
    ' do_one_initcall+0x4c/0x2a0',
    '---[ end trace 0000000000000000 ]---',
  ].map((l) => `${stamp(t)} ${l}`);
}

const BOOT = [
  `${stamp(0)} Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]`,
  `${stamp(0)} Linux version 6.6.0 (builder@buildhost) (gcc 13.2.0) #1 SMP PREEMPT`,
  `${stamp(0)} Machine model: Test Board`,
];
const A1 = warning(3, 87, 'clk_core_disable');
const B = warning(4, 88, 'regulator_put');
const A2 = warning(5, 89, 'clk_core_disable');
const LINES = [...BOOT, ...A1, `${stamp(4)} usb 1-1: new device`, ...B, ...A2, `${stamp(6)} done`];
const LOG = `${LINES.join('\n')}\n`;
/** 1-based line number, in `lines` (LINES by default), of the `cut here` line that opens `report`. */
const lineOf = (report: string[], lines: string[] = LINES): number => lines.indexOf(report[0]!) + 1;

/** The input in 7-byte chunks, so lines and UTF-8 characters are split across chunks. */
const sevenByteChunks = (text: string): AsyncGenerator<Buffer> => chunksOf(Buffer.from(text), [7]);

/** `chunks` then a read that fails with `error`. */
async function* failingAfter(chunks: AsyncIterable<Buffer>, error: unknown): AsyncGenerator<Buffer> {
  yield* chunks;
  throw error;
}

/** `chunks` then a read that never completes (an idle pipe). */
async function* idleAfter(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield* chunks;
  await new Promise<never>(() => undefined);
}

async function analyze(input: AsyncIterable<Buffer>, opts: { signal?: AbortSignal; maxLineBytes?: number; lineOffset?: number } = {}) {
  const analyzer = new LogAnalyzer({ name: 'test.log' });
  const fed = await feedAnalyzer(analyzer, input, { name: 'test.log', ...opts });
  return { fed, result: finishFed(analyzer, fed, opts.signal) };
}

const clusterView = (r: { clusters: { title: string; count: number; firstLine: number }[] }) =>
  r.clusters.map((c) => ({ title: c.title, count: c.count, firstLine: c.firstLine }));

describe('normal end of input', () => {
  test('every line, byte and report is counted and clustered', async () => {
    const { fed, result } = await analyze(sevenByteChunks(LOG));
    expect(fed.inputError).toBeUndefined();
    expect(fed.bytes).toBe(Buffer.byteLength(LOG));
    expect(fed.stats).toEqual({ lines: LINES.length, bytes: Buffer.byteLength(LOG), truncatedLines: 0, encoding: 'utf-8' });
    expect(result.stats).toEqual({ lines: LINES.length, bytes: Buffer.byteLength(LOG), boots: 1, splats: 3, truncatedLines: 0, cappedSplats: 0 });
    expect(clusterView(result)).toEqual([
      { title: 'WARNING in clk_core_disable', count: 2, firstLine: lineOf(A1) },
      { title: 'WARNING in regulator_put', count: 1, firstLine: lineOf(B) },
    ]);
    expect(result.boots.map((b) => b.release?.value)).toEqual(['6.6.0']);
    expect(result.source).toBe('test.log');
    expect(result.warnings).toEqual([]);
    expect(result).not.toHaveProperty('inputError');
    expect(result).not.toHaveProperty('interrupted');
  });

  test('onBytes gets the running byte count after each chunk', async () => {
    const seen: number[] = [];
    const analyzer = new LogAnalyzer();
    // 'é' is 2 UTF-8 bytes: 'ab\n' = 3, 'é\n' = 3, 'cd' = 2.
    const chunks = (async function* () {
      yield* [Buffer.from('ab\n'), Buffer.from('é\n'), Buffer.from('cd')];
    })();
    const fed = await feedAnalyzer(analyzer, chunks, { name: 'x', onBytes: (n) => seen.push(n) });
    expect(seen).toEqual([3, 6, 8]);
    expect(fed.stats?.lines).toBe(3);
  });

  // Found by review: the callback's error came back as the input's `read failed: …`, an input error (exit 3).
  test('an onBytes callback that throws rejects with its own error, not an input error', async () => {
    const boom = new Error('progress display failed');
    const chunks = (async function* () {
      yield* [Buffer.from('ab\n'), Buffer.from('cd\n')];
    })();
    await expect(
      feedAnalyzer(new LogAnalyzer(), chunks, {
        name: 'x',
        onBytes: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });

  test('string chunks are read as UTF-8 and counted in bytes', async () => {
    const analyzer = new LogAnalyzer();
    const strings = (async function* () {
      yield* ['größe\n', 'ok\n'];
    })() as unknown as AsyncIterable<Buffer>;
    const fed = await feedAnalyzer(analyzer, strings, { name: 'x' });
    // 'größe\n': g r ö(2) ß(2) e \n = 8 bytes; 'ok\n' = 3.
    expect(fed.bytes).toBe(11);
    expect(fed.stats).toMatchObject({ lines: 2, bytes: 11 });
  });

  test('maxLineBytes reaches the line reader', async () => {
    const long = `${stamp(1)} ${'x'.repeat(200)}`;
    const { result } = await analyze(sevenByteChunks(`${long}\nshort\n`), { maxLineBytes: 100 });
    expect(result.stats).toMatchObject({ lines: 2, truncatedLines: 1 });
  });

  test('lineOffset numbers the lines on from it', async () => {
    const { result } = await analyze(sevenByteChunks(LOG), { lineOffset: 1000 });
    expect(result.stats.lines).toBe(1000 + LINES.length);
    expect(result.clusters.map((c) => c.firstLine)).toEqual([1000 + lineOf(A1), 1000 + lineOf(B)]);
  });

  test.each([
    ['empty input', '', ['empty input']],
    ['whitespace only', ' \n\t\n  \n', ['input holds only whitespace']],
    // The ELF magic 7f 'E' 'L' 'F' (sniff-binary.ts).
    ['an ELF file', '\x7fELF\x02\x01\x01\n', ['binary file (ELF executable): not a text log, read as text anyway']],
  ])('notes on %s are reported', async (_name, text, warnings) => {
    const { result } = await analyze(chunksOf(Buffer.from(text, 'latin1'), [3]));
    expect(result.warnings).toEqual(warnings);
  });

  test("the input's notes come before the analyzer's warnings; explicit stats win", async () => {
    const analyzer = new LogAnalyzer();
    const fed = await feedAnalyzer(analyzer, chunksOf(Buffer.alloc(0), []), { name: 'x' });
    const result = finishFed(analyzer, fed, undefined, { lines: 0, bytes: 0, truncatedLines: 0, encoding: 'utf-16le' });
    expect(result.warnings).toEqual(['empty input', 'input decoded as utf-16le']);
  });
});

describe('a read error part-way', () => {
  // The first report and the start of the second (its `cut here` and header), then the read fails.
  const prefixLines = [...BOOT, ...A1, B[0]!, B[1]!];
  const prefix = `${prefixLines.join('\n')}\n`;

  test('is reported, and what was read before it is analyzed', async () => {
    const { fed, result } = await analyze(failingAfter(sevenByteChunks(prefix), new Error('EIO: i/o error, read')));
    expect(fed.stats).toBeUndefined();
    expect(fed.bytes).toBe(Buffer.byteLength(prefix));
    // feedLines names the input and says the read failed.
    expect(result.inputError).toBe('test.log: read failed: EIO: i/o error, read');
    expect(result).not.toHaveProperty('interrupted');
    // Without FeedStats, the lines are the last line delivered and the bytes those counted on the way.
    expect(result.stats).toMatchObject({ lines: prefixLines.length, bytes: Buffer.byteLength(prefix) });
    // The complete report is kept; the open one is closed at the end like at the end of any input.
    expect(result.clusters[0]).toMatchObject({ title: 'WARNING in clk_core_disable', count: 1, firstLine: lineOf(A1, prefixLines) });
    expect(result.boots.map((b) => b.release?.value)).toEqual(['6.6.0']);
  });

  test('gives the same analysis as the text read before it, read to its end', async () => {
    const failed = (await analyze(failingAfter(sevenByteChunks(prefix), new Error('gone')))).result;
    const whole = (await analyze(sevenByteChunks(prefix))).result;
    expect(clusterView(failed)).toEqual(clusterView(whole));
    expect(failed.stats.splats).toBe(whole.stats.splats);
    expect(failed.boots).toEqual(whole.boots);
  });

  test('a last line without its line break is still delivered and parsed', async () => {
    // 'Linux version ' is a boot-fact trigger, so the line reaches the analyzer even on the fast path.
    const { result } = await analyze(failingAfter(sevenByteChunks('one\ntwo\nLinux version 6.6.0 (b@h) #1 SMP'), new Error('gone')));
    expect(result.boots.map((b) => b.release?.value)).toEqual(['6.6.0']);
    expect(result.stats.lines).toBe(3);
  });

  // The fast path delivers only the first line (the others hold no trigger needle); all 3 were read and count.
  test('after a failed read, stats.lines counts the lines read, not only up to the last delivered one', async () => {
    const text = 'Linux version 6.6.0 (b@h) #1 SMP\nplain line two\nplain line three\n';
    const { result } = await analyze(failingAfter(sevenByteChunks(text), new Error('gone')));
    expect(result.stats.lines).toBe(3);
  });

  test('an InputError from the source (a decoder) keeps its own message', async () => {
    const cause = new InputError('archive.tgz:dmesg.gz', 'truncated gzip data');
    const { result } = await analyze(failingAfter(sevenByteChunks(prefix), cause));
    expect(result.inputError).toBe('archive.tgz:dmesg.gz: truncated gzip data');
  });

  test('a failure that is not a VmemwarnError is prefixed with the input name', async () => {
    // An analyzer that throws (a bug in it) fails the feed with its own error.
    const analyzer = new LogAnalyzer({ name: 'test.log' });
    analyzer.pushLine = () => {
      throw new TypeError('boom');
    };
    const fed = await feedAnalyzer(analyzer, sevenByteChunks(LOG), { name: 'test.log' });
    expect(fed.inputError).toBe('test.log: boom');
  });

  test('an input failing before any byte reports the failure, not "empty input"', async () => {
    const { result } = await analyze(failingAfter(chunksOf(Buffer.alloc(0), []), new Error('EACCES')));
    expect(result.inputError).toBe('test.log: read failed: EACCES');
    expect(result.warnings).toEqual([]);
    expect(result.stats).toMatchObject({ lines: 0, bytes: 0, splats: 0 });
  });
});

describe('abort via signal', () => {
  const prefixLines = [...BOOT, ...A1, ...B];
  const prefix = `${prefixLines.join('\n')}\n`;

  test('an abort during a read that never completes ends the feed with what was read, marked interrupted', async () => {
    const controller = new AbortController();
    const analyzer = new LogAnalyzer({ name: 'pipe' });
    const fedPromise: Promise<FedInput> = feedAnalyzer(analyzer, idleAfter(sevenByteChunks(prefix)), {
      name: 'pipe',
      signal: controller.signal,
      // Abort once every byte before the idle read has been counted.
      onBytes: (n) => {
        if (n === Buffer.byteLength(prefix)) setTimeout(() => controller.abort(), 10);
      },
    });
    const fed = await fedPromise;
    expect(fed.stats).toBeUndefined();
    // An abort is not an input error.
    expect(fed.inputError).toBeUndefined();
    const result = finishFed(analyzer, fed, controller.signal);
    expect(result.interrupted).toBe(true);
    expect(result).not.toHaveProperty('inputError');
    expect(result.stats).toMatchObject({ lines: prefixLines.length, bytes: Buffer.byteLength(prefix), splats: 2 });
    expect(clusterView(result)).toEqual([
      { title: 'WARNING in clk_core_disable', count: 1, firstLine: lineOf(A1, prefixLines) },
      { title: 'WARNING in regulator_put', count: 1, firstLine: lineOf(B, prefixLines) },
    ]);
  });

  // Found by a review embedding the library: a stop inside a report made a cluster of its own out of the report's
  // first lines (a WARNING without trace, a different id each time) and counted a cut line as a line.
  test('a stop inside a report and inside a line: neither the cut line nor the open report is kept, and a note says so', async () => {
    const controller = new AbortController();
    const analyzer = new LogAnalyzer({ name: 'pipe' });
    const cutAt = 5;
    const read = `${[...prefixLines, ...A2.slice(0, cutAt)].join('\n')}\n${A2[cutAt]!.slice(0, 20)}`;
    const fed = await feedAnalyzer(analyzer, idleAfter(sevenByteChunks(read)), {
      name: 'pipe',
      signal: controller.signal,
      onBytes: (n) => {
        if (n === Buffer.byteLength(read)) setTimeout(() => controller.abort(), 10);
      },
    });
    expect(fed.partialStats?.lines).toBe(prefixLines.length + cutAt);
    const result = finishFed(analyzer, fed, controller.signal);
    expect(result.interrupted).toBe(true);
    expect(result.stats).toMatchObject({ lines: prefixLines.length + cutAt, splats: 2 });
    expect(clusterView(result)).toEqual([
      { title: 'WARNING in clk_core_disable', count: 1, firstLine: lineOf(A1, prefixLines) },
      { title: 'WARNING in regulator_put', count: 1, firstLine: lineOf(B, prefixLines) },
    ]);
    expect(result.warnings).toEqual(['the read was stopped inside 1 report(s): what was read of them is left out']);
  });

  test('an already aborted signal reads nothing and adds no "empty input" note', async () => {
    const signal = AbortSignal.abort();
    const { fed, result } = await analyze(sevenByteChunks(LOG), { signal });
    expect(fed.bytes).toBe(0);
    expect(fed.inputError).toBeUndefined();
    expect(result.interrupted).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.stats).toMatchObject({ lines: 0, bytes: 0, splats: 0 });
  });

  test('a signal that never aborts changes nothing', async () => {
    const plain = (await analyze(sevenByteChunks(LOG))).result;
    const withSignal = (await analyze(sevenByteChunks(LOG), { signal: new AbortController().signal })).result;
    expect(withSignal).toEqual(plain);
    expect(withSignal).not.toHaveProperty('interrupted');
  });
});
