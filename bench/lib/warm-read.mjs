#!/usr/bin/env node
/**
 * Analyses FILE three times in one process (one thread, through the library) and prints the seconds of each read:
 * the first pays V8's JIT warm-up (code runs interpreted until it is hot, then is compiled), the later ones run
 * compiled code. Start-up is not in any of them.
 *
 *   node bench/lib/warm-read.mjs FILE   →   "<first> <second> <third>"
 */
import { analyzeFile } from '../../dist/api.js';

const READS = 3;
const seconds = [];
for (let i = 0; i < READS; i++) {
  const started = process.hrtime.bigint();
  await analyzeFile(process.argv[2] ?? '-', { threads: 1 });
  seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
}
process.stdout.write(`${seconds.map((s) => s.toFixed(4)).join(' ')}\n`);
