/**
 * The package as another project installs it (found by a review installing `npm pack`'s tarball): what package.json
 * exports, and what the declarations need.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  files: string[];
};

/** Runs a CommonJS snippet inside the package, where `require('vmemwarn')` resolves to the package itself. */
function runCommonJs(code: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--input-type=commonjs', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a clean checkout packs its build: dist/ is git-ignored, so `npm pack` must build first', () => {
  expect(pkg.scripts.prepack).toBe('npm run build');
  expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'bin', 'schema', 'LICENSE']));
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
