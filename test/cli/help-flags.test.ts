import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInProcess } from './_run-cli.js';
import { makeSampleTree, TREE_LOGS } from './_sample-tree.js';
import { SAMPLES, spawnCli } from './_spawn-cli.js';

/**
 * Every flag that `--help` lists must change what a run does: a probe runs the command without the flag and with
 * it, and the outcome (exit code, stdout, stderr, files written) must differ. A flag added to --help without a
 * probe here fails the first test.
 */
interface Probe {
  base: (dir: string) => string[];
  withFlag: (dir: string) => string[];
  /** The flag only shows on an interactive stderr (progress). */
  tty?: boolean;
}

const AMDGPU = `${SAMPLES}e3-48-4k-amdgpu-populate-storm.log`;
const PLAIN = `${SAMPLES}plain-boot-6.6-unrelated-warning.log`;
const WARN_THEN_OOPS = `${SAMPLES}e4-48-4k-amdgpu-6.10-warn-then-oops.log`;
const SEED_PAGE = '0xffffffffaee00000';
/**
 * The Oops of WARN_THEN_OOPS without its WARNINGs: with them, their constant registers settle the layout of the
 * whole boot, whatever --kernel says; alone, the Oops's layout follows every layout flag.
 */
const OOPS_ONLY = path.join(tmpdir(), `vmemwarn-flags-oops-only-${process.pid}.log`);

let fixtures: string;
let tree: string;
let longLine: string;
let plainGz: string;
let config: string;
let known: string;
let historyDb: string;
let linkDir: string;
let shards: string[];

beforeAll(async () => {
  fixtures = mkdtempSync(path.join(tmpdir(), 'vmemwarn-flags-'));
  // Lines 1-26 are the boot; the Oops runs from line 1787 to the end.
  const lines = readFileSync(WARN_THEN_OOPS, 'utf8').split('\n');
  writeFileSync(OOPS_ONLY, [...lines.slice(0, 26), ...lines.slice(1786)].join('\n'));
  tree = makeSampleTree();
  plainGz = path.join(tree, TREE_LOGS.plainGz);
  longLine = path.join(fixtures, 'long.log');
  writeFileSync(longLine, `[    0.000000] ${'x'.repeat(300)}\n`);
  config = path.join(fixtures, 'config');
  writeFileSync(config, 'CONFIG_ARM64=y\nCONFIG_ARM64_64K_PAGES=y\nCONFIG_ARM64_VA_BITS=42\n');
  known = path.join(fixtures, 'known.txt');
  writeFileSync(known, 'WARNING in *\n');
  // A history that has seen only the amdgpu log, so a run over the tree has new clusters.
  historyDb = path.join(fixtures, 'history.sqlite');
  expect((await runInProcess(['triage', path.join(tree, 'a'), '-j', '1', '--db', historyDb, '-q'])).code).toBe(0);
  linkDir = path.join(fixtures, 'links');
  mkdirSync(linkDir);
  symlinkSync(path.join(tree, TREE_LOGS.testHmm), path.join(linkDir, 'linked.log'));
  const mtime = new Date('2024-03-01T12:00:00Z');
  utimesSync(path.join(tree, TREE_LOGS.amdgpu), mtime, mtime);
  shards = [];
  for (const dir of ['a', 'b']) {
    const file = path.join(fixtures, `${dir}.json`);
    expect((await runInProcess(['triage', path.join(tree, dir), '-j', '1', '--format', 'json', '-o', file])).code).toBe(0);
    shards.push(file);
  }
});
afterAll(() => {
  rmSync(OOPS_ONLY, { force: true });
  rmSync(fixtures, { recursive: true, force: true });
  rmSync(tree, { recursive: true, force: true });
});

const same = (args: string[]): Probe['base'] => () => args;

/**
 * Layout flags: each must change the layout a command reports for the same input. `sectionArgs` are added for
 * --section-bits, whose effect (sections touched) shows only in full reports.
 */
function layoutProbes(base: string[], sectionArgs: (dir: string) => string[] = () => []): Record<string, Probe> {
  const probe = (...flag: string[]): Probe => ({ base: same(base), withFlag: () => [...base, ...flag] });
  return {
    kernel: probe('--kernel', '4.19'),
    'va-bits': probe('--va-bits', '39'),
    'page-size': probe('--page-size', '64k'),
    memstart: probe('--memstart', '0x40000000'),
    'struct-page-size': probe('--struct-page-size', '128'),
    'section-bits': { base: (d) => [...base, ...sectionArgs(d)], withFlag: (d) => [...base, ...sectionArgs(d), '--section-bits', '30'] },
    era: probe('--era', 'E2'),
    config: { base: same(base), withFlag: () => [...base, '--config', config] },
  };
}

const ANALYZE = ['analyze', AMDGPU, '--format', 'json'];
const TRIAGE = () => ['triage', tree, '-j', '1', '--format', 'json'];

const PROBES: Record<string, Record<string, Probe>> = {
  analyze: {
    format: { base: same(['analyze', AMDGPU]), withFlag: () => ['analyze', AMDGPU, '--format', 'markdown'] },
    output: { base: same(ANALYZE), withFlag: (d) => [...ANALYZE, '--output', path.join(d, 'r.json')] },
    'fail-on': { base: same(ANALYZE), withFlag: () => [...ANALYZE, '--fail-on', 'vmemmap'] },
    'max-line-bytes': { base: () => ['analyze', longLine, '--format', 'json'], withFlag: () => ['analyze', longLine, '--format', 'json', '--max-line-bytes', '100'] },
    'max-splat-lines': { base: same(['analyze', PLAIN, '--format', 'json']), withFlag: () => ['analyze', PLAIN, '--format', 'json', '--max-splat-lines', '10'] },
    'max-decompressed': { base: () => ['analyze', plainGz], withFlag: () => ['analyze', plainGz, '--max-decompressed', '1KiB'] },
    color: { base: same(['analyze', AMDGPU]), withFlag: () => ['analyze', AMDGPU, '--color'] },
    quiet: { base: same(['analyze', AMDGPU]), withFlag: () => ['analyze', AMDGPU, '--quiet'], tty: true },
    // Thread count never changes the report (test/analyze/parts/ proves it); the flag's effect is checked by its validation.
    threads: { base: same(ANALYZE), withFlag: () => [...ANALYZE, '--threads', '0'] },
    ...layoutProbes(ANALYZE),
  },
  explain: {
    log: { base: same(['explain', SEED_PAGE, '--format', 'json']), withFlag: () => ['explain', SEED_PAGE, '--format', 'json', '--log', AMDGPU] },
    format: { base: same(['explain', SEED_PAGE]), withFlag: () => ['explain', SEED_PAGE, '--format', 'json'] },
    output: { base: same(['explain', SEED_PAGE]), withFlag: (d) => ['explain', SEED_PAGE, '--output', path.join(d, 'e.txt')] },
    ...layoutProbes(['explain', SEED_PAGE, '--format', 'json']),
  },
  layout: {
    log: { base: same(['layout', '--format', 'json']), withFlag: () => ['layout', '--format', 'json', '--log', AMDGPU] },
    format: { base: same(['layout']), withFlag: () => ['layout', '--format', 'json'] },
    output: { base: same(['layout']), withFlag: (d) => ['layout', '--output', path.join(d, 'l.txt')] },
    ...layoutProbes(['layout', '--format', 'json']),
  },
  triage: {
    format: { base: () => ['triage', tree, '-j', '1'], withFlag: () => ['triage', tree, '-j', '1', '--format', 'markdown'] },
    output: { base: TRIAGE, withFlag: (d) => [...TRIAGE(), '--output', path.join(d, 's.json')] },
    // Worker count never changes the summary; the flag's effect is checked by its validation.
    jobs: { base: TRIAGE, withFlag: () => [...TRIAGE(), '--jobs', '0'] },
    // Both halves are non-empty or one is the whole: either way they differ.
    shard: { base: () => [...TRIAGE(), '--shard', '1/2'], withFlag: () => [...TRIAGE(), '--shard', '2/2'] },
    out: { base: TRIAGE, withFlag: (d) => [...TRIAGE(), '--out', d] },
    ignore: { base: TRIAGE, withFlag: () => [...TRIAGE(), '--ignore', known] },
    db: { base: TRIAGE, withFlag: (d) => [...TRIAGE(), '--db', path.join(d, 'h.sqlite')] },
    'new-only': {
      base: (d) => [...TRIAGE(), '--db', copied(historyDb, d)],
      withFlag: (d) => [...TRIAGE(), '--db', copied(historyDb, d), '--new-only'],
    },
    'file-times': { base: TRIAGE, withFlag: () => [...TRIAGE(), '--file-times'] },
    timestamps: { base: TRIAGE, withFlag: () => [...TRIAGE(), '--timestamps'] },
    'follow-symlinks': {
      base: () => ['triage', linkDir, '-j', '1', '--format', 'json'],
      withFlag: () => ['triage', linkDir, '-j', '1', '--format', 'json', '--follow-symlinks'],
    },
    'fail-on': { base: TRIAGE, withFlag: () => [...TRIAGE(), '--fail-on', 'vmemmap'] },
    'max-decompressed': { base: TRIAGE, withFlag: () => [...TRIAGE(), '--max-decompressed', '1KiB'] },
    quiet: { base: () => ['triage', tree, '-j', '1'], withFlag: () => ['triage', tree, '-j', '1', '--quiet'], tty: true },
    // The e4 sample's era comes from its release (6.10), so --kernel moves it; the amdgpu one is pinned by a register.
    ...layoutProbes(['triage', OOPS_ONLY, '-j', '1', '--format', 'json'], (d) => ['--out', d]),
  },
  merge: {
    format: { base: () => ['merge', ...shards], withFlag: () => ['merge', ...shards, '--format', 'text'] },
    output: { base: () => ['merge', ...shards], withFlag: (d) => ['merge', ...shards, '--output', path.join(d, 'm.json')] },
    'fail-on': { base: () => ['merge', ...shards], withFlag: () => ['merge', ...shards, '--fail-on', 'warning'] },
  },
};

function copied(file: string, dir: string): string {
  const target = path.join(dir, path.basename(file));
  copyFileSync(file, target);
  return target;
}

/** Long flags listed under a command's --help, without yargs' own --help/--version. */
function helpFlags(command: string): string[] {
  const help = spawnCli([command, '--help']).stdout;
  const flags = [...help.matchAll(/^\s+(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]!);
  return flags.filter((f) => f !== 'help' && f !== 'version').sort();
}

/** Exit code, stdout, stderr and the text files a run wrote into its own directory. */
async function outcome(args: string[], dir: string, tty: boolean): Promise<string> {
  const run = await runInProcess(args, { stderrIsTTY: tty });
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(?:json|md|txt|xml)$/.test(f) && statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => `${f}:${readFileSync(path.join(dir, f), 'utf8')}`);
  return JSON.stringify({ code: run.code, stdout: run.stdout, stderr: run.stderr, files });
}

describe.each(Object.keys(PROBES))('%s', (command) => {
  test('every flag in --help has a probe', () => {
    expect(helpFlags(command)).toEqual(Object.keys(PROBES[command]!).sort());
  });

  test.each(Object.keys(PROBES[command]!))('--%s changes the outcome', async (flag) => {
    const probe = PROBES[command]![flag]!;
    const baseDir = mkdtempSync(path.join(fixtures, 'base-'));
    const flagDir = mkdtempSync(path.join(fixtures, 'flag-'));
    const tty = probe.tty === true;
    const without = await outcome(probe.base(baseDir), baseDir, tty);
    const withIt = await outcome(probe.withFlag(flagDir), flagDir, tty);
    expect(withIt).not.toBe(without);
  });
});
