import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeFile } from '../../src/api.js';
import { runTriage } from '../../src/triage/run-triage.js';
import { mergeSummaries } from '../../src/triage/merge.js';
import { summaryProblems } from '../../src/triage/validate-summary.js';
import { renderSummaryJson } from '../../src/triage/summary-render-json.js';
import type { Summary } from '../../src/triage/summary-types.js';
import { buildTree, corpusAvailable, corpusFile } from './fixture-tree.js';
import type { Expectations } from './fixture-tree.js';

const suite = corpusAvailable ? describe : describe.skip;

suite('runTriage over a mixed tree of corpus logs', () => {
  let root: string;
  let expected: Expectations;
  let summary: Summary;
  let exitCode: number;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'vmemwarn-triage-'));
    const built = await buildTree(path.join(root, 'tree'));
    for (const tool of built.missingTools) console.warn(`${tool} not installed: its fixture is skipped`);
    expected = built.expected;
    const outcome = await runTriage({ inputs: [path.join(root, 'tree')], jobs: 1, outDir: path.join(root, 'out') });
    summary = outcome.summary;
    exitCode = outcome.exitCode;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test('every log gives exactly what analyzeFile gives on the plain file', async () => {
    for (const [name, source] of expected) {
      const log = summary.logs.find((l) => l.name === name);
      expect(log).toBeDefined();
      const direct = await analyzeFile(corpusFile(source));
      const want = direct.clusters.map((c) => ({ id: c.id, count: c.count })).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect({ name, clusters: log?.clusters, lines: log?.lines }).toEqual({ name, clusters: want, lines: direct.stats.lines });
    }
  });

  test('the clusters add up over the logs', () => {
    const splats = summary.logs.reduce((n, l) => n + l.splats, 0);
    expect(summary.clusters.reduce((n, c) => n + c.count, 0)).toBe(splats);
    expect(summary.totals.splats).toBe(splats);
    expect(summary.totals.logs).toBe(summary.logs.length);
  });

  test('bad inputs are listed with reasons and the run goes on', () => {
    const tree = path.join(root, 'tree');
    const issue = (input: string) => summary.issues.filter((i) => i.input === path.join(tree, input));
    expect(issue('bad.gz')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(issue('truncated.tar')).toEqual([expect.objectContaining({ severity: 'error', reason: expect.stringMatching(/tar/) })]);
    expect(issue('program.bin')).toEqual([{ input: path.join(tree, 'program.bin'), severity: 'skipped', reason: 'binary file (ELF executable)' }]);
    expect(issue('logs.tar.gz:x/link')).toEqual([expect.objectContaining({ severity: 'skipped', reason: expect.stringMatching(/symlink member -> \/etc\/passwd/) })]);
    expect(issue('logs.tar.gz:../escape\\x1b[31m.txt')).toEqual([expect.objectContaining({ severity: 'warning', reason: expect.stringMatching(/\.\./) })]);
    expect(exitCode).toBe(3);
  });

  test('zip: symlink and encrypted members are skipped with reasons', () => {
    const zip = path.join(root, 'tree', 'logs.zip');
    if (!summary.logs.some((l) => l.input === zip)) return;
    expect(summary.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ input: `${zip}:alias.txt`, severity: 'skipped' }),
      { input: `${zip}:secret.txt`, severity: 'skipped', reason: 'encrypted zip member' },
    ]));
  });

  test('nothing is written outside the out dir; one JSON + Markdown report per log', async () => {
    const files = await readdir(path.join(root, 'out'));
    expect(files.length).toBe(summary.logs.length * 2);
    for (const log of summary.logs) expect(files).toEqual(expect.arrayContaining([log.reports?.json, log.reports?.markdown]));
    expect(await readdir(root)).toEqual(expect.arrayContaining(['out', 'tree']));
    expect((await readdir(root)).some((f) => f.startsWith('escape'))).toBe(false);
  });

  test('the summary validates against its schema and is stable', async () => {
    expect(summaryProblems(JSON.parse(renderSummaryJson(summary)))).toEqual([]);
    const again = await runTriage({ inputs: [path.join(root, 'tree')], jobs: 1 });
    const strip = (s: Summary) => ({ ...s, logs: s.logs.map(({ reports: _r, ...l }) => l) });
    expect(strip(again.summary)).toEqual(strip(summary));
  });

  test('two shards merged equal one run over everything', async () => {
    const tree = path.join(root, 'tree');
    const shards = await Promise.all([1, 2].map((index) => runTriage({ inputs: [tree], jobs: 1, shard: { index, count: 2 } })));
    expect(shards.every((s) => s.summary.totals.inputs > 0)).toBe(true);
    const whole = await runTriage({ inputs: [tree], jobs: 1 });
    expect(renderSummaryJson(mergeSummaries(shards.map((s) => s.summary)))).toBe(renderSummaryJson(whole.summary));
    expect(renderSummaryJson(mergeSummaries(shards.map((s) => s.summary).reverse()))).toBe(renderSummaryJson(whole.summary));
  });

  test('report file names map back to the log names', async () => {
    const log = summary.logs.find((l) => l.name.endsWith('a/plain.txt'));
    expect(log?.reports?.json).toMatch(/a_plain\.txt\.[0-9a-f]{10}\.json$/);
    const report = JSON.parse(await readFile(path.join(root, 'out', log?.reports?.json ?? ''), 'utf8')) as object;
    expect(JSON.stringify(report)).toContain('plain.txt');
  });
});
