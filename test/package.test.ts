/**
 * The package as another project installs it (found by a review installing `npm pack`'s tarball): what package.json
 * exports, and what the declarations need.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};

/** Runs a CommonJS snippet inside the package, where `require('vmemwarn')` resolves to the package itself. */
function runCommonJs(code: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--input-type=commonjs', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a clean checkout packs its build: dist/ is git-ignored, so `npm pack` must build first', () => {
  expect(pkg.scripts.prepack).toBe('npm run build');
  expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'bin', 'schema', 'LICENSE']));
  // dist/ is packed by directory: a module an earlier build wrote and this one does not would be packed too.
  expect(pkg.scripts.build?.startsWith('node scripts/clean-dist.mjs && ')).toBe(true);
});

test('require() loads the library (Node 20.19+ loads ES modules from CommonJS)', () => {
  const r = runCommonJs("const v = require('vmemwarn'); console.log(typeof v.analyzeText, typeof v.runTriage);");
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('function function');
});

test('the JSON schemas the README points to can be imported, and so can package.json', () => {
  const r = runCommonJs(
    "console.log(['report', 'summary', 'layout', 'explain'].map((s) => typeof require(`vmemwarn/schema/${s}.schema.json`).$id).join(' '), require('vmemwarn/package.json').name);",
  );
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('string string string string vmemwarn');
});

test("the declarations bring Node's types with them (they name Buffer and NodeJS.ReadableStream)", () => {
  const dts = readFileSync(path.join(ROOT, 'dist', 'index.d.ts'), 'utf8');
  expect(dts).toContain('/// <reference types="node" preserve="true" />');
});

test("the README's library example runs as written, on a sample", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const example = /## Library\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  const code = `${example!.replace("'dmesg.txt.gz'", JSON.stringify(path.join(ROOT, 'samples/logs/e3-48-4k-amdgpu-populate-storm.log')))}\nconsole.log(JSON.parse(json).inputs.length);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  // The sample holds 40 vmemmap_populate WARNINGs, one cluster.
  expect(r.stdout).toMatch(/^[0-9a-f]{12} 40 WARNING in vmemmap_populate$/m);
  expect(r.stdout.trim().split('\n').at(-1)).toBe('1');
});

/** The files `npm pack` puts in the tarball (of the dist/ that jest's global setup built), by path. */
function packedFiles(): Set<string> {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status).toBe(0);
  const [pack] = JSON.parse(r.stdout) as [{ files: { path: string }[] }];
  return new Set(pack.files.map((f) => f.path));
}

/**
 * What a module loads: static and dynamic imports, a worker's `new URL('./worker.js', import.meta.url)`, and the
 * bundle's `require.resolve('pkg/…')` (yargs' shim looks its own package up when the CLI starts).
 */
function specifiersOf(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const forms = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /new URL\(\s*['"](\.[^'"]+\.js)['"]\s*,\s*import\.meta\.url\s*\)/g,
    /\.resolve\(\s*['"]([^'"./][^'"]*)['"]\s*\)/g,
  ];
  return forms.flatMap((form) => [...source.matchAll(form)].map((m) => m[1] ?? ''));
}

const packageOf = (specifier: string): string => /^(?:@[^/]+\/)?[^/]+/.exec(specifier)?.[0] ?? specifier;

test('the tarball holds neither src/ nor source maps, and of dist/cli/ only fail-on, which the library imports', () => {
  const files = [...packedFiles()];
  expect(files.filter((f) => f.startsWith('src/') || f.endsWith('.map'))).toEqual([]);
  expect(files.filter((f) => f.startsWith('dist/cli/')).sort()).toEqual(['dist/cli/fail-on.d.ts', 'dist/cli/fail-on.js']);
  expect(files).toEqual(expect.arrayContaining(['bin/vmemwarn', 'dist/index.js', 'dist/index.d.ts', 'dist/bundle/main.js']));
});

test('every module in the tarball is reached from bin/vmemwarn or the library, and all it loads is installed with it', () => {
  const files = packedFiles();
  const installed = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies)]);
  const reached = new Set<string>();
  const missing: string[] = [];
  const notInstalled: string[] = [];
  const todo = ['bin/vmemwarn', 'dist/index.js'];
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    for (const specifier of specifiersOf(file)) {
      if (specifier.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        if (files.has(target)) todo.push(target);
        else missing.push(`${file} → ${specifier}`);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        if (!installed.has(packageOf(specifier))) notInstalled.push(`${file} → ${specifier}`);
      }
    }
  }
  expect(missing).toEqual([]);
  expect(notInstalled).toEqual([]);
  // A module of types alone compiles to its comments and `export {};`: its .d.ts is what the tarball needs it for.
  const typesOnly = (f: string): boolean => readFileSync(path.join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, '').trim() === 'export {};';
  const unreached = [...files].filter((f) => f.endsWith('.js') && !reached.has(f) && !typesOnly(f));
  expect(unreached).toEqual([]);
  // Both ways in start the same two workers, each from its own copy.
  expect([...reached].filter((f) => /(^|\/)(part-)?worker\.js$/.test(f)).sort()).toEqual([
    'dist/analyze/parts/part-worker.js',
    'dist/bundle/part-worker.js',
    'dist/bundle/worker.js',
    'dist/triage/worker.js',
  ]);
});
