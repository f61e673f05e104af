import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Summary } from '../../src/triage/summary-types.js';
import { runInProcess } from './_run-cli.js';
import { makeSampleTree, TREE_LOGS } from './_sample-tree.js';
import { REPO_ROOT, SAMPLES, spawnCli } from './_spawn-cli.js';

// Counts read from the samples (see test/golden): amdgpu 40 populate WARNINGs; test-hmm 24 populate + 24 free;
// plain-boot one clk_core_disable WARNING.
const POPULATE = 'WARNING in vmemmap_populate';
const FREE = 'WARNING in vmemmap_free';
const CLK = 'WARNING in clk_core_disable';

async function triageJson(args: string[]): Promise<Summary> {
  const run = await runInProcess(['triage', ...args, '-j', '1', '--format', 'json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Summary;
}

const titles = (s: Summary): string[] => s.clusters.map((c) => c.title);

let tree: string;
beforeEach(() => {
  tree = makeSampleTree();
});
afterEach(() => rmSync(tree, { recursive: true, force: true }));

test('a directory tree: every log, clusters merged across logs', async () => {
  const s = await triageJson([tree]);
  expect(s.totals).toMatchObject({ inputs: 3, logs: 3, logsWithSplats: 3, splats: 40 + 24 + 24 + 1, errors: 0 });
  expect(s.clusters.map((c) => [c.title, c.count, c.logs])).toEqual([
    [POPULATE, 64, 2],
    [FREE, 24, 1],
    [CLK, 1, 1],
  ]);
});

test.each([
  ['text', POPULATE],
  ['markdown', '| WARNING in vmemmap\\_populate |'],
  ['junit', '<testsuites'],
])('--format %s', async (format, needle) => {
  const run = await runInProcess(['triage', tree, '-j', '1', '--format', format]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(needle);
});

test('--format junit --fail-on vmemmap: a failing test case per log with a vmemmap cluster, exit 1', async () => {
  const run = await runInProcess(['triage', tree, '-j', '1', '--format', 'junit', '--fail-on', 'vmemmap']);
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/<testsuites[^>]* tests="3" failures="2"/);
  expect(run.stdout).toMatch(/name="[^"]*plain\.log\.gz"><\/testcase>/);
});

test.each([
  ['vmemmap', 1],
  ['bug', 0],
  ['warning', 1],
])('--fail-on %s → exit %i', async (kind, code) => {
  expect((await runInProcess(['triage', tree, '-j', '1', '--fail-on', kind, '-q'])).code).toBe(code);
});

test('--out writes a JSON and a Markdown report per log, named after it', async () => {
  const out = path.join(tree, 'reports');
  const s = await triageJson([path.join(tree, 'a'), path.join(tree, 'c'), '--out', out]);
  expect(s.logs).toHaveLength(2);
  for (const log of s.logs) {
    expect(log.reports).toBeDefined();
    expect(readFileSync(path.join(out, log.reports!.json), 'utf8')).toContain(POPULATE);
    expect(readFileSync(path.join(out, log.reports!.markdown), 'utf8')).toContain(POPULATE);
    expect(log.reports!.json).toContain(path.basename(log.name, '.log'));
  }
});

test('--ignore marks matching clusters known, by title pattern and by id', async () => {
  const first = await triageJson([tree]);
  const freeId = first.clusters.find((c) => c.title === FREE)!.id;
  const ignore = path.join(tree, 'known.txt');
  writeFileSync(ignore, `# known issues\nWARNING in clk_*\n${freeId}\n`);
  const s = await triageJson([tree, '--ignore', ignore]);
  expect(s.clusters.map((c) => [c.title, c.known])).toEqual([
    [POPULATE, false],
    [FREE, true],
    [CLK, true],
  ]);
});

// Found by a review: `--ignore -` had read nothing, the `-` taken for the list of paths on stdin (`--ignore=-` worked).
test('--ignore - reads the known signatures from stdin', () => {
  const run = spawnCli(['triage', tree, '-j', '1', '--format', 'json', '--ignore', '-'], { input: 'WARNING in clk_*\n' });
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as Summary).clusters.map((c) => [c.title, c.known])).toEqual([
    [POPULATE, false],
    [FREE, false],
    [CLK, true],
  ]);
});

// `--db -` had made a history file named `-` in the working directory; `--out -` would have made a directory so named.
test.each([
  [['--db', '-'], '--db -: the history is a file'],
  [['--db=-'], '--db -: the history is a file'],
  [['--out', '-'], '--out -: per-log reports go to a directory'],
  [['-', '--ignore', '-'], '--ignore - cannot read stdin: the list of paths (-) reads it'],
  [['--ignore', '-', '--config', '-'], '--config - cannot read stdin: --ignore - reads it'],
])('triage %j: a usage error (exit 2), nothing written', async (args, message) => {
  const cwd = process.cwd();
  process.chdir(tree);
  try {
    const run = await runInProcess(['triage', tree, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(path.join(tree, '-'))).toBe(false);
  } finally {
    process.chdir(cwd);
  }
});

test('--db keeps history; --new-only shows only clusters new since the previous run', async () => {
  const db = path.join(tree, 'history.sqlite');
  const run1 = await triageJson([path.join(tree, 'a'), '--db', db]);
  expect(run1.run?.sequence).toBe(1);
  expect(run1.clusters.every((c) => c.history?.isNew)).toBe(true);
  const run2 = await triageJson([tree, '--db', db, '--new-only']);
  expect(run2.run).toEqual({ sequence: 2, previous: 1 });
  expect(titles(run2).sort()).toEqual([CLK, FREE].sort());
  // Regression: each log still listed the ids of the clusters --new-only had dropped.
  const ids = new Set(run2.clusters.map((c) => c.id));
  const listed = run2.logs.flatMap((l) => l.clusters.map((c) => c.id));
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.filter((id) => !ids.has(id))).toEqual([]);
});

test('--new-only without --db is a usage error', async () => {
  expect((await runInProcess(['triage', tree, '--new-only'])).code).toBe(2);
});

test('--shard splits the inputs into disjoint parts that cover them all', async () => {
  const parts = [await triageJson([tree, '--shard', '1/2']), await triageJson([tree, '--shard', '2/2'])];
  const names = parts.flatMap((p) => p.logs.map((l) => l.name)).sort();
  expect(names).toEqual((await triageJson([tree])).logs.map((l) => l.name).sort());
});

test.each(['0/2', '3/2', 'x'])('--shard %s is a usage error', async (shard) => {
  expect((await runInProcess(['triage', tree, '--shard', shard])).code).toBe(2);
});

test.each(['0', '1.5'])('--jobs %s is a usage error', async (jobs) => {
  expect((await runInProcess(['triage', tree, '--jobs', jobs])).code).toBe(2);
});

test('--file-times dates clusters of logs without wall time by the file modification time', async () => {
  const mtime = new Date('2024-03-01T12:00:00Z');
  utimesSync(path.join(tree, TREE_LOGS.amdgpu), mtime, mtime);
  expect((await triageJson([path.join(tree, 'a')])).clusters[0]?.firstSeen).toBeUndefined();
  const dated = await triageJson([path.join(tree, 'a'), '--file-times']);
  expect(dated.clusters[0]?.firstSeen?.slice(0, 10)).toBe('2024-03-01');
});

test('--timestamps puts the run\'s time in the summary; without it there is none', async () => {
  expect((await triageJson([path.join(tree, 'a')])).generatedAt).toBeUndefined();
  const before = new Date().toISOString();
  const stamped = (await triageJson([path.join(tree, 'a'), '--timestamps'])).generatedAt;
  expect(stamped! >= before && stamped! <= new Date().toISOString()).toBe(true);
});

// Found by a review of the CLI: the time was in the JSON summary alone, the text, Markdown and JUnit ones unchanged.
test.each([
  ['text', /^generated at (\S+)$/m],
  ['markdown', /^Generated at `(\S+)`\.$/m],
  ['junit', /<testsuite [^>]* timestamp="([^"]+)">/],
])('--timestamps shows the time in a %s summary too', async (format, shown) => {
  const run = await runInProcess(['triage', path.join(tree, 'a'), '-j', '1', '--timestamps', '--format', format]);
  expect(run.code).toBe(0);
  const at = shown.exec(run.stdout)?.[1];
  expect(Number.isNaN(Date.parse(at ?? ''))).toBe(false);
  expect((await runInProcess(['triage', path.join(tree, 'a'), '-j', '1', '--format', format])).stdout).not.toMatch(shown);
});

test('--follow-symlinks follows a symlink met inside a directory', async () => {
  const dir = path.join(tree, 'links');
  mkdirSync(dir);
  symlinkSync(path.join(tree, TREE_LOGS.testHmm), path.join(dir, 'linked.log'));
  expect((await triageJson([dir])).totals.logs).toBe(0);
  expect((await triageJson([dir, '--follow-symlinks'])).totals.logs).toBe(1);
});

test('--max-decompressed: a gzip log over the limit is an input error (exit 3), the rest is still summarized', async () => {
  const run = await runInProcess(['triage', tree, '-j', '1', '--format', 'json', '--max-decompressed', '1KiB', '-q']);
  expect(run.code).toBe(3);
  const s = JSON.parse(run.stdout) as Summary;
  expect(s.issues.map((i) => [path.relative(tree, i.input), i.severity])).toContainEqual([TREE_LOGS.plainGz, 'error']);
  expect(titles(s)).toContain(POPULATE);
  expect(run.stderr).toContain('plain.log.gz');
});

test('layout flags reach the analysis: --era E4 reads the same struct pages as other PFNs', async () => {
  // The registers give pages 0xfffffffff9000000-0xfffffffffe000000. E4 48-bit/4K: VMEMMAP_END = -1 GiB =
  // 0xffffffffc0000000, VMEMMAP_START = END - 2^41 = 0xfffffdffc0000000, base = START - (0x80000000 >> 12) * 64 =
  // 0xfffffdffbe000000; pfn = (page - base) / 64 = 0x800ec0000 .. 0x801000000.
  const s = await triageJson([path.join(tree, 'a'), '--era', 'E4']);
  expect(s.clusters[0]?.vmemmap[0]?.pfnHull).toEqual({ start: '0x800ec0000', end: '0x801000000' });
});

test('-o writes the summary to a file', async () => {
  const out = path.join(tree, 'summary.json');
  const run = await runInProcess(['triage', tree, '-j', '1', '--format', 'json', '-o', out]);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('');
  expect(existsSync(out)).toBe(true);
});

test('a single file is an input too', async () => {
  const s = await triageJson([`${SAMPLES}plain-boot-6.6-unrelated-warning.log`]);
  expect(titles(s)).toEqual([CLK]);
});

// A nightly `triage logs/ -o logs/summary.json --out logs/reports` had read the last night's summary and reports
// as logs: their text quotes the splats.
test('a rerun does not read its own summary and per-log reports inside the walked folder', async () => {
  const summary = path.join(tree, 'summary.json');
  const reports = path.join(tree, 'reports');
  const args = ['triage', tree, '-j', '1', '--format', 'json', '-o', summary, '--out', reports];
  expect((await runInProcess(args)).code).toBe(0);
  const first = JSON.parse(readFileSync(summary, 'utf8')) as Summary;
  expect((await runInProcess(args)).code).toBe(0);
  const second = JSON.parse(readFileSync(summary, 'utf8')) as Summary;
  expect(second.clusters).toEqual(first.clusters);
  expect(second.totals).toMatchObject({ logs: first.totals.logs, splats: first.totals.splats });
  expect(second.issues.map((i) => [path.relative(tree, i.input), i.severity, i.reason])).toEqual([
    ['reports', 'skipped', 'written by this run (the per-log reports), not read as a log'],
    ['summary.json', 'skipped', 'written by this run (the summary), not read as a log'],
  ]);
});

// Found by a review of the CLI: a log in a folder read through a quoted glob or a path list on stdin, named as -o, was
// replaced by the summary (exit 0), and one named as --db was "not a SQLite database" (exit 3); only a directory named
// on the line had been checked. Each is now a usage error before any log is read, the log left as it was.
describe('-o or --db naming a log in a folder the run reads', () => {
  const log = (): string => path.join(tree, TREE_LOGS.amdgpu);
  test.each([
    ['a quoted glob', (): string[] => [path.join(tree, 'a', '*.log')], undefined],
    ['a path list on stdin', (): string[] => ['-'], (): string => `${path.join(tree, 'a')}\n`],
    ['a directory', (): string[] => [path.join(tree, 'a')], undefined],
  ])('read through %s: exit 2, the log kept', (_, inputs, list) => {
    const before = readFileSync(log(), 'utf8');
    for (const flag of ['-o', '--db']) {
      const run = spawnCli(['triage', ...inputs(), flag, log(), '-j', '1'], list === undefined ? {} : { input: list() });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${log()}, where this run writes the ${flag === '-o' ? 'summary' : 'history'}, is in `);
      expect(run.stdout).toBe('');
      expect(readFileSync(log(), 'utf8')).toBe(before);
    }
  });
});

// Found by a review of the CLI: -o was checked against the logs and --config only. `--db h.sqlite -o h.sqlite` replaced
// the history with the summary and `--ignore known.txt -o known.txt` the ignore list (exit 0); `--out d -o d` read
// every log, then failed on EISDIR (exit 3), the summary lost. Each is a usage error before any log is read.
describe('-o, --db and --out against each other and the files the run reads', () => {
  test('--db FILE -o FILE: exit 2, the history kept', () => {
    const db = path.join(tree, 'h.sqlite');
    expect(spawnCli(['triage', path.join(tree, 'a'), '--db', db, '-j', '1', '-q']).code).toBe(0);
    const history = readFileSync(db);
    const run = spawnCli(['triage', path.join(tree, 'a'), '--db', db, '-o', db, '-j', '1']);
    expect(run.code).toBe(2);
    expect(readFileSync(db)).toEqual(history);
  });

  test.each([['-o'], ['--db']])('--ignore FILE %s FILE: exit 2, the ignore list kept', (flag) => {
    const file = path.join(tree, 'known.txt');
    const text = 'WARNING in clk_*\n';
    writeFileSync(file, text);
    const run = spawnCli(['triage', path.join(tree, 'a'), '--ignore', file, flag, file, '-j', '1']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('--ignore - -o FILE with stdin redirected from FILE: exit 2, the file kept', () => {
    const file = path.join(tree, 'known.txt');
    writeFileSync(file, 'WARNING in clk_*\n');
    const command = `node bin/vmemwarn triage ${JSON.stringify(path.join(tree, 'a'))} --ignore - -o ${JSON.stringify(file)} < ${JSON.stringify(file)}`;
    const run = spawnSync('bash', ['-c', command], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('WARNING in clk_*\n');
  });

  test.each([
    [['--out', 'od', '-o', 'od'], ['--out', '--output']],
    [['--out', 'od', '--db', 'od'], ['--out', '--db']],
    [['--db', 'h.sqlite', '-o', 'h.sqlite'], ['--db', '--output']],
  ])('%j, none of them there yet: exit 2 naming both, nothing written', (flags, named) => {
    const at = flags.map((f) => (f.startsWith('-') ? f : path.join(tree, f)));
    const run = spawnCli(['triage', path.join(tree, 'a'), ...at, '-j', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('writes there too');
    for (const flag of named) expect(run.stderr).toContain(`${flag} `);
    expect(existsSync(at[1]!)).toBe(false);
  });
});

// Found by a review: `triage -- PATH` was refused ("Not enough non-option arguments: got 0, need at least 1"): yargs
// counts no word after `--` for a required positional, so a log whose name starts with `-` could not be named alone.
test('Found by a review: paths after -- are read, also the only one, also one that starts with -', async () => {
  const dashed = path.join(tree, '-dashed.log');
  writeFileSync(dashed, readFileSync(path.join(SAMPLES, 'plain-boot-6.6-unrelated-warning.log')));
  const cwd = process.cwd();
  process.chdir(tree);
  try {
    const run = await runInProcess(['triage', '-j', '1', '--format', 'json', '--', '-dashed.log']);
    expect(run.code).toBe(0);
    const onlyAfter = JSON.parse(run.stdout) as Summary;
    expect([onlyAfter.totals.logs, titles(onlyAfter)]).toEqual([1, [CLK]]);
  } finally {
    process.chdir(cwd);
  }
  const none = await runInProcess(['triage', '-j', '1']);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('triage: name at least one path: a file, directory or glob (- reads a list of paths from stdin)');
  expect((await runInProcess(['triage', '--'])).code).toBe(2);
});
