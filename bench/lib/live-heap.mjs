#!/usr/bin/env node
/**
 * Analyses FILE the way `vmemwarn analyze` does and prints the live heap after a forced full GC at the end, in
 * bytes: what the analysis keeps, without V8's choice of how large to let the heap grow before collecting.
 *
 *   node --expose-gc bench/lib/live-heap.mjs FILE
 */
import { analyzeFile } from '../../dist/api.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const result = await analyzeFile(process.argv[2] ?? '-');
globalThis.gc();
process.stdout.write(`${process.memoryUsage().heapUsed} ${result.stats.splats}\n`);
