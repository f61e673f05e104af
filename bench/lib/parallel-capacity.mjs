import { timedRun } from './timed-run.mjs';
import { median } from './median.mjs';

/** A fixed amount of single-threaded CPU work (~0.5 s on a 2020s core). */
const BUSY_LOOP = 'let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i * 7) % 1000003; if (x < 0) console.log(x);';
/** A fixed amount of memory traffic: 2.5 GiB copied between two 64 MiB buffers (out of every cache). */
const MEMORY_COPY = 'const a = Buffer.alloc(64 << 20, 1), b = Buffer.alloc(64 << 20); for (let i = 0; i < 40; i++) a.copy(b);';

/**
 * A log parser's kind of work in plain JavaScript, with nothing of vmemwarn in it: 100 000 log-like lines split
 * into strings, one regex and a match object each, 40 times over (~1 s, mostly in the young generation).
 */
const JS_LINE_LOOP = [
  "let text = ''; for (let i = 0; i < 1e5; i++) text += `[ ${i}.000000] x${i % 30}: ffff8000${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')} driver text\\n`;",
  'const re = /x(\\d+): ([0-9a-f]{16})/; let n = 0;',
  'for (let r = 0; r < 40; r++) for (const line of text.split("\\n")) { const m = re.exec(line); if (m) n += m[2].length; }',
  'if (n < 0) console.log(n);',
].join(' ');

/** How much faster two processes running `code` finish than one run after the other: medians of 3 timings each. */
async function twoVersusOne(code) {
  const one = [];
  const both = [];
  for (let i = 0; i < 3; i++) {
    one.push((await timedRun('node', ['-e', code], { node: true })).seconds);
    const started = process.hrtime.bigint();
    await Promise.all([timedRun('node', ['-e', code], { node: true }), timedRun('node', ['-e', code], { node: true })]);
    both.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return (2 * median(one)) / median(both);
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

/** The same for a JavaScript line-parsing loop: what two cores give a Node log parser that has no fixed costs. */
export function jsLineLoopCapacity() {
  return twoVersusOne(JS_LINE_LOOP);
}
