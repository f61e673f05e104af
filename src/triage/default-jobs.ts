import type { InputTask } from './input-task.js';

/**
 * Input bytes each thread should have before `triage` adds it. A worker costs a fixed 0.1 s of start-up and about
 * 0.6 s of V8's optimizing compiler on its own isolate; on the 2-core bench machine two threads were slower than
 * one on up to 300 MiB of 1 MiB logs, level at 400 MiB and 1.13× faster at 500 MiB (bench/RESULTS.md, README).
 */
export const BYTES_PER_THREAD = 256 * 1024 * 1024;
/** A compressed input counts at this multiple of its size: the corpus logs compress 4.7× with gzip, 9.5× with xz. */
export const COMPRESSED_WEIGHT = 5;
const COMPRESSED_NAME = /\.(?:gz|tgz|xz|txz|zst|tzst|bz2|tbz2?|zip)$/i;

/** The thread count when `--jobs` is not given: one per `BYTES_PER_THREAD` of input, at least 1, at most `cores`. */
export function defaultJobs(tasks: readonly Pick<InputTask, 'path' | 'sizeBytes'>[], cores: number): number {
  const work = tasks.reduce((sum, t) => sum + t.sizeBytes * (COMPRESSED_NAME.test(t.path) ? COMPRESSED_WEIGHT : 1), 0);
  return Math.max(1, Math.min(cores, Math.floor(work / BYTES_PER_THREAD)));
}
