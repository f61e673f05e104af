import { timedRun } from './timed-run.mjs';

/** A fixed amount of single-threaded CPU work (~0.5 s on a 2020s core). */
const BUSY_LOOP = 'let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i * 7) % 1000003; if (x < 0) console.log(x);';

/**
 * How much faster two CPU-bound processes finish than one run after the other, right now: 2.0 on an idle machine
 * with two free cores, near 1.0 when other work already takes the cores. The ceiling for triage --jobs 2.
 */
export async function parallelCapacity() {
  const one = (await timedRun('node', ['-e', BUSY_LOOP], { node: true })).seconds;
  const started = process.hrtime.bigint();
  await Promise.all([timedRun('node', ['-e', BUSY_LOOP], { node: true }), timedRun('node', ['-e', BUSY_LOOP], { node: true })]);
  const both = Number(process.hrtime.bigint() - started) / 1e9;
  return (2 * one) / both;
}
