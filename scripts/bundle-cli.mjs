#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js) and its two worker entries into dist/bundle/, for bin/vmemwarn.
//
// Why: Node loads ~160 small ES modules one by one (resolve, stat, read, compile); that was 50–70 ms of a 0.2 s
// start-up, paid by every command and by every worker thread. The library (dist/index.js) stays unbundled.
// Packages stay external (each loads as before: the optional ones only when a run needs them), and every dynamic
// import() of ours becomes a chunk of its own, so what loaded lazily still does.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// The compiled modules find package.json and schema/ as '../../…' from dist/<folder>/; dist/bundle/ is at that depth,
// and the workers as './worker.js' and './part-worker.js' next to the module that starts them, hence one flat folder.
const outdir = `${root}dist/bundle`;

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    main: `${root}dist/cli/main.js`,
    worker: `${root}dist/triage/worker.js`,
    'part-worker': `${root}dist/analyze/parts/part-worker.js`,
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
