import { timedRun } from './timed-run.mjs';

/** A fixed amount of single-threaded CPU work (~0.5 s on a 2020s core). */
const BUSY_LOOP = 'let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i * 7) % 1000003; if (x < 0) console.log(x);';
/** A fixed amount of memory traffic: 2.5 GiB copied between two 64 MiB buffers (out of every cache). */
const MEMORY_COPY = 'const a = Buffer.alloc(64 << 20, 1), b = Buffer.alloc(64 << 20); for (let i = 0; i < 40; i++) a.copy(b);';

/** How much faster two processes running `code` finish than one run after the other. */
async function twoVersusOne(code) {
  const one = (await timedRun('node', ['-e', code], { node: true })).seconds;
  const started = process.hrtime.bigint();
  await Promise.all([timedRun('node', ['-e', code], { node: true }), timedRun('node', ['-e', code], { node: true })]);
  const both = Number(process.hrtime.bigint() - started) / 1e9;
  return (2 * one) / both;
}

/**
 * How much faster two CPU-bound processes finish than one run after the other, right now: 2.0 on an idle machine
 * with two free cores, near 1.0 when other work already takes the cores.
 */
export function parallelCapacity() {
  return twoVersusOne(BUSY_LOOP);
}

/** The same for memory-bound processes: what two cores get out of the memory system together. */
export function memoryCapacity() {
  return twoVersusOne(MEMORY_COPY);
}
