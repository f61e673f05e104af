import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SAMPLES } from './_spawn-cli.js';
import { tarBuffer } from '../triage/fixture-tree.js';
import { tempDir } from '../_temp-dirs.js';

// Packages each command loads only when a run needs them: loading them all cost triage 60 ms of start-up.
// bin/vmemwarn runs the bundle (scripts/bundle-cli.mjs), where packages are bundled into lazily loaded chunks.
const OPTIONAL = ['ora', 'sql.js', 'tar-stream', 'yauzl', 'tinyglobby', 'picomatch', 'ajv', 'ajv-formats'] as const;
type Optional = (typeof OPTIONAL)[number];

const work = tempDir('lazy');
const LOG = `${SAMPLES}plain-boot-6.6-unrelated-warning.log`;
// A loader hook that names, on stderr, every package the process loads (a module of its own, or bundled into a
// loaded chunk) and every module of analyze/parts/ that a loaded chunk of the bundle holds (esbuild heads each
// bundled module with a '// dist/…' or '// node_modules/…' comment). Hooks run on a thread of their own, whose
// process.stderr writes could be lost when a short run exits first (seen under load): they write synchronously.
writeFileSync(path.join(work, 'hooks.mjs'), `import { writeSync } from 'node:fs';
const say = (line) => writeSync(2, line + '\\n');
export async function load(url, context, next) {
  const m = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(url);
  if (m) say('loaded-package ' + m[1]);
  const loaded = await next(url, context);
  if (url.includes('/dist/bundle/')) {
    const source = String(loaded.source);
    for (const part of source.matchAll(/^\\/\\/ dist\\/analyze\\/parts\\/([\\w-]+)\\.js$/gm)) {
      say('loaded-part ' + part[1]);
    }
    for (const pkg of source.matchAll(/^\\/\\/ node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//gm)) {
      say('loaded-package ' + pkg[1]);
    }
  }
  return loaded;
}\n`);
writeFileSync(path.join(work, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
// string-width builds an Intl.Segmenter when it is evaluated, whichever copy of it is bundled.
writeFileSync(
  path.join(work, 'segmenter.mjs'),
  `const Real = Intl.Segmenter;\nIntl.Segmenter = class extends Real { constructor(...a) { super(...a); process.stderr.write('segmenter-built\\n'); } };\n`,
);

function loadedLines(args: readonly string[], prefix: string): Set<string> {
  const run = spawnSync(process.execPath, ['--import', path.join(work, 'register.mjs'), 'bin/vmemwarn', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, CI: '1' },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return new Set(run.stderr.split('\n').flatMap((l) => (l.startsWith(prefix) ? [l.slice(prefix.length)] : [])));
}

function optionalPackagesLoaded(args: readonly string[]): Set<Optional> {
  const loaded = loadedLines(args, 'loaded-package ');
  expect(loaded.has('yargs')).toBe(true);
  return new Set(OPTIONAL.filter((p) => loaded.has(p)));
}

test('analyze and a triage of one plain log load none of the optional packages', () => {
  expect(optionalPackagesLoaded(['analyze', '--format', 'json', LOG])).toEqual(new Set());
  expect(optionalPackagesLoaded(['triage', '-q', '-j', '1', LOG])).toEqual(new Set());
});

test('each optional package is loaded by the run that needs it', async () => {
  const tar = path.join(work, 'logs.tar');
  writeFileSync(tar, await tarBuffer([{ name: 'boot.log', data: readFileSync(LOG) }]));
  expect(optionalPackagesLoaded(['triage', '-q', '-j', '1', tar])).toEqual(new Set(['tar-stream']));
  expect(optionalPackagesLoaded(['triage', '-q', '-j', '1', '--db', path.join(work, 'history.db'), LOG])).toEqual(new Set(['sql.js']));
  expect(optionalPackagesLoaded(['triage', '-q', '-j', '1', `${SAMPLES}plain-boot-*.log`])).toEqual(new Set(['tinyglobby', 'picomatch']));
});

test('the modules that read a file in parts load only for a run that may split (src/analyze/parts/)', () => {
  expect(loadedLines(['analyze', '--format', 'json', '--threads', '1', LOG], 'loaded-part ')).toEqual(new Set());
  expect(loadedLines(['triage', '-q', '-j', '1', LOG], 'loaded-part ')).toEqual(new Set());
  // A small log is planned and not split: the planner and its model load, the runner does not.
  expect(loadedLines(['analyze', '--format', 'json', '--threads', '2', LOG], 'loaded-part ')).toEqual(
    new Set(['plan-parts', 'cost-model', 'split-points']),
  );
});

test('string-width is evaluated only when yargs prints help, not on every start (scripts/bundle-cli.mjs)', () => {
  const segmenters = (args: readonly string[]) =>
    spawnSync(process.execPath, ['--import', path.join(work, 'segmenter.mjs'), 'bin/vmemwarn', ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, CI: '1' },
      encoding: 'utf8',
    }).stderr.split('\n').filter((l) => l === 'segmenter-built').length;
  expect(segmenters(['analyze', '--format', 'json', LOG])).toBe(0);
  // The text report's tables measure printable ASCII themselves.
  expect(segmenters(['analyze', LOG])).toBe(0);
  expect(segmenters(['--help'])).toBeGreaterThan(0);
});
