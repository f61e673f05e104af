import { readSync } from 'node:fs';

/**
 * What reading a log costs, per byte and per report line, and what a second thread costs before it starts: fitted to
 * `npm run bench` on a 2-core machine (quiet and storm 1 GiB logs read by one thread, bench/RESULTS.md). Only the
 * ratios matter much: they decide whether a split pays and where the parts end so that all finish together.
 */
export const COSTS = {
  /** Every byte: reading, the SIMD scan, counting lines. */
  secondsPerByte: 0.82e-9,
  /** A line inside a report, split, decoded and parsed (counted by REPORT_LINE below). */
  secondsPerReportLine: 1.39e-6,
  /** A worker thread's start: its isolate and the modules it loads. */
  workerStartSeconds: 0.15,
  /** Counting the line breaks before a part (count-lines.ts). */
  countSecondsPerByte: 0.35e-9,
  /** Two isolates on two cores slow each other (V8's compiler and GC threads): two reads ran 1.7× one, not 2×. */
  contention: 1.2,
  /** A split must save at least this much, or it is not worth a second isolate's memory. */
  minGainSeconds: 0.05,
};

/** Most of a report's lines: a frame or pc/lr (`func+0x../0x..`) or a row of an arm64 register dump. */
const REPORT_LINE = /\+0x[0-9a-f]+\/0x|\bx\d\d? ?: [0-9a-f]{16}/;
const SAMPLES = 32;
const SAMPLE_BYTES = 32 * 1024;

/** Seconds one thread takes per byte of this file, from the share of report lines in samples spread over it. */
export function secondsPerByte(fd: number, size: number): number {
  const buf = Buffer.allocUnsafe(SAMPLE_BYTES);
  let bytes = 0;
  let reportLines = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const read = readSync(fd, buf, 0, SAMPLE_BYTES, Math.floor((size * i) / SAMPLES));
    const lines = buf.toString('latin1', 0, read).split('\n');
    // The first and last pieces are cut lines.
    for (const line of lines.slice(1, -1)) if (REPORT_LINE.test(line)) reportLines++;
    bytes += read;
  }
  return bytes === 0 ? COSTS.secondsPerByte : COSTS.secondsPerByte + (reportLines / bytes) * COSTS.secondsPerReportLine;
}

/**
 * Where parts 2…n should start so that every thread finishes at the same time (the first thread reads from the
 * start at once; each other one starts late and counts the lines before its part first), or [] when the split
 * would gain less than `minGainSeconds`.
 */
export function balancedStarts(size: number, threads: number, perByte: number): number[] {
  const c = perByte * COSTS.contention;
  // The start of each part when all finish at time t; the parts cover the file when the last one ends at `size`.
  const startsFor = (t: number): number[] => {
    const starts = [t / c];
    while (starts.length < threads - 1) {
      const s = starts[starts.length - 1]!;
      starts.push(s + (t - COSTS.workerStartSeconds - s * COSTS.countSecondsPerByte) / c);
    }
    return starts;
  };
  const lastEnd = (t: number): number => {
    const s = startsFor(t).at(-1)!;
    return s + (t - COSTS.workerStartSeconds - s * COSTS.countSecondsPerByte) / c;
  };
  let [lo, hi] = [0, size * c];
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (lastEnd(mid) < size) lo = mid;
    else hi = mid;
  }
  const starts = startsFor(hi);
  const gain = size * perByte - hi;
  if (gain < COSTS.minGainSeconds || starts.some((s, i) => !(s > (starts[i - 1] ?? 0) && s < size))) return [];
  return starts.map(Math.floor);
}
