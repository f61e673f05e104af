import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../../src/errors.js';
import { SQL_JS_MISSING, loadHistory } from '../../src/triage/load-history.js';
import type { HistoryModule } from '../../src/triage/load-history.js';
import { REPO_ROOT, SAMPLES } from '../cli/_spawn-cli.js';
import { tempDir } from '../_temp-dirs.js';

const work = tempDir('load-history');

/** The error this Node gives for `import(specifier)` where no node_modules holds it, as { code, message }. */
function nodeImportError(specifier: string): Error {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `import(${JSON.stringify(specifier)}).catch((e) => console.log(JSON.stringify({ code: e.code, message: e.message })))`],
    { cwd: work, encoding: 'utf8' },
  );
  const { code, message } = JSON.parse(r.stdout) as { code: string; message: string };
  return Object.assign(new Error(message), { code });
}

test('sql.js not installed: a one-line UsageError that says how to install it', async () => {
  const missing = nodeImportError('sql.js');
  expect(missing).toMatchObject({ code: 'ERR_MODULE_NOT_FOUND' });
  const loading = loadHistory('--db', () => Promise.reject(missing));
  await expect(loading).rejects.toThrow(UsageError);
  await expect(loading).rejects.toThrow(new UsageError('--db needs the optional dependency sql.js: npm install sql.js'));
  expect(SQL_JS_MISSING).not.toContain('\n');
});

test('any other failure to load passes through as it was', async () => {
  const other = nodeImportError('sql.js-wasm');
  await expect(loadHistory('--db', () => Promise.reject(other))).rejects.toBe(other);
  const broken = new SyntaxError("Unexpected token 'sql.js'");
  await expect(loadHistory('--db', () => Promise.reject(broken))).rejects.toBe(broken);
});

test('with sql.js installed, the history loads', async () => {
  const history: HistoryModule = await loadHistory('--db');
  expect(typeof history.recordRun).toBe('function');
  expect(typeof history.checkHistory).toBe('function');
});

/**
 * Node arguments that make sql.js unfindable: a resolve hook that looks it up from a folder with no node_modules above
 * it, so that Node's own resolver fails as it does in an install without the optional dependency.
 */
function withoutSqlJs(): string[] {
  writeFileSync(
    path.join(work, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {\n  return next(specifier, specifier === 'sql.js' ? { ...context, parentURL: ${JSON.stringify(pathToFileURL(path.join(work, 'x.mjs')).href)} } : context);\n}\n`,
  );
  writeFileSync(path.join(work, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  return ['--import', path.join(work, 'register.mjs')];
}

test('triage --db without sql.js: exit 2, the message on one line, no history written', () => {
  const db = path.join(work, 'history.db');
  const run = spawnSync(
    process.execPath,
    [...withoutSqlJs(), 'bin/vmemwarn', 'triage', '-q', '-j', '1', '--db', db, `${SAMPLES}plain-boot-6.6-unrelated-warning.log`],
    { cwd: REPO_ROOT, env: { PATH: process.env.PATH }, encoding: 'utf8' },
  );
  expect(run.stderr).toBe(`vmemwarn: ${SQL_JS_MISSING} (see 'vmemwarn --help')\n`);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(existsSync(db)).toBe(false);
});

// Found by a review of the library API: runTriage({ db }) without sql.js said '--db needs …', a CLI flag the library
// caller never passed; it names the option, as other messages do (newOnly, maxDecompressedBytes in the API).
test('Found by a review: runTriage with a db and no sql.js names its option db, not the CLI flag', () => {
  const db = path.join(work, 'library-history.db');
  const script = `import { runTriage } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/index.js')).href)};
runTriage({ inputs: [${JSON.stringify(`${SAMPLES}plain-boot-6.6-unrelated-warning.log`)}], jobs: 1, db: ${JSON.stringify(db)} })
  .then(() => console.log('resolved'), (e) => console.log(e.constructor.name + ': ' + e.message));`;
  const run = spawnSync(process.execPath, [...withoutSqlJs(), '--input-type=module', '-e', script], { cwd: work, env: { PATH: process.env.PATH }, encoding: 'utf8' });
  expect(run.stdout).toBe('UsageError: runTriage: db needs the optional dependency sql.js: npm install sql.js\n');
  expect(run.stdout).not.toContain('--db');
  expect(existsSync(db)).toBe(false);
});
