import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Summary } from '../../src/triage/summary-types.js';
import { runInProcess } from './_run-cli.js';
import { spawnCli } from './_spawn-cli.js';
import { makeSampleTree } from './_sample-tree.js';

let tree: string;
let shards: string[];
let whole: Summary;
let wholeText: string;

/**
 * Two shards of the sample tree, split by hand (--shard picks by a hash of the temp path, which may put every log in
 * one part), and the summary of one run over all of it.
 */
beforeAll(async () => {
  tree = makeSampleTree();
  const [a, b, c] = ['a', 'b', 'c'].map((dir) => path.join(tree, dir)) as [string, string, string];
  shards = [];
  for (const [name, inputs] of [['shard1.json', [a]], ['shard2.json', [b, c]]] as const) {
    const file = path.join(tree, name);
    expect((await runInProcess(['triage', ...inputs, '-j', '1', '--format', 'json', '-o', file])).code).toBe(0);
    shards.push(file);
  }
  const run = await runInProcess(['triage', a, b, c, '-j', '1', '--format', 'json']);
  wholeText = run.stdout;
  whole = JSON.parse(wholeText) as Summary;
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

test('merging the two shards equals one run over everything, byte for byte', async () => {
  const run = await runInProcess(['merge', ...shards]);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(wholeText);
});

test('shards of one run hold disjoint logs: no warning', async () => {
  expect((await runInProcess(['merge', ...shards])).stderr).toBe('');
});

test('the same summary twice is merged as asked, with a warning that its logs are counted twice', async () => {
  const run = await runInProcess(['merge', shards[0]!, shards[0]!]);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/^vmemwarn: warning: \d+ log\(s\) appear in more than one summary and are counted once per summary \(/);
});

test('`-` reads a summary from stdin, in its place among the files', () => {
  const run = spawnCli(['merge', '-', shards[1]!], { input: readFileSync(shards[0]!) });
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(wholeText);
});

test('merge is commutative', async () => {
  const ab = await runInProcess(['merge', shards[0]!, shards[1]!]);
  const ba = await runInProcess(['merge', shards[1]!, shards[0]!]);
  expect(ba.stdout).toBe(ab.stdout);
});

test.each([
  ['text', 'WARNING in vmemmap_populate'],
  ['markdown', '# vmemwarn triage'],
  ['junit', '<testsuites'],
])('--format %s', async (format, needle) => {
  const run = await runInProcess(['merge', ...shards, '--format', format]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(needle);
});

test('--output writes the merged summary', async () => {
  const out = path.join(tree, 'merged.json');
  expect((await runInProcess(['merge', ...shards, '-o', out])).code).toBe(0);
  expect((JSON.parse(readFileSync(out, 'utf8')) as Summary).totals).toEqual(whole.totals);
});

test.each([
  ['vmemmap', 1],
  ['bug', 0],
])('--fail-on %s → exit %i', async (kind, code) => {
  expect((await runInProcess(['merge', ...shards, '--fail-on', kind])).code).toBe(code);
});

test('a file that is not a summary is rejected, naming it (exit 3)', async () => {
  const bogus = path.join(tree, 'bogus.json');
  writeFileSync(bogus, JSON.stringify({ schemaVersion: 6, clusters: 'no' }));
  const run = await runInProcess(['merge', shards[0]!, bogus]);
  expect(run.code).toBe(3);
  expect(run.stderr).toContain('bogus.json');
});

test('a missing summary is an input error (exit 3)', async () => {
  expect((await runInProcess(['merge', path.join(tree, 'missing.json')])).code).toBe(3);
});

test('a shard with an input error makes the merge exit 3, as one run over its inputs would', async () => {
  const withError = path.join(tree, 'with-error.json');
  const summary = JSON.parse(readFileSync(shards[0]!, 'utf8')) as Summary;
  summary.issues = [...summary.issues, { input: 'gone.log.gz', severity: 'error', reason: 'truncated gzip data' }];
  summary.totals = { ...summary.totals, errors: summary.totals.errors + 1 };
  writeFileSync(withError, JSON.stringify(summary));
  const run = await runInProcess(['merge', withError, shards[1]!, '--fail-on', 'any']);
  expect(run.code).toBe(3);
  // Found by a review: the exit code was all a CI job got. Named on stderr as the triage of that shard named it.
  expect(run.stderr).toBe('vmemwarn: gone.log.gz: truncated gzip data\n');
});

test('an interrupted shard makes the merge exit 3, with a warning', async () => {
  const cut = path.join(tree, 'interrupted.json');
  writeFileSync(cut, JSON.stringify({ ...(JSON.parse(readFileSync(shards[0]!, 'utf8')) as Summary), interrupted: true }));
  const run = await runInProcess(['merge', cut, shards[1]!]);
  expect(run.code).toBe(3);
  expect(run.stderr).toContain('warning: a summary was interrupted: the merge covers only the logs it finished');
});

// Found by a review of the CLI: the warning said "interrupted (Ctrl-C)" whatever had stopped the shard.
test('the warning for an interrupted shard names what stopped it', async () => {
  const cut = path.join(tree, 'interrupted.json');
  writeFileSync(cut, JSON.stringify({ ...(JSON.parse(readFileSync(shards[0]!, 'utf8')) as Summary), interrupted: true, interruptedBy: ['SIGTERM'] }));
  const run = await runInProcess(['merge', cut, shards[1]!]);
  expect(run.code).toBe(3);
  expect(run.stderr).toContain('warning: a summary was interrupted (SIGTERM): the merge covers only the logs it finished');
});

// Found by an audit: `merge s1.json s2.json` of a `--shard i/3` run gave a normal summary and no word of shard 3.
describe('summaries of --shard runs', () => {
  const sharded = (file: string, index: number, count: number): string => {
    const out = path.join(tree, `shard-${index}-of-${count}-${path.basename(file)}`);
    writeFileSync(out, JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as Summary), shards: { count, indices: [index] } }));
    return out;
  };

  test('a shard missing: a warning naming it, and the merged summary says which shards it holds', async () => {
    const run = await runInProcess(['merge', sharded(shards[0]!, 1, 3), sharded(shards[1]!, 3, 3)]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('vmemwarn: warning: the summaries cover 2 of 3 shards: shard 2 of 3 missing\n');
    expect((JSON.parse(run.stdout) as Summary).shards).toEqual({ count: 3, indices: [1, 3] });
  });

  test('every shard: no warning, and the merge is the whole run', async () => {
    const run = await runInProcess(['merge', sharded(shards[0]!, 1, 2), sharded(shards[1]!, 2, 2)]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(wholeText);
  });

  // Found by a review of the CLI: a summary whose shard lies past their count was merged as "shard 7 of 3".
  test('a shard index past the count: not a summary, exit 3, naming it', async () => {
    const bad = sharded(shards[0]!, 7, 3);
    const run = await runInProcess(['merge', bad, shards[1]!]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`vmemwarn: ${bad}: not a vmemwarn summary: /shards/indices: shard 7 is past shards.count 3\n`);
  });

  // Found by a review: shard 1 of 3 and shard 1 of 2 merged into what read as a whole run, with no warning.
  test('shards of different shardings, or beside a whole run: merged, with a warning that none can be missed', async () => {
    const mixed = await runInProcess(['merge', sharded(shards[0]!, 1, 3), sharded(shards[1]!, 1, 2)]);
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toBe(
      'vmemwarn: warning: the summaries come from different shardings (shards of 2; shards of 3): the merge cannot tell whether any shard is missing\n',
    );
    expect((JSON.parse(mixed.stdout) as Summary).shards).toBeUndefined();
    const besideWhole = await runInProcess(['merge', sharded(shards[0]!, 2, 3), shards[1]!]);
    expect(besideWhole.stderr).toContain('(shards of 3; no sharding (a whole run or a complete merge))');
  });

  test('runs of missing shards are named as ranges', async () => {
    const run = await runInProcess(['merge', sharded(shards[0]!, 2, 8)]);
    expect(run.stderr).toBe('vmemwarn: warning: the summaries cover 1 of 8 shards: shards 1, 3-8 of 8 missing\n');
  });
});

// Found by a review of the CLI: `merge - -` read the summary on stdin once without a word.
test('- named twice: stdin read once, with a note', () => {
  const run = spawnCli(['merge', '-', '-', '-f', 'json'], { input: readFileSync(shards[0]!, 'utf8') });
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('vmemwarn: note: - (stdin) is named 2 times: read once\n');
  expect((JSON.parse(run.stdout) as Summary).totals).toEqual((JSON.parse(readFileSync(shards[0]!, 'utf8')) as Summary).totals);
});

// Found by a review: `merge -- FILE` was refused ("Not enough non-option arguments"), as `triage -- PATH` was.
test('Found by a review: summaries after -- are read, also the only one', async () => {
  const run = await runInProcess(['merge', '--', shards[0]!]);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual(JSON.parse((await runInProcess(['merge', shards[0]!])).stdout));
  const none = await runInProcess(['merge']);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('merge: name at least one summary.json written by triage --format json (- reads one from stdin)');
});
