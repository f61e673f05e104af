/**
 * The bad-input catalogue: every hostile or broken input, run through the built CLI (`node bin/vmemwarn`, against
 * dist/) for exact exit codes, signals and pipes. Errors and notes are one line on stderr naming the input.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { hasTool, tarBuffer } from '../triage/fixture-tree.js';
import { ELF_HEAD, noise, PNG_HEAD, PLAIN_SAMPLE, sampleText, STORM_SAMPLE, writeGzipBomb, writeHugeLine } from './_bad-files.js';
import { distBuilt, maxRssKib, runBin, stackLines, type BinRun } from './_run-bin.js';
import { copiesOf } from '../_copies.js';

interface JsonReport {
  summary: { splats: number; clusters: number; corruptedSplats: number };
  inputs: {
    source: string;
    warnings: string[];
    stats: { lines: number; truncatedLines: number };
    clusters: { title: string; count: number; corruptedCount: number; example: { hardware?: string; corrupted?: string }; vmemmap: { readCount: number }[] }[];
  }[];
}

const report = (run: BinRun): JsonReport => JSON.parse(run.stdout) as JsonReport;
const titles = (run: BinRun): string[] => report(run).inputs.flatMap((i) => i.clusters.map((c) => c.title));

const describeBuilt = distBuilt ? describe : describe.skip;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-bad-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, data: string | Buffer): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, data);
  return p;
}

/** The sample's splat as lines, and the lines around it. */
async function sampleParts(): Promise<{ before: string[]; splat: string[]; after: string[] }> {
  const lines = (await sampleText()).split('\n');
  const start = lines.findIndex((l) => l.includes('cut here'));
  const end = lines.findIndex((l) => l.includes('end trace'));
  return { before: lines.slice(0, start), splat: lines.slice(start, end + 1), after: lines.slice(end + 1) };
}

describeBuilt('bad inputs to analyze: text that is not quite a log', () => {
  test('empty input: exit 0, a note naming it', async () => {
    const run = await runBin(['analyze', await file('empty.log', '')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/empty\.log: empty input/);
  });

  test('only whitespace: exit 0, a note naming it', async () => {
    const run = await runBin(['analyze', await file('blank.log', ' \n\t\r\n   \n')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/blank\.log: input holds only whitespace/);
  });

  test.each([
    ['ELF', 'program.elf', ELF_HEAD, 'ELF executable'],
    ['PNG', 'picture.png', PNG_HEAD, 'PNG image'],
    ['random', 'random.bin', Buffer.alloc(0), 'control bytes or NUL'],
  ])('binary file (%s header + random bytes): exit 0, a note naming it and saying why', async (_kind, name, head, why) => {
    const run = await runBin(['analyze', await file(name, Buffer.concat([head, noise(64 * 1024)]))]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${name}: binary file (`);
    expect(run.stderr).toContain(why);
    expect(stackLines(run.stderr)).toEqual([]);
  });

  test('NUL bytes mid-line are dropped: the splat is found with its fields intact', async () => {
    const text = (await sampleText()).replace('Hardware name:', 'Hard\0ware name:').replace('Call trace:', 'Call\0\0 trace:');
    const run = await runBin(['analyze', '--format', 'json', await file('nul.log', text)]);
    expect(run.code).toBe(0);
    expect(titles(run)).toEqual(['WARNING in clk_core_disable']);
    expect(report(run).summary.corruptedSplats).toBe(0);
    const clean = await runBin(['analyze', '--format', 'json', PLAIN_SAMPLE]);
    expect(report(run).inputs[0]!.clusters[0]!.example.hardware).toBe(report(clean).inputs[0]!.clusters[0]!.example.hardware);
  });

  test('invalid UTF-8 becomes U+FFFD and nothing else changes', async () => {
    const text = Buffer.from((await sampleText()).replace('Hardware name: Radxa ROCK', 'Hardware name: Radxa \u0001ROCK'));
    const broken = Buffer.from(text.toString('latin1').replace('\u0001', '\xff\xfe\xc3'), 'latin1');
    const run = await runBin(['analyze', '--format', 'json', await file('invalid-utf8.log', broken)]);
    expect(run.code).toBe(0);
    expect(titles(run)).toEqual(['WARNING in clk_core_disable']);
    expect(report(run).inputs[0]!.clusters[0]!.example.hardware).toContain('\ufffd');
  });

  test.each([
    ['utf-16le', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['utf-16be', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
  ])('%s with BOM: the splat is found, and a note names the input and its encoding', async (encoding, encode) => {
    const run = await runBin(['analyze', '--format', 'json', await file(`${encoding}.log`, encode((await sampleText()).replace(/\n/g, '\r\n')))]);
    expect(run.code).toBe(0);
    expect(titles(run)).toEqual(['WARNING in clk_core_disable']);
    expect(run.stderr).toContain(`${encoding}.log: input decoded as ${encoding}`);
  });

  test.each([['CRLF', '\r\n'], ['lone CR', '\r']])('%s line ends: the same report as LF', async (name, eol) => {
    const lf = await runBin(['analyze', '--format', 'json', PLAIN_SAMPLE]);
    const run = await runBin(['analyze', '--format', 'json', await file(`${eol.length}.log`, (await sampleText()).replace(/\n/g, eol))]);
    expect(run.code).toBe(0);
    // Only the byte count may differ: CRLF adds a byte a line.
    const strip = (r: JsonReport) => r.inputs.map((i) => ({ ...i, source: '', stats: { ...i.stats, bytes: 0 } }));
    expect(strip(report(run))).toEqual(strip(report(lf)));
  });

  test('a splat cut off mid-register-dump at end of file: found and marked corrupted', async () => {
    const { before, splat } = await sampleParts();
    const cut = splat.slice(0, splat.findIndex((l) => l.includes('x20:')) + 1);
    const run = await runBin(['analyze', '--format', 'json', await file('cut.log', [...before, ...cut].join('\n'))]);
    expect(run.code).toBe(0);
    expect(titles(run)).toEqual(['WARNING in clk_core_disable']);
    expect(report(run).inputs[0]!.clusters[0]!.example.corrupted).toMatch(/log ends inside the report/);
  });

  test('two splats interleaved line by line, no caller ids: both found, the mix marked corrupted', async () => {
    const { before, splat, after } = await sampleParts();
    const other = splat.map((l) => l.replace(/clk_core_disable/g, 'dev_watchdog').replace('CPU: 2', 'CPU: 5'));
    const mixed = splat.flatMap((l, i) => [l, other[i]!]);
    const run = await runBin(['analyze', '--format', 'json', await file('interleaved.log', [...before, ...mixed, ...after].join('\n'))]);
    expect(run.code).toBe(0);
    expect(report(run).summary.splats).toBe(2);
    expect(report(run).summary.corruptedSplats).toBeGreaterThanOrEqual(1);
  });

  test('the same interleaving with printk caller ids ([T87], [T99]): both splats found whole', async () => {
    const { before, splat, after } = await sampleParts();
    const withCaller = (line: string, caller: string) => line.replace(/^(\[[^\]]*\]) /, `$1 [${caller.padStart(6)}] `);
    const other = splat.map((l) => l.replace(/clk_core_disable/g, 'dev_watchdog'));
    const mixed = splat.flatMap((l, i) => [withCaller(l, 'T87'), withCaller(other[i]!, 'T99')]);
    const run = await runBin(['analyze', '--format', 'json', await file('interleaved-callers.log', [...before, ...mixed, ...after].join('\n'))]);
    expect(run.code).toBe(0);
    expect(titles(run).sort()).toEqual(['WARNING in clk_core_disable', 'WARNING in dev_watchdog']);
    expect(report(run).summary.corruptedSplats).toBe(0);
  });

  test('a register dump of garbage hex: the splats are found, no register range is read from it', async () => {
    const text = (await sampleText(STORM_SAMPLE))
      .split('\n')
      .map((l) => l.replace(/(x\d+\s*: )[0-9a-f]{16}/g, '$1zzzz0000ffffqqqq'))
      .join('\n');
    const run = await runBin(['analyze', '--format', 'json', await file('garbage-regs.log', text)]);
    const clean = await runBin(['analyze', '--format', 'json', STORM_SAMPLE]);
    expect(run.code).toBe(0);
    expect(report(run).summary.splats).toBe(report(clean).summary.splats);
    const vmemmap = report(run).inputs[0]!.clusters.flatMap((c) => c.vmemmap);
    expect(vmemmap.length).toBeGreaterThan(0);
    expect(vmemmap.every((v) => v.readCount === 0)).toBe(true);
  });

  test('a single 200 MB line: kept to the cap, flagged truncated, memory stays bounded', async () => {
    if (!existsSync('/usr/bin/time')) {
      console.warn('skipped: /usr/bin/time (for the child maxRSS) is not installed');
      return;
    }
    const huge = path.join(dir, 'one-line.log');
    await writeHugeLine(huge, 200 * 1024 * 1024);
    const run = await runBin(['analyze', '--format', 'json', huge], { measureMaxRss: true, timeoutMs: 110_000 });
    await rm(huge);
    expect(run.code).toBe(0);
    expect(report(run).inputs[0]!.stats).toMatchObject({ lines: 2, truncatedLines: 1 });
    // Reading the file alone costs Node about 80 MiB of RSS; the line itself must not be held.
    expect(maxRssKib(run)).toBeLessThan(200 * 1024);
  }, 120_000);
});

describeBuilt('bad inputs to analyze: compressed data', () => {
  test('a truncated gzip: exit 3 naming it, the splats before the cut still reported (3 wins over --fail-on)', async () => {
    const gz = gzipSync(await sampleText(STORM_SAMPLE));
    const run = await runBin(['analyze', '--format', 'json', '--fail-on', 'vmemmap', await file('cut.log.gz', gz.subarray(0, gz.length >> 1))]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cut\.log\.gz: truncated gzip data/);
    expect(report(run).summary.splats).toBeGreaterThan(0);
    expect(stackLines(run.stderr)).toEqual([]);
  });

  test('a gzip bomb stops at the decompressed-size limit (exit 3 naming it); --max-decompressed raises the limit', async () => {
    const bomb = path.join(dir, 'bomb.gz');
    await writeGzipBomb(bomb, 64 * 1024 * 1024);
    const stopped = await runBin(['analyze', '--max-decompressed', '1MiB', bomb]);
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toMatch(/bomb\.gz: decompressed data exceeds the limit of 1048576 bytes/);
    const raised = await runBin(['analyze', '--max-decompressed', '128MiB', '--format', 'json', bomb]);
    expect(raised.code).toBe(0);
    expect(report(raised).summary.splats).toBe(0);
  });
});

describeBuilt('bad inputs to triage: archives', () => {
  test('a tar with `../`, absolute and symlink members: read in memory, reported, never written, names escaped', async () => {
    const log = Buffer.from(await sampleText());
    const tar = await tarBuffer([
      { name: '../escape.log', data: log },
      { name: '/abs/root.log', data: log },
      { name: 'link.log', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'esc\x1b]8;;http://evil.example\x07name\x1b[2J.log', data: log },
    ]);
    const work = await mkdtemp(path.join(dir, 'tar-'));
    const archive = path.join(work, 'in', 'evil.tar');
    await mkdir(path.dirname(archive));
    await writeFile(archive, tar);
    const out = path.join(work, 'out');
    await mkdir(out);
    const run = await runBin(['triage', '-j', '1', '--out', out, archive]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/evil\.tar:\.\.\/escape\.log\s+warning\s+member name climbs out of the archive/);
    expect(run.stdout).toMatch(/evil\.tar:\/abs\/root\.log\s+warning\s+absolute member name/);
    expect(run.stdout).toMatch(/evil\.tar:link\.log\s+skipped\s+symlink member -> \/etc\/passwd/);
    expect(run.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    // Nothing lands next to the archive, above it, or at the absolute path; --out holds flat, escaped names only.
    expect(existsSync(path.join(work, 'escape.log'))).toBe(false);
    expect(existsSync('/abs/root.log')).toBe(false);
    expect((await readdir(path.join(work, 'in'))).sort()).toEqual(['evil.tar']);
    const written = await readdir(out);
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((n) => !n.includes('/') && !/[\x00-\x1f\x7f]/.test(n))).toBe(true);
  });

  (hasTool('zip') ? test : test.skip)('a zip with an encrypted member: skipped and reported by name, the rest read', async () => {
    const work = await mkdtemp(path.join(dir, 'zip-'));
    await writeFile(path.join(work, 'secret.log'), await sampleText());
    await writeFile(path.join(work, 'open.log'), await sampleText());
    execFileSync('zip', ['-q', '-P', 'pw', 'logs.zip', 'secret.log'], { cwd: work });
    execFileSync('zip', ['-q', 'logs.zip', 'open.log'], { cwd: work });
    const run = await runBin(['triage', '-j', '1', path.join(work, 'logs.zip')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/logs\.zip:secret\.log\s+skipped\s+encrypted zip member/);
    expect(run.stdout).toContain('logs.zip:open.log');
  });
});

describeBuilt('bad inputs: the file system', () => {
  test('a directory with a symlink loop (--follow-symlinks): the walk ends, the loop is reported', async () => {
    const root = await mkdtemp(path.join(dir, 'loop-'));
    await mkdir(path.join(root, 'a'));
    await symlink('..', path.join(root, 'a', 'up'));
    await writeFile(path.join(root, 'a', 'boot.log'), await sampleText());
    const run = await runBin(['triage', '-j', '1', '--follow-symlinks', root], { timeoutMs: 20_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/a\/up\s+skipped\s+symlink loop/);
    expect(run.stdout).toContain('WARNING in clk_core_disable');
  });

  test('a file without read permission: exit 3, one line naming it', async () => {
    const secret = await file('secret.log', await sampleText());
    await chmod(secret, 0o600);
    await chmod(dir, 0o755);
    // Root reads any file whatever its mode, so as root the CLI runs as nobody; elsewhere the mode does it.
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) await chmod(secret, 0o000);
    const run = await runBin(['analyze', secret], asRoot ? { uid: 65534, gid: 65534 } : {});
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${secret}: permission denied`);
    expect(stackLines(run.stderr)).toEqual([]);
  });

  test('a FIFO named on the command line is read', async () => {
    const fifo = path.join(dir, 'console.fifo');
    execFileSync('mkfifo', [fifo]);
    const text = await sampleText();
    const run = await runBin(['analyze', '--format', 'json', fifo], {
      onSpawn: (child) => {
        child.stdin?.end();
        // Opening a FIFO for writing waits for its reader, so this runs alongside the CLI.
        void writeFile(fifo, text);
      },
    });
    expect(run.code).toBe(0);
    expect(titles(run)).toEqual(['WARNING in clk_core_disable']);
  });

  test('a FIFO met in a directory walk is skipped with a reason, never opened', async () => {
    const root = await mkdtemp(path.join(dir, 'walk-'));
    execFileSync('mkfifo', [path.join(root, 'pipe.log')]);
    await writeFile(path.join(root, 'boot.log'), await sampleText());
    const run = await runBin(['triage', '-j', '1', root], { timeoutMs: 20_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/pipe\.log\s+skipped\s+not a regular file \(FIFO\)/);
    expect(run.stdout).toContain('WARNING in clk_core_disable');
  });
});

describeBuilt('bad inputs: pipes and signals', () => {
  test('stdout closed early (| head -1): vmemwarn exits 0 with a one-line note, no EPIPE stack trace', async () => {
    const status = path.join(dir, 'status');
    const err = path.join(dir, 'stderr');
    // Thirty inputs make a JSON report far larger than a pipe buffer, so the write meets the closed pipe.
    const inputs = copiesOf(STORM_SAMPLE, 30).map((copy) => JSON.stringify(copy)).join(' ');
    const head = execFileSync('sh', ['-c', `{ ${JSON.stringify(process.execPath)} bin/vmemwarn analyze --format json ${inputs} 2>${err}; echo $? >${status}; } | head -1`], {
      encoding: 'utf8',
    });
    expect(head).toBe('{\n');
    expect((await readFile(status, 'utf8')).trim()).toBe('0');
    const stderr = await readFile(err, 'utf8');
    expect(stderr).toMatch(/^vmemwarn: stdout closed before the report was fully written\n$/);
    expect(stackLines(stderr)).toEqual([]);
  });

  // Found by a review: `triage … | head` exited 3 with only the stdout note, the failed input never named.
  test('stdout closed early under triage: the inputs that failed are still named on stderr, exit 3', async () => {
    const tree = path.join(dir, 'closed-stdout-tree');
    await mkdir(tree);
    const text = await sampleText(PLAIN_SAMPLE);
    // 200 logs make a JSON summary larger than a pipe buffer, so the write meets the closed pipe.
    for (let i = 0; i < 200; i++) await writeFile(path.join(tree, `l${i}.log`), text);
    await writeFile(path.join(tree, 'cut.log.gz'), gzipSync(text).subarray(0, 50));
    const status = path.join(dir, 'triage-status');
    const err = path.join(dir, 'triage-stderr');
    execFileSync('sh', ['-c', `{ ${JSON.stringify(process.execPath)} bin/vmemwarn triage -j 1 --format json ${JSON.stringify(tree)} 2>${err}; echo $? >${status}; } | head -c 10 >/dev/null`]);
    expect((await readFile(status, 'utf8')).trim()).toBe('3');
    const stderr = await readFile(err, 'utf8');
    expect(stderr).toContain(`vmemwarn: ${path.join(tree, 'cut.log.gz')}: truncated gzip data\n`);
    expect(stderr).toContain('vmemwarn: stdout closed before the report was fully written\n');
    expect(stackLines(stderr)).toEqual([]);
  });

  test('SIGINT during analyze of a big stdin stream: exit 130, the report covers what was read', async () => {
    const chunk = Buffer.from(await sampleText(STORM_SAMPLE));
    const run = await runBin(['analyze', '-', '--format', 'json'], {
      onSpawn: (child) => {
        let writes = 0;
        const pump = (): void => {
          while (child.exitCode === null && writes < 2000 && child.stdin!.write(chunk)) writes++;
          if (child.exitCode === null && writes < 2000) child.stdin!.once('drain', pump);
        };
        pump();
        setTimeout(() => child.kill('SIGINT'), 1500);
      },
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('interrupted');
    expect(report(run).summary.splats).toBeGreaterThan(0);
  });

  test('SIGINT while stdin is idle: exit 130 at once with the report of what was read', async () => {
    const run = await runBin(['analyze', '-', '--format', 'json'], {
      timeoutMs: 10_000,
      onSpawn: (child) => {
        // The writer sends one log and then goes quiet without closing stdin.
        void sampleText().then((t) => child.stdin!.write(t));
        setTimeout(() => child.kill('SIGINT'), 1500);
      },
    });
    expect(run.code).toBe(130);
    expect(titles(run)).toEqual(['WARNING in clk_core_disable']);
  });

  test('SIGINT during triage of many files: exit 130, the summary of the finished logs is written', async () => {
    const root = await mkdtemp(path.join(dir, 'many-'));
    const big = gzipSync((await sampleText(STORM_SAMPLE)).repeat(10));
    // Gzipped copies: four hundred logs for little disk (a hundred were read before the signal once the parsers got
    // faster). Hard links would be one file, which triage reads once.
    for (let i = 0; i < 400; i++) await writeFile(path.join(root, `log-${i}.log.gz`), big);
    const run = await runBin(['triage', '-j', '1', '--format', 'json', root], {
      onSpawn: (child) => setTimeout(() => child.kill('SIGINT'), 2500),
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('interrupted');
    const summary = JSON.parse(run.stdout) as { interrupted: boolean; totals: { logs: number } };
    expect(summary.interrupted).toBe(true);
    // 400 logs were queued: the run stopped before the end.
    expect(summary.totals.logs).toBeLessThan(400);
  }, 60_000);
});

describeBuilt('usage errors: exit 2 and a one-line message', () => {
  test.each([
    ['analyze into a missing directory', ['analyze', '-o', '/nonexistent-vmemwarn/dir/report.txt', 'x.log'], '/nonexistent-vmemwarn/dir'],
    ['triage into a missing directory', ['triage', '-o', '/nonexistent-vmemwarn/dir/summary.json', 'x.log'], '/nonexistent-vmemwarn/dir'],
    ['merge into a missing directory', ['merge', '-o', '/nonexistent-vmemwarn/dir/merged.json', 'x.json'], '/nonexistent-vmemwarn/dir'],
    ['analyze into an existing directory', ['analyze', '-o', '/tmp', 'x.log'], '--output /tmp: is a directory'],
  ])('%s: an --output that cannot be written is refused and named', async (_cmd, args, named) => {
    const run = await runBin(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(named);
  });

  test.each([
    ['analyze', '--bogus=1', 'bogus'],
    ['analyze', '--format=pdf', 'pdf'],
    ['analyze', '--max-line-bytes=lots', 'lots'],
    ['analyze', '--max-decompressed=-1', '--max-decompressed'],
    ['analyze', '--max-splat-lines=3', '--max-splat-lines'],
    ['analyze', '--va-bits=41', '--va-bits'],
    ['analyze', '--fail-on=sometimes', 'sometimes'],
    ['explain', '--bogus=1', 'bogus'],
    ['explain', '--page-size=3k', '3k'],
    ['layout', '--bogus=1', 'bogus'],
    ['layout', '--memstart=zz', 'zz'],
    ['triage', '--bogus=1', 'bogus'],
    ['triage', '--jobs=0', '--jobs'],
    ['triage', '--shard=5/4', '5/4'],
    ['merge', '--bogus=1', 'bogus'],
    ['merge', '--format=pdf', 'pdf'],
    ['frobnicate', '--x=1', 'frobnicate'],
  ])('%s %s', async (cmd, flag, named) => {
    const operand = cmd === 'explain' ? ['0xffffffffaee00000', '--kernel', '6.1'] : cmd === 'layout' ? ['--kernel', '6.1'] : ['x.log'];
    const run = await runBin([cmd, ...operand, flag]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toContain(named);
    expect(stackLines(run.stderr)).toEqual([]);
  });
});
