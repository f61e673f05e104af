#!/usr/bin/env node
/**
 * Triages DIR in-process (`--jobs 1`) and prints the live heap after a forced full GC at the end, in bytes, and the
 * number of inputs: what triage keeps, whatever V8 lets the heap grow to before it collects. `SHARD` (`i/n`) takes
 * part of the inputs, as `--shard` does.
 *
 *   node --expose-gc bench/lib/triage-live-heap.mjs DIR [SHARD]
 */
import { runTriage } from '../../dist/triage/run-triage.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const [dir, shard] = process.argv.slice(2);
const [index, count] = (shard ?? '1/1').split('/').map(Number);
const outcome = await runTriage({ inputs: [dir ?? '.'], jobs: 1, shard: { index, count } });
globalThis.gc();
process.stdout.write(`${process.memoryUsage().heapUsed} ${outcome.summary.totals.inputs}\n`);
