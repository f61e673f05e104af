import { BYTES_PER_THREAD, COMPRESSED_WEIGHT, defaultJobs } from '../../src/triage/default-jobs.js';

const file = (path: string, sizeBytes: number) => ({ path, sizeBytes });

test('one thread per BYTES_PER_THREAD of input, at least one, at most the cores', () => {
  expect(defaultJobs([], 8)).toBe(1);
  expect(defaultJobs([file('a.log', BYTES_PER_THREAD - 1)], 8)).toBe(1);
  expect(defaultJobs([file('a.log', BYTES_PER_THREAD), file('b.log', BYTES_PER_THREAD)], 8)).toBe(2);
  expect(defaultJobs(Array.from({ length: 500 }, (_, i) => file(`${i}.log`, 1024 * 1024)), 2)).toBe(1);
  expect(defaultJobs([file('big.log', 100 * BYTES_PER_THREAD)], 4)).toBe(4);
});

test('compressed inputs count at COMPRESSED_WEIGHT times their size, by name', () => {
  const size = Math.ceil((2 * BYTES_PER_THREAD) / COMPRESSED_WEIGHT);
  for (const name of ['a.log.gz', 'a.tgz', 'a.log.xz', 'a.log.zst', 'a.log.bz2', 'logs.zip', 'A.LOG.GZ']) {
    expect(defaultJobs([file(name, size)], 8)).toBe(2);
  }
  expect(defaultJobs([file('a.log', size)], 8)).toBe(1);
  expect(defaultJobs([file('a.gz.log', size)], 8)).toBe(1);
});
