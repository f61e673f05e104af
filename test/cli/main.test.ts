import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { REPO_ROOT, SAMPLES, spawnCli } from './_spawn-cli.js';
import { runInProcess } from './_run-cli.js';
import { tempDir } from '../_temp-dirs.js';
import { copiesOf } from '../_copies.js';

const AMDGPU = `${SAMPLES}e3-48-4k-amdgpu-populate-storm.log`;
const PLAIN = `${SAMPLES}plain-boot-6.6-unrelated-warning.log`;
const ANSI = /\x1b\[[0-9;]*m/;

describe('the real process (bin/vmemwarn → dist/)', () => {
  test('stdin without a file, and `-`, give the same report as the path', () => {
    const log = readFileSync(PLAIN);
    const piped = spawnCli(['analyze', '--format', 'json'], { input: log });
    const dash = spawnCli(['analyze', '-', '--format', 'json'], { input: log });
    expect(piped.code).toBe(0);
    expect(dash.stdout).toBe(piped.stdout);
    const clusters = (s: string): unknown => (JSON.parse(s) as { inputs: { clusters: unknown }[] }).inputs[0]?.clusters;
    expect(clusters(piped.stdout)).toEqual(clusters(spawnCli(['analyze', PLAIN, '--format', 'json']).stdout));
  });

  test.each([
    [['analyze', PLAIN], 0],
    [['analyze', AMDGPU, '--fail-on', 'vmemmap'], 1],
    [['analyze', PLAIN, '--no-such-flag'], 2],
    [['analyze', PLAIN, '--format', 'yaml'], 2],
    [['analyze', PLAIN, '-o', '/nonexistent-dir/report.txt'], 2],
    [['frobnicate'], 2],
    [[], 2],
    [['analyze', '/nonexistent/dmesg.txt'], 3],
    [['analyze', '/nonexistent/dmesg.txt', AMDGPU, '--fail-on', 'vmemmap'], 3],
  ])('%j → exit %i', (args, code) => {
    const run = spawnCli(args);
    expect(run.code).toBe(code);
    if (code >= 2) {
      expect(run.stderr).toMatch(/^vmemwarn: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('--format json validates against schema/report.schema.json and is byte-identical across runs', () => {
    const first = spawnCli(['analyze', AMDGPU, PLAIN, '--format', 'json']);
    const second = spawnCli(['analyze', AMDGPU, PLAIN, '--format', 'json']);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schema/report.schema.json'), 'utf8')) as { $id: string };
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(JSON.parse(first.stdout))).toBe(true);
    expect(validate.errors ?? null).toBeNull();
    // The schema's id names the version it pins.
    expect(schema.$id).toBe(`urn:vmemwarn:report-schema:${(JSON.parse(first.stdout) as { schemaVersion: string }).schemaVersion}`);
  });

  test('--output writes the file; stdout stays empty', () => {
    const out = path.join(tempDir('main'), 'report.json');
    const run = spawnCli(['analyze', AMDGPU, '--format', 'json', '--output', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(spawnCli(['analyze', AMDGPU, '--format', 'json']).stdout);
  });

  test('colour: none off a terminal, --color forces it, NO_COLOR does not override --color', () => {
    expect(spawnCli(['analyze', AMDGPU]).stdout).not.toMatch(ANSI);
    expect(spawnCli(['analyze', AMDGPU, '--color']).stdout).toMatch(ANSI);
    expect(spawnCli(['analyze', AMDGPU], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(spawnCli(['analyze', AMDGPU, '--color'], { env: { NO_COLOR: '1' } }).stdout).toMatch(ANSI);
  });

  test('--quiet: stderr stays empty on success; errors still print', () => {
    expect(spawnCli(['analyze', AMDGPU, '--quiet']).stderr).toBe('');
    expect(spawnCli(['analyze', '/nonexistent/dmesg.txt', '-q']).stderr).toContain('/nonexistent/dmesg.txt');
  });

  test('a reader that closes stdout early (| head) ends with a one-line note, exit 0 when nothing failed', () => {
    // 40 copies of the amdgpu storm make the report far larger than the pipe buffer `head` leaves unread.
    const run = spawnSync('bash', ['-c', `node bin/vmemwarn analyze ${copiesOf(AMDGPU, 40).join(' ')} | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^vmemwarn: stdout closed[^\n]*\n$/);
  });

  // Found by a review: -q promises no notes on stderr, and this one still came.
  test('under -q a reader that closes stdout early leaves stderr empty', () => {
    const run = spawnSync('bash', ['-c', `node bin/vmemwarn analyze -q ${copiesOf(AMDGPU, 40).join(' ')} | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  test('a closed stdout keeps the verdict: --fail-on still exits 1', () => {
    const run = spawnSync(
      'bash',
      ['-c', `node bin/vmemwarn analyze --fail-on any ${copiesOf(AMDGPU, 40).join(' ')} | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}`],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^vmemwarn: stdout closed[^\n]*\n$/);
  });

  // Found by a review: `analyze -o s.log < s.log` replaced the log with its report, exit 0.
  test('-o naming the file stdin is redirected from: a usage error, the log kept', () => {
    const dir = tempDir('vmemwarn-stdin-out-');
    const log = path.join(dir, 's.log');
    writeFileSync(log, readFileSync(AMDGPU));
    for (const args of [['analyze'], ['analyze', '-'], ['layout', '-']]) {
      const run = spawnSync('bash', ['-c', `node bin/vmemwarn ${args.join(' ')} -o ${JSON.stringify(log)} < ${JSON.stringify(log)}`], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`vmemwarn: --output ${log}: is also an input (what stdin reads), which writing there would overwrite (see 'vmemwarn --help')\n`);
      expect(readFileSync(log)).toEqual(readFileSync(AMDGPU));
    }
    // Stdin from another file, or a pipe, is no concern of -o.
    const other = path.join(dir, 'report.txt');
    writeFileSync(other, '');
    expect(spawnSync('bash', ['-c', `node bin/vmemwarn analyze -q -o ${JSON.stringify(other)} < ${JSON.stringify(log)}`], { cwd: REPO_ROOT }).status).toBe(0);
  });

  test('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(spawnCli(['--version']).stdout.trim()).toBe(pkg.version);
  });

  test('triage - reads paths from stdin; --jobs 2 runs the worker pool', () => {
    const run = spawnCli(['triage', '-', '--jobs', '2', '--format', 'json'], { input: `${AMDGPU}\n${PLAIN}\n` });
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { totals: { logs: number }; clusters: { title: string; count: number }[] };
    expect(summary.totals.logs).toBe(2);
    // 40 vmemmap_populate WARNINGs in the amdgpu sample, one clk WARNING in plain-boot (test/golden).
    expect(summary.clusters.map((c) => [c.title, c.count])).toEqual([
      ['WARNING in vmemmap_populate', 40],
      ['WARNING in clk_core_disable', 1],
    ]);
  });
});

describe('explain reproduces the seed thread (6.1, 48-bit VA, 4K pages, memstart 0x80000000)', () => {
  interface ExplainJson {
    explanations: { label: string; page: string; pfn: string; phys: string; position: string; wrapped: boolean; warnArm: string }[];
  }
  const SEED = ['--va-bits', '48', '--page-size', '4k', '--memstart', '0x80000000', '--format', 'json'];

  async function explain(args: string[]): Promise<ExplainJson['explanations']> {
    const run = await runInProcess(['explain', ...args, ...SEED]);
    expect(run.code).toBe(0);
    return (JSON.parse(run.stdout) as ExplainJson).explanations;
  }

  test('a value after `--` is read as the positional is', async () => {
    const run = await runInProcess(['explain', '--kernel', '6.1', ...SEED, '--', '0xffffffffaee00000']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ExplainJson).explanations).toEqual(await explain(['0xffffffffaee00000', '--kernel', '6.1']));
  });

  // E3: VMEMMAP_START = -(1 << (48 - 6)) = 0xfffffc0000000000, VMEMMAP_END = START + (2^47 >> 6) = 0xfffffe0000000000,
  // vmemmap base = START - (0x80000000 >> 12) * 64 = 0xfffffbfffe000000.
  // page 0xffffffffaee00000: pfn = (page - base) / 64 = 0x3ffb0e00000 / 64 = 0xffec38000, phys = pfn << 12.
  // page ≥ VMEMMAP_END and < 2^64: above the window, no wrap; the WARN's `end > VMEMMAP_END` arm fires.
  test.each([
    ['0xffffffffaee00000'],
    ['pfn:0xffec38000'],
    ['phys:0xffec38000000'],
  ])('6.1: %s', async (value) => {
    const [e3] = await explain([value, '--kernel', '6.1']);
    expect(e3).toMatchObject({
      page: '0xffffffffaee00000',
      pfn: '0xffec38000',
      phys: '0xffec38000000',
      position: 'above-window',
      wrapped: false,
      warnArm: 'end-above',
    });
    expect(e3?.label).toMatch(/^E3/);
  });

  // E4 (6.9+): VMEMMAP_END = -SZ_1G = 0xffffffffc0000000, START = END - 2^41 = 0xfffffdffc0000000,
  // base = START - 0x80000 * 64 = 0xfffffdffbe000000; base + 0xffec38000 * 64 = 2^64 + 0x1ff6ee00000: wrapped,
  // so the page lands low in the user half and the `start < VMEMMAP_START` arm fires.
  test('6.9: the same pfn wraps past 2^64', async () => {
    const [e4] = await explain(['pfn:0xffec38000', '--kernel', '6.9']);
    expect(e4).toMatchObject({
      page: '0x1ff6ee00000',
      pfn: '0xffec38000',
      position: 'wraps-to-user',
      wrapped: true,
      warnArm: 'start-below',
    });
    expect(e4?.label).toMatch(/^E4/);
  });

  test('text output shows the same numbers', async () => {
    const run = await runInProcess(['explain', '0xffffffffaee00000', '--kernel', '6.1', '--va-bits', '48', '--page-size', '4k', '--memstart', '0x80000000']);
    expect(run.stdout).toContain('0xffec38000');
    expect(run.stdout).toContain('0xfffffbfffe000000');
  });

  test('without version evidence every plausible era is shown, labelled', async () => {
    const labels = (await explain(['0xffffffffaee00000'])).map((e) => e.label);
    expect(labels.some((l) => l.startsWith('E3'))).toBe(true);
    expect(labels.some((l) => l.startsWith('E4'))).toBe(true);
  });

  test('--log takes the layout from a log; -o writes a file', async () => {
    const out = path.join(tempDir('explain'), 'explain.json');
    const run = await runInProcess(['explain', '0xffffffffaee00000', '--log', AMDGPU, '--format', 'json', '-o', out]);
    expect(run.code).toBe(0);
    // The amdgpu sample boots 6.1.0 with memstart 0x80000000 (its memory map), so the seed numbers come back.
    const [first] = (JSON.parse(readFileSync(out, 'utf8')) as ExplainJson).explanations;
    expect(first).toMatchObject({ pfn: '0xffec38000', position: 'above-window' });
  });
});

describe('a flag given twice takes its last value', () => {
  const log = path.join(SAMPLES, 'plain-boot-6.6-unrelated-warning.log');

  test('--fail-on twice still gates (it was a list, which matched nothing: exit 0)', async () => {
    expect((await runInProcess(['analyze', log, '--fail-on', 'warning', '--fail-on', 'warning'])).code).toBe(1);
    expect((await runInProcess(['analyze', log, '--fail-on', 'vmemmap', '--fail-on', 'warning'])).code).toBe(1);
    expect((await runInProcess(['analyze', log, '--fail-on', 'warning', '--fail-on', 'vmemmap'])).code).toBe(0);
  });

  test('--format, -o and layout values twice: the last one, no internal error', async () => {
    const json = await runInProcess(['analyze', log, '-f', 'text', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveProperty('schemaVersion');
    const layout = await runInProcess(['layout', '--kernel', '6.1', '--kernel', '6.9']);
    expect(layout.code).toBe(0);
    expect(layout.stdout).toMatch(/^Layout E4/);
  });

  test('the positional lists still take every value', async () => {
    const two = await runInProcess(['analyze', log, path.join(SAMPLES, 'e3-48-4k-amdgpu-populate-storm.log'), '--format', 'json']);
    expect((JSON.parse(two.stdout) as { inputs: unknown[] }).inputs).toHaveLength(2);
  });
});

// Found by review: `triage … --db` (last on the line, or `--db "$UNSET"`) wrote no history and exited 0, `--format`
// gave text, `-o` failed only after the whole analysis.
describe('a flag that takes a value but was given none is a usage error, before any input is read', () => {
  const log = path.join(SAMPLES, 'plain-boot-6.6-unrelated-warning.log');

  test.each([
    [['triage', log, '--db'], '--db'],
    [['triage', log, '--db', ''], '--db'],
    [['triage', log, '--out', '--jobs', '1'], '--out'],
    [['triage', log, '--ignore='], '--ignore'],
    [['analyze', log, '--format'], '--format'],
    [['analyze', log, '-f', '--quiet'], '-f'],
    [['analyze', log, '-o'], '-o'],
    [['analyze', log, '--max-splat-lines'], '--max-splat-lines'],
    [['analyze', log, '--threads'], '--threads'],
    [['layout', '--config'], '--config'],
    [['explain', '0x1', '--kernel'], '--kernel'],
    [['explain', '0x1', '-o'], '-o'],
    [['analyze', log, '--threads='], '--threads'],
    [['analyze', log, '-qf'], '-f'],
  ])('%j', async (argv, flag) => {
    const run = await runInProcess(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`vmemwarn: ${flag} needs a value (see 'vmemwarn --help')\n`);
    expect(run.stdout).toBe('');
  });

  // Found by review: with --help the check had printed the help and then failed with exit 2.
  test('--help with a flag short of its value prints the help, exit 0', async () => {
    const run = await runInProcess(['analyze', '--help', '--format']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  test('flags without values, `-` and negative numbers as values are not taken for it', async () => {
    expect((await runInProcess(['analyze', log, '--quiet', '--no-color', '-q', '--format', 'json'])).code).toBe(0);
    expect((await runInProcess(['analyze', log, '-o', '-', '-q'])).code).toBe(0);
    expect((await runInProcess(['explain', '--kernel', '6.1', '--', '-1'])).stderr).not.toMatch(/needs a value/);
  });
});

test('a usage error is one line, with the pointer to --help on it', async () => {
  const run = await runInProcess(['analyze', path.join(SAMPLES, 'plain-boot-6.6-unrelated-warning.log'), '--page-size', '8k']);
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
  expect(run.stderr).toMatch(/^vmemwarn: .*8k.* \(see 'vmemwarn --help'\)\n$/);
});

test('`--log -` reads the log from stdin, as `--log=-` does (yargs took the lone - for a positional)', () => {
  const input = readFileSync(path.join(SAMPLES, 'plain-boot-6.6-unrelated-warning.log'));
  const spaced = spawnCli(['layout', '--log', '-'], { input });
  expect(spaced.code).toBe(0);
  expect(spaced.stdout).toBe(spawnCli(['layout', '--log=-'], { input }).stdout);
  expect(spaced.stdout).toMatch(/^Layout E3/);
});

// util-linux script(1) gives the command a terminal for stdin; its own stdin at end of file ends the typed input.
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

(hasScript ? describe : describe.skip)('stdin a terminal (script(1) gives the process one)', () => {
  const onTerminal = (command: string): string =>
    spawnSync('script', ['-qec', command, '/dev/null'], { cwd: REPO_ROOT, input: '', encoding: 'utf8', env: { PATH: process.env.PATH } }).stdout;

  test('analyze, triage -, merge - and layout --log - say they read from the terminal and how to end it; -q and a file do not', () => {
    const note = (what: string): string => `vmemwarn: reading ${what} from the terminal: end it with Ctrl-D, or name a file instead`;
    expect(onTerminal('node bin/vmemwarn analyze')).toContain(note('the log'));
    expect(onTerminal('node bin/vmemwarn triage -')).toContain(note('a list of paths'));
    expect(onTerminal('node bin/vmemwarn layout --log -')).toContain(note('the log'));
    expect(onTerminal('node bin/vmemwarn merge -')).toContain(note('a summary'));
    expect(onTerminal('node bin/vmemwarn analyze -q')).not.toContain('from the terminal');
    expect(onTerminal(`node bin/vmemwarn analyze ${PLAIN}`)).not.toContain('from the terminal');
  });
});

describe('--config -', () => {
  test('layout reads the kernel config from stdin', () => {
    const run = spawnCli(['layout', '--kernel', '6.1', '--config', '-', '--format', 'json'], { input: 'CONFIG_ARM64_64K_PAGES=y\nCONFIG_ARM64_VA_BITS=52\n' });
    expect(run.code).toBe(0);
    const [first] = (JSON.parse(run.stdout) as { layouts: { pageShift: { value: number; source: { kind: string } }; vaBits: { value: number } }[] }).layouts;
    expect(first?.pageShift).toMatchObject({ value: 16, source: { kind: 'config' } });
    expect(first?.vaBits.value).toBe(52);
  });

  test('analyze reading its log from stdin refuses it (exit 2)', () => {
    const run = spawnCli(['analyze', '--config', '-'], { input: 'x\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--config - cannot read stdin');
  });

  test.each([
    [['layout', '-', '--config', '-']],
    [['layout', '--log', '-', '--config', '-']],
    [['explain', '0x1', '-', '--config', '-']],
  ])('%j: the log reads stdin, so the config cannot (exit 2)', (args) => {
    const run = spawnCli(args, { input: 'x\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--config - cannot read stdin: the log (- or --log -) reads it');
  });
});

describe('yargs inside the bundle (scripts/bundle-cli.mjs)', () => {
  test('its messages keep their translations: LANG=de_DE gives German headings', () => {
    const run = spawnCli(['--help'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Kommandos:');
  });

  test('a `yargs` key in the package.json of the directory it runs in does not configure its parser', () => {
    const dir = tempDir('pkg');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'elsewhere', yargs: { 'unknown-options-as-args': true } }));
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/vmemwarn'), 'analyze', '--bogus', AMDGPU], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown argument: bogus');
  });
});

test.each([
  [['analyze', '--format', 'json'], 'standard input is a directory'],
  [['triage', '-'], 'cannot read the list of paths: standard input is a directory'],
  [['merge', '-'], 'cannot read summary: standard input is a directory'],
  [['layout', '--config', '-'], 'cannot read kernel config: standard input is a directory'],
])('a directory on standard input (`%j < /`) is an input error, not empty input', (args, reason) => {
  const dir = openSync(REPO_ROOT, 'r');
  try {
    const run = spawnSync(process.execPath, ['bin/vmemwarn', ...args], { cwd: REPO_ROOT, stdio: [dir, 'pipe', 'pipe'], encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(run.stderr).toBe(`vmemwarn: -: ${reason}\n`);
  } finally {
    closeSync(dir);
  }
});

// Found by review: `vmemwarn frobnicate` said "Unknown argument: frobnicate", and `--threads abc` "… not NaN".
describe('usage errors name what is wrong', () => {
  test.each([
    [['frobnicate'], "unknown command 'frobnicate': Name a command: analyze, explain, layout, triage or merge."],
    // A log named where the command goes: the command that reads it is named.
    [
      ['samples/logs/e3-48-4k-amdgpu-populate-storm.log'],
      "unknown command 'samples/logs/e3-48-4k-amdgpu-populate-storm.log': Name a command: analyze, explain, layout, triage or merge. To read it as a log: vmemwarn analyze samples/logs/e3-48-4k-amdgpu-populate-storm.log",
    ],
    // A stray word after a command's positionals is an unknown argument, even one that spells the command.
    [['layout', '--kernel', '6.1', 'a.log', 'layout'], 'Unknown argument: layout'],
    [['explain', '--kernel', '6.1', '0x1', 'a.log', 'explain'], 'Unknown argument: explain'],
    [['analyze', '--threads', 'abc', 'x.log'], '--threads takes a number'],
    [['analyze', '--struct-page-size', 'abc', 'x.log'], '--struct-page-size takes a number'],
    [['triage', '--jobs', 'two', 'x.log'], '--jobs takes a number'],
    [['analyze', ''], "an empty path ('') names no file"],
    [['triage', 'x', '--shard', '2/99999999999999999999'], "--shard must be i/n with 1 ≤ i ≤ n ≤ 2^32, not '2/99999999999999999999'"],
    [['explain', '-0x10'], "explain: '-0x10' is no value it takes: an address, pfn:N or phys:N is unsigned hex (0xffff…)"],
    // Found by a review: read as the flags -0 and -x, `Unknown arguments: 0, x`.
    [['layout', '--memstart', '-0x1000'], "--memstart must be a 64-bit hex value, not '-0x1000'"],
    // Found by a review of the CLI: a value that begins with - and a digit but is no number was read as flags.
    [['triage', 'x', '--shard', '-1/4'], "--shard must be i/n with 1 ≤ i ≤ n ≤ 2^32, not '-1/4'"],
    [['layout', '--page-size', '-4k'], "--page-size must be 4k, 16k or 64k, not '-4k'"],
    [['analyze', 'x.log', '--max-decompressed', '-1KiB'], "--max-decompressed must be a size like 64KiB, 200MiB or 4GiB, not '-1KiB'"],
    [['layout', '--kernel', '-6.1-rc1'], "--kernel must look like 6.1, v6.1 or 5.15.0-91, not '-6.1-rc1'"],
    [['triage', 'x', '-j', '-1x'], '--jobs takes a number'],
    [['triage', 'x', ''], "an empty path ('') names no file"],
    // Found by a review of the CLI: the empty log was dropped, and the defaults given, exit 0.
    [['layout', ''], "an empty path ('') names no file"],
    [['layout', '--', ''], "an empty path ('') names no file"],
    [['explain', '0xfffffc0000000000', ''], "an empty path ('') names no file"],
    [['explain', '--', '0xfffffc0000000000', ''], "an empty path ('') names no file"],
    [['layout', '', '--kernel', ''], '--kernel needs a value'],
    // yargs said `Invalid values:` and then one indented line per flag.
    [['analyze', 'x.log', '--format', 'xml'], '--format "xml" is not one of "text", "json", "markdown"'],
    [['triage', 'x', '--format', 'xml', '--fail-on', 'foo'], '--format "xml" is not one of "text", "json", "markdown", "junit"; --fail-on "foo" is not one of "vmemmap", "warning", "bug", "panic", "any"'],
    // Found by an adversarial run: yargs reads these as false or as an object, which had been an internal error.
    [['analyze', 'x.log', '--no-output'], '--output takes a value (not --no-output or --output.<key>)'],
    [['analyze', 'x.log', '--no-max-line-bytes'], '--max-line-bytes takes a value (not --no-max-line-bytes or --max-line-bytes.<key>)'],
    [['analyze', 'x.log', '--memstart.a=1'], '--memstart takes a value (not --no-memstart or --memstart.<key>)'],
    [['layout', '--no-era'], '--era takes a value (not --no-era or --era.<key>)'],
    [['layout', '--no-log'], '--log takes a value (not --no-log or --log.<key>)'],
    [['triage', 'x', '--db.a=x'], '--db takes a value (not --no-db or --db.<key>)'],
    // Found by a review of the CLI: `--color.x 1` failed only once every input was read, naming the text renderer;
    // `--quiet.x 1` was taken for on. Every switch of every command is checked alike.
    [['analyze', 'x.log', '--color.x', '1'], '--color is on or off: --color or --no-color, not --color.<key>'],
    [['analyze', 'x.log', '--quiet.x', '1'], '--quiet is on or off: --quiet or --no-quiet, not --quiet.<key>'],
    [['triage', 'x', '--timestamps.a'], '--timestamps is on or off: --timestamps or --no-timestamps, not --timestamps.<key>'],
    [['triage', 'x', '--follow-symlinks.a=1'], '--follow-symlinks is on or off: --follow-symlinks or --no-follow-symlinks, not --follow-symlinks.<key>'],
    // Found by a review of the CLI: yargs reads any word after `--switch=` but `true` as false, in silence.
    [['analyze', 'x.log', '--color=maybe'], 'bad flag value: --color=maybe: --color is on or off: --color, --no-color, --color=true or --color=false'],
    [['analyze', 'x.log', '--color=1'], 'bad flag value: --color=1: --color is on or off: --color, --no-color, --color=true or --color=false'],
    [['triage', 'x', '--new-only=yes'], 'bad flag value: --new-only=yes: --new-only is on or off: --new-only, --no-new-only, --new-only=true or --new-only=false'],
  ])('%j', async (args, message) => {
    const run = await runInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`vmemwarn: ${message} (see 'vmemwarn --help')\n`);
  });

  test('a boolean flag may still be negated', async () => {
    const run = await runInProcess(['analyze', 'samples/logs/plain-boot-6.6-unrelated-warning.log', '--no-color', '--no-quiet']);
    expect(run.code).toBe(0);
  });

  test('a switch takes =true and =false', async () => {
    const log = 'samples/logs/plain-boot-6.6-unrelated-warning.log';
    expect((await runInProcess(['analyze', log, '--color=true'])).stdout).toContain('\x1b[');
    expect((await runInProcess(['analyze', log, '--color=false'])).stdout).not.toContain('\x1b[');
  });

  test('a missing summary is named in words', async () => {
    const run = await runInProcess(['merge', '/nonexistent-vmemwarn.json']);
    expect(run.stderr).toBe('vmemwarn: /nonexistent-vmemwarn.json: cannot read summary: no such file\n');
  });
});
