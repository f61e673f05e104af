import { readSync } from 'node:fs';

/**
 * What reading a log costs, per byte and per report line, and what a second thread costs before it starts: fitted to
 * `npm run bench` on a 2-core machine (quiet and storm 1 GiB logs read by one thread, bench/RESULTS.md). Only the
 * ratios matter much: they decide whether a split pays and where the parts end so that all finish together.
 */
export const COSTS = {
  /** Every byte: reading, the SIMD scan, counting lines. */
  secondsPerByte: 0.74e-9,
  /** A line inside a report, split, decoded and parsed (counted by REPORT_LINE below). */
  secondsPerReportLine: 0.9e-6,
  /**
   * A worker thread's start: its isolate, the modules it loads and its JIT warm-up, while the first thread warms up
   * too. Fitted to the storm 100 MiB log, which two parts read no faster than one (0.78 s against 0.74 s).
   */
  workerStartSeconds: 0.3,
  /** Counting the line breaks before a part (count-lines.ts). */
  countSecondsPerByte: 0.35e-9,
  /**
   * How much slower each of two threads on two cores is than one alone. The byte-level work (copy and SIMD scan) is
   * bound by memory bandwidth and gained nothing from a second thread (quiet 1 GiB: 1.31–1.46 s alone, 1.22–1.36 s
   * in two parts); parsing report lines nearly doubled (storm 1 GiB: 4.6–4.8 s alone, 2.9–3.1 s in two parts).
   */
  byteContention: 2.0,
  lineContention: 1.05,
  /**
   * A split must save at least this much by the model, or it is not worth a second isolate's ~35 MiB: the model
   * promised 0.06 s on the storm 100 MiB log, which two parts read in 0.78 s against 0.74 s for one.
   */
  minGainSeconds: 0.15,
};

/** Most of a report's lines: a frame or pc/lr (`func+0x../0x..`) or a row of an arm64 register dump. */
const REPORT_LINE = /\+0x[0-9a-f]+\/0x|\bx\d\d? ?: [0-9a-f]{16}/;
const SAMPLES = 32;
const SAMPLE_BYTES = 32 * 1024;

/** Seconds per byte of one file: `serial` for one thread alone, `parallel` for each of two reading at once. */
export interface FileCost {
  serial: number;
  parallel: number;
  /**
   * The reports of several CPUs or tasks interleave line by line (printk caller ids): at a cut-here line others are
   * still open, so no later part can be taken in (LogAnalyzer.settledAt), and a second thread only costs.
   */
  interleaved?: true;
}

/** The printk caller id after the time, `[    1.000000] [  T123] ` or `[   C4] `: the context a report line is of. */
const CALLER_ID = /^\[ *\d+\.\d+\] \[ *([TC]\d+)\]/;
/**
 * The share of report lines, among those with a caller id, whose context is not that of the report line before them.
 * Reports printed one after the other switch once per report (a few %); 64 CPUs' storms interleaved, at nearly every
 * line: read in two parts, such a log had taken 7.3 s and 130 MiB against 4.3 s and 91 MiB in one piece.
 */
const INTERLEAVED_SWITCH_SHARE = 0.25;
const MIN_CONTEXT_PAIRS = 32;

/** The cost per byte of this file, from the share of report lines in samples spread over it. */
export function fileCost(fd: number, size: number): FileCost {
  const buf = Buffer.allocUnsafe(SAMPLE_BYTES);
  let bytes = 0;
  let reportLines = 0;
  let contextPairs = 0;
  let switches = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const read = readSync(fd, buf, 0, SAMPLE_BYTES, Math.floor((size * i) / SAMPLES));
    const lines = buf.toString('latin1', 0, read).split('\n');
    let context: string | undefined;
    // The first and last pieces are cut lines.
    for (const line of lines.slice(1, -1)) {
      if (!REPORT_LINE.test(line)) continue;
      reportLines++;
      const caller = CALLER_ID.exec(line)?.[1];
      if (caller === undefined) continue;
      if (context !== undefined) {
        contextPairs++;
        if (caller !== context) switches++;
      }
      context = caller;
    }
    bytes += read;
  }
  const perByte = COSTS.secondsPerByte;
  const perLines = bytes === 0 ? 0 : (reportLines / bytes) * COSTS.secondsPerReportLine;
  const interleaved = contextPairs >= MIN_CONTEXT_PAIRS && switches > contextPairs * INTERLEAVED_SWITCH_SHARE;
  return {
    serial: perByte + perLines,
    parallel: perByte * COSTS.byteContention + perLines * COSTS.lineContention,
    ...(interleaved && { interleaved: true }),
  };
}

/**
 * Where parts 2…n should start so that every thread finishes at the same time (the first thread reads from the
 * start at once; each other one starts late and counts the lines before its part first), or [] when the split
 * would gain less than `minGainSeconds` over one thread, or the file's reports interleave (FileCost.interleaved).
 */
export function balancedStarts(size: number, threads: number, cost: FileCost): number[] {
  if (cost.interleaved === true) return [];
  const c = cost.parallel;
  // The start of each part when all finish at time t; the parts cover the file when the last one ends at `size`.
  const next = (s: number, t: number): number => s + (t - COSTS.workerStartSeconds - s * COSTS.countSecondsPerByte) / c;
  const startsFor = (t: number): number[] => {
    const starts = [t / c];
    while (starts.length < threads - 1) starts.push(next(starts[starts.length - 1]!, t));
    return starts;
  };
  let [lo, hi] = [0, size * c];
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (next(startsFor(mid).at(-1)!, mid) < size) lo = mid;
    else hi = mid;
  }
  const starts = startsFor(hi);
  const gain = size * cost.serial - hi;
  if (gain < COSTS.minGainSeconds || starts.some((s, i) => !(s > (starts[i - 1] ?? 0) && s < size))) return [];
  return starts.map(Math.floor);
}
