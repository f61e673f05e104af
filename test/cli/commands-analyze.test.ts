import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runInProcess } from './_run-cli.js';
import { SAMPLES, spawnCli } from './_spawn-cli.js';
import { tempDir } from '../_temp-dirs.js';
import { copiesOf } from '../_copies.js';

const AMDGPU = `${SAMPLES}e3-48-4k-amdgpu-populate-storm.log`;
const PLAIN = `${SAMPLES}plain-boot-6.6-unrelated-warning.log`;
const WARN_THEN_OOPS = `${SAMPLES}e4-48-4k-amdgpu-6.10-warn-then-oops.log`;
const ANSI = /\x1b\[[0-9;]*m/;

interface JsonReport {
  inputs: {
    stats: { truncatedLines: number; cappedSplats: number };
    clusters: { title: string; corruptedCount: number; vmemmap: { layout?: { release?: { value: string } } }[] }[];
  }[];
}

async function jsonOf(argv: string[]): Promise<JsonReport> {
  const run = await runInProcess([...argv, '--format', 'json']);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonReport;
}

describe('analyze --fail-on', () => {
  // The amdgpu sample holds only vmemmap_populate WARNINGs; plain-boot one clk WARNING; e4 a WARNING storm and an Oops.
  test.each([
    [AMDGPU, 'vmemmap', 1],
    [AMDGPU, 'warning', 1],
    [AMDGPU, 'bug', 0],
    [PLAIN, 'vmemmap', 0],
    [PLAIN, 'warning', 1],
    [PLAIN, 'any', 1],
    [WARN_THEN_OOPS, 'bug', 1],
    // The Oops there is no panic: no `Kernel panic - not syncing` follows it.
    [WARN_THEN_OOPS, 'panic', 0],
    [AMDGPU, 'panic', 0],
  ])('%s --fail-on %s → exit %i', async (file, kind, code) => {
    expect((await runInProcess(['analyze', file, '--fail-on', kind, '-q'])).code).toBe(code);
  });

  // syzkaller's report 249: a WARNING, then `Kernel panic - not syncing: panic_on_warn set ...`.
  const POW = path.resolve(process.cwd(), '../shared/corpus/syzkaller__report_249__WARNING_in_rfkill_fop_read.txt');
  (existsSync(POW) ? test : test.skip)('a WARNING under panic_on_warn: panic and warning match, bug does not', async () => {
    const codes = [];
    for (const kind of ['panic', 'warning', 'bug']) codes.push((await runInProcess(['analyze', POW, '--fail-on', kind, '-q'])).code);
    expect(codes).toEqual([1, 1, 0]);
    const text = await runInProcess(['analyze', POW]);
    expect(text.stdout.split('\n')[0]).toMatch(/, 1 panic$/);
  });
});

describe('analyze formats', () => {
  test('text names the vmemmap cluster and its count', async () => {
    const run = await runInProcess(['analyze', AMDGPU]);
    expect(run.code).toBe(0);
    // 40 WARNINGs in the sample (test/golden).
    expect(run.stdout).toMatch(/\b40\s+warning\s+[0-9a-f]{12}\s+\d+-\d+\s+WARNING in vmemmap_populate/);
    expect(run.stdout).not.toMatch(ANSI);
  });

  test('markdown is a ticket: a heading and the cluster title', async () => {
    const run = await runInProcess(['analyze', AMDGPU, '--format', 'markdown']);
    expect(run.stdout).toMatch(/^#/m);
    expect(run.stdout).toContain('WARNING in vmemmap_populate');
  });

  // Found by a review: a CI job piping a many-input report to `gh issue comment` failed with nothing said.
  test('markdown over a GitHub comment\'s size says so on stderr, and not under -q', async () => {
    const many = [AMDGPU, WARN_THEN_OOPS, PLAIN].flatMap((log) => copiesOf(log, 4));
    const run = await runInProcess(['analyze', ...many, '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(65_536);
    expect(run.stderr).toContain(`note: the Markdown report is ${run.stdout.length} characters, more than a GitHub comment takes (65536)`);
    expect((await runInProcess(['analyze', ...many, '--format', 'markdown', '-q'])).stderr).toBe('');
    expect((await runInProcess(['analyze', AMDGPU, '--format', 'markdown'])).stderr).not.toContain('GitHub comment');
  });

  test('two inputs give two entries', async () => {
    expect((await jsonOf(['analyze', AMDGPU, PLAIN])).inputs).toHaveLength(2);
  });

  // Found by a review: `analyze s.log s.log` counted every splat twice, where `- -` reads stdin once.
  test('a file named twice is read once, with a note (not under -q)', async () => {
    const run = await runInProcess(['analyze', AMDGPU, PLAIN, AMDGPU, '--format', 'json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { inputs: { source: string }[] }).inputs.map((i) => i.source)).toEqual([AMDGPU, PLAIN]);
    expect(run.stderr).toBe(`vmemwarn: note: ${AMDGPU} is the same file as ${AMDGPU}: read once\n`);
    expect((await runInProcess(['analyze', AMDGPU, AMDGPU, '-q'])).stderr).toBe('');
  });

  test('--output writes the file and nothing to stdout', async () => {
    const out = path.join(tempDir('analyze'), 'report.md');
    const run = await runInProcess(['analyze', AMDGPU, '--format', 'markdown', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('WARNING in vmemmap_populate');
  });
});

describe('analyze colour', () => {
  test('--color forces ANSI colour off a terminal', async () => {
    expect((await runInProcess(['analyze', AMDGPU, '--color'])).stdout).toMatch(ANSI);
  });
  test('--no-color wins', async () => {
    expect((await runInProcess(['analyze', AMDGPU, '--no-color'])).stdout).not.toMatch(ANSI);
  });
  test('-o writes plain text unless --color asks for colour (as `ls --color=always > file`)', async () => {
    const dir = tempDir('colour');
    await runInProcess(['analyze', AMDGPU, '-o', path.join(dir, 'plain.txt')]);
    await runInProcess(['analyze', AMDGPU, '--color', '-o', path.join(dir, 'colour.txt')]);
    expect(readFileSync(path.join(dir, 'plain.txt'), 'utf8')).not.toMatch(ANSI);
    expect(readFileSync(path.join(dir, 'colour.txt'), 'utf8')).toMatch(ANSI);
  });
  // Found by a review of the CLI: `-o -` is stdout, yet it was taken for a file and the report written plain there.
  test('-o - is stdout: coloured on a terminal, as without -o', async () => {
    const onTerminal = { stdoutIsTTY: true, env: { TERM: 'xterm' } };
    expect((await runInProcess(['analyze', AMDGPU], onTerminal)).stdout).toMatch(ANSI);
    expect((await runInProcess(['analyze', AMDGPU, '-o', '-'], onTerminal)).stdout).toMatch(ANSI);
    expect((await runInProcess(['analyze', AMDGPU, '-o', '-'])).stdout).not.toMatch(ANSI);
  });
});

describe('analyze limits', () => {
  test('--max-splat-lines closes the 32-line WARNING (lines 26-57) early', async () => {
    const [full] = (await jsonOf(['analyze', PLAIN])).inputs;
    const [capped] = (await jsonOf(['analyze', PLAIN, '--max-splat-lines', '10'])).inputs;
    expect(full?.clusters[0]?.corruptedCount).toBe(0);
    expect(capped?.stats.cappedSplats).toBe(1);
  });

  test('--max-line-bytes flags longer lines as truncated', async () => {
    const dir = tempDir('analyze');
    const file = path.join(dir, 'long.log');
    writeFileSync(file, `[    0.000000] ${'x'.repeat(300)}\n[    0.000001] short\n`);
    expect((await jsonOf(['analyze', file])).inputs[0]?.stats.truncatedLines).toBe(0);
    expect((await jsonOf(['analyze', file, '--max-line-bytes', '100'])).inputs[0]?.stats.truncatedLines).toBe(1);
  });

  test('--max-decompressed stops a gzip input over the limit with exit 3', async () => {
    const dir = tempDir('analyze');
    const file = path.join(dir, 'plain.log.gz');
    writeFileSync(file, gzipSync(readFileSync(PLAIN)));
    expect((await runInProcess(['analyze', file, '-q'])).code).toBe(0);
    const run = await runInProcess(['analyze', file, '--max-decompressed', '1KiB', '-q']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('plain.log.gz');
  });
});

describe('analyze layout flags', () => {
  test('--kernel overrides the release the log prints', async () => {
    // The sample boots 6.1.0; the flag must win for the layout used by the finding.
    const [input] = (await jsonOf(['analyze', AMDGPU, '--kernel', '6.10'])).inputs;
    expect(input?.clusters[0]?.vmemmap[0]?.layout?.release?.value).toBe('6.10');
  });

  test('--config is read (a missing file is an error naming it)', async () => {
    const run = await runInProcess(['analyze', AMDGPU, '--config', '/nonexistent/.config', '-q']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('/nonexistent/.config');
  });
});

test('a directory is an input error whose note names triage, which reads the logs under one', async () => {
  const dir = tempDir('analyze-dir');
  const run = await runInProcess(['analyze', dir]);
  expect(run.code).toBe(3);
  expect(run.stderr).toBe(`vmemwarn: ${dir}: is a directory\nvmemwarn: note: analyze reads log files; to read the logs under a directory: vmemwarn triage ${dir}\n`);
  // -q keeps the error and drops the note.
  expect((await runInProcess(['analyze', dir, '-q'])).stderr).toBe(`vmemwarn: ${dir}: is a directory\n`);
});

test('more than 100 logs in one analyze call: a note names triage (not under -q); 100 get none', async () => {
  const dir = tempDir('analyze-many');
  const logs = Array.from({ length: 101 }, (_, i) => path.join(dir, `boot-${i}.log`));
  for (const log of logs) writeFileSync(log, '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]\n');
  const many = await runInProcess(['analyze', ...logs, '--format', 'json']);
  expect(many.code).toBe(0);
  expect(many.stderr).toBe(
    "vmemwarn: note: 101 logs in one report: analyze keeps each one's analysis until the report is written; " +
      'vmemwarn triage reads any number of logs into one summary in bounded memory\n',
  );
  expect((JSON.parse(many.stdout) as { inputs: unknown[] }).inputs).toHaveLength(101);
  expect((await runInProcess(['analyze', ...logs, '-q'])).stderr).toBe('');
  expect((await runInProcess(['analyze', ...logs.slice(1)])).stderr).toBe('');
});

test('-q prints nothing on stderr for a clean run', async () => {
  expect((await runInProcess(['analyze', AMDGPU, '-q'])).stderr).toBe('');
});

// Found by review: the report of `analyze good.log missing.log` left missing.log out, and passed for one of all inputs.
test('an input that cannot be read is listed in the report with its error, and the exit is 3', async () => {
  const missing = path.join(tempDir('unread'), 'missing.log');
  const json = await runInProcess(['analyze', AMDGPU, missing, '--format', 'json', '-q']);
  expect(json.code).toBe(3);
  const report = JSON.parse(json.stdout) as { summary: { inputs: number }; inputs: { source: string; inputError?: string }[] };
  expect(report.summary.inputs).toBe(2);
  expect(report.inputs[1]).toMatchObject({ source: missing, inputError: `${missing}: no such file` });
  const text = await runInProcess(['analyze', missing, '-q']);
  expect(text.stdout).toContain(`not read: ${missing}: no such file`);
  expect(text.stdout).not.toContain('No kernel splats found');
  expect(text.stdout.split('\n')[0]).toMatch(/^vmemwarn \S+: 0 splats in 0 clusters, 0 vmemmap; 1 input not read$/);
  // Nothing is claimed of what was not read.
  const md = await runInProcess(['analyze', AMDGPU, missing, '--format', 'markdown', '-q']);
  expect(md.stdout.split('\n')[0]).toMatch(/ in 2 inputs \(.*\), 1 of them not read[.;] /);
});

// Found by a review of the CLI: `analyze - -` read stdin once without the note a file named twice gets; `-- - -` twice.
test.each([[['-', '-']], [['--', '-', '-']]])('analyze %j: stdin read once, with a note', (args) => {
  const run = spawnCli(['analyze', '-f', 'json', ...args], { input: readFileSync(PLAIN) });
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('vmemwarn: note: - (stdin) is named 2 times: read once\n');
  expect((JSON.parse(run.stdout) as JsonReport).inputs).toHaveLength(1);
});
