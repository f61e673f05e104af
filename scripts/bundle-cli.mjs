#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js) and its two worker entries into dist/bundle/, for bin/vmemwarn.
//
// Why: Node loads ~160 small ES modules one by one (resolve, stat, read, compile); that was 50–70 ms of a 0.2 s
// start-up, paid by every command and by every worker thread. The library (dist/index.js) stays unbundled.
// Packages are bundled too: yargs alone is some 40 files, and Node's ES module loader took another 25–30 ms of
// every start resolving and linking them (0.15 s → 0.12 s for `analyze` of a one-line log). Every dynamic import(),
// ours or a package's, becomes a chunk of its own, so what loaded lazily still does. sql.js stays external: it
// finds its .wasm file next to its own module; yargs' shim is pointed at its installed path (yargsShimPath).
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// The compiled modules find package.json and schema/ as '../../…' from dist/<folder>/; dist/bundle/ is at that depth,
// and the workers as './worker.js' and './part-worker.js' next to the module that starts them, hence one flat folder.
const outdir = `${root}dist/bundle`;

/**
 * string-width compiles a `\p{RGI_Emoji}` regex and an Intl.Segmenter when it loads: 20 ms of every start, for text
 * that yargs, cliui and wrap-ansi measure only when yargs prints help or a usage error, and the text report only for
 * text that is not printable ASCII (report/text-columns.ts). Imported from those, it becomes a function that loads the
 * real module on its first call (esbuild evaluates a module reached by require() lazily).
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.namespace === 'file' &&
      /[\\/]node_modules[\\/](yargs|cliui|wrap-ansi)[\\/]|[\\/]report[\\/]text-columns\.js$/.test(args.importer)
        ? { path: args.importer, namespace: 'lazy-string-width' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      resolveDir: path.dirname(args.path),
      contents: "export default function stringWidth(text, options) { return require('string-width').default(text, options); }",
    }));
  },
};

/**
 * yargs' ESM shim takes its own file's path from import.meta.url, to find its locale files (`../../../locales`) and the
 * package.json whose `yargs` key configures the parser (the path up to `node_modules`). Bundled, that would be the
 * bundle's path: messages would lose their translations, and a `yargs` key in the package.json of whatever
 * directory the user runs in would be read. The shim is given the path it has in node_modules instead.
 */
const yargsShimPath = {
  name: 'yargs-shim-path',
  setup(b) {
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const own = 'const __dirname = fileURLToPath(import.meta.url);';
      if (!source.includes(own)) throw new Error(`yargs-shim-path: ${args.path} no longer holds "${own}"`);
      const installed =
        "const __dirname = __vmemwarnCreateRequire(import.meta.url).resolve('yargs/package.json').replace(/package\\.json$/, 'lib/platform-shims/esm.mjs');";
      return { contents: source.replace(own, installed), loader: 'js' };
    });
  },
};

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
  external: ['sql.js'],
  // Bundled CommonJS packages (split2, tar-stream, yauzl…) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __vmemwarnCreateRequire } from 'node:module'; const require = __vmemwarnCreateRequire(import.meta.url);" },
  plugins: [lazyStringWidth, yargsShimPath],
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
