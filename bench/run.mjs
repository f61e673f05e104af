#!/usr/bin/env node
/**
 * The vmemwarn benchmark (`npm run bench`, which builds first). See bench/README.md.
 *
 *   node bench/run.mjs [--quick] [--runs N] [--dir /tmp/vmemwarn-bench] [--no-triage] [--profile]
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DIR, ensureLog } from './generate-log.mjs';
import { machineInfo } from './lib/machine-info.mjs';
import { timedRun } from './lib/timed-run.mjs';
import { median } from './lib/median.mjs';
import { ensureTriageCorpus } from './lib/triage-corpus.mjs';
import { resultsMarkdown } from './lib/results-markdown.mjs';
import { profileAnalyze } from './lib/profile-analyze.mjs';
import { jsLineLoopCapacity, memoryCapacity, parallelCapacity } from './lib/parallel-capacity.mjs';
import { optimizingCompileTime } from './lib/optimizing-compile-time.mjs';
import { renderProfileSummary } from './lib/cpu-profile.mjs';
import { ensureFormattedLog, LOG_FORMATS } from './lib/log-formats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'bin', 'vmemwarn');
const NODE_FLOOR = path.join(ROOT, 'bench', 'lib', 'node-floor.mjs');
const MIB = 2 ** 20;
const REFERENCE_RUNS = 5;
/** --profile covers the 100 MiB files: enough samples, and a 1 GiB profile is slow to write and read. */
const PROFILE_SIZE_BYTES = 100 * MIB;
const TRIAGE_FILES = 500;
// 1 MiB each: with 200 KiB files the whole corpus took 0.8 s of analysis, and the fixed start-up (0.2 s per
// process, plus loading the worker) decided the speed-up more than the parallel work did.
const TRIAGE_FILE_BYTES = 1024 * 1024;
/** --jobs 1 takes seconds on this corpus; far longer means a hang. */
const TRIAGE_TIMEOUT_SECONDS = 300;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    dir: { type: 'string', default: DEFAULT_DIR },
    'no-triage': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs ?? (values.quick ? 1 : 3));
const sizes = values.quick ? [100 * MIB] : [100 * MIB, 1024 * MIB];
const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

/** Reads the file(s) once so every timed run starts from page cache. */
async function warmCache(files) {
  const result = await timedRun('cat', files);
  if (result.code !== 0) throw new Error(`cat failed: ${result.stderr}`);
}

/** `name exited N: <the line of stderr that says why>` (an error line if there is one, not Node's version footer). */
function failure(name, result) {
  const lines = result.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('Node.js v'));
  const why = lines.find((l) => /error|vmemwarn:/i.test(l)) ?? lines.at(-1);
  return `${name} exited ${result.code}${why ? `: ${why.slice(0, 200)}` : ''}`;
}

async function measureFile(mix, sizeBytes) {
  const file = await ensureLog(values.dir, { seed: 1, sizeBytes, mix });
  const { size: bytes } = await stat(file);
  log(`${mix} ${(bytes / MIB).toFixed(0)} MiB: ${file}`);
  await warmCache([file]);
  const times = { cat: [], grep: [], floor: [], analyze: [], oneThread: [] };
  let maxRssKiB;
  let oneThreadRssKiB;
  let error;
  let grepCount;
  // cat and grep finish a 100 MiB file in milliseconds, so they get more runs to steady their median.
  for (let run = 0; run < Math.max(runs, REFERENCE_RUNS); run++) {
    times.cat.push((await timedRun('cat', [file])).seconds);
    const grep = await timedRun('grep', ['-c', 'WARNING:', file], { env: { LC_ALL: 'C' }, captureStdout: true });
    if (grep.code !== 0 && grep.code !== 1) throw new Error(failure('grep', grep));
    times.grep.push(grep.seconds);
    grepCount = Number(grep.stdout.trim());
    const floor = await timedRun(NODE_FLOOR, [NODE_FLOOR, file], { node: true });
    if (floor.code !== 0) throw new Error(failure('node-floor', floor));
    times.floor.push(floor.seconds);
    if (error !== undefined || run >= runs) continue;
    const analyze = await timedRun(CLI, [CLI, 'analyze', '--format', 'json', '--quiet', file], { node: true });
    if (analyze.code !== 0) {
      error = failure('analyze', analyze);
      log(error);
      continue;
    }
    times.analyze.push(analyze.seconds);
    if (analyze.maxRssKiB !== undefined) maxRssKiB = Math.max(maxRssKiB ?? 0, analyze.maxRssKiB);
    // The same read by one thread: what the parts (src/analyze/parts/) add, and the per-thread speed.
    const oneThread = await timedRun(CLI, [CLI, 'analyze', '--format', 'json', '--quiet', '--threads', '1', file], { node: true });
    if (oneThread.code === 0) times.oneThread.push(oneThread.seconds);
    if (oneThread.maxRssKiB !== undefined) oneThreadRssKiB = Math.max(oneThreadRssKiB ?? 0, oneThread.maxRssKiB);
    log(`  run ${run + 1}: analyze ${analyze.seconds.toFixed(2)} s, one thread ${oneThread.seconds.toFixed(2)} s`);
  }
  const liveHeapBytes = error === undefined ? await liveHeap(file) : undefined;
  const warmReads = error === undefined ? await warmRead(file) : undefined;
  return {
    mix,
    sizeBytes,
    bytes,
    file,
    ...(liveHeapBytes !== undefined && { liveHeapBytes }),
    ...(warmReads !== undefined && { warmReads }),
    cat: median(times.cat),
    grep: median(times.grep),
    grepCount,
    nodeFloor: median(times.floor),
    ...(times.analyze.length > 0 && error === undefined ? { analyze: median(times.analyze), maxRssKiB } : { error }),
    ...(times.oneThread.length > 0 && { oneThread: median(times.oneThread), oneThreadRssKiB }),
    partStarts: await partStarts(file),
  };
}

/**
 * The 100 MiB logs as other tools capture them (bench/lib/log-formats.mjs): analyze's time, peak RSS and report
 * beside those of the plain log, and grep's time on the same file. The two mixes had hidden formats that took the
 * plain path: every coloured line or journal entry decoded and parsed.
 */
async function measureFormats(plainRows) {
  const rows = [];
  for (const plain of plainRows.filter((r) => r.sizeBytes === 100 * MIB && r.analyze !== undefined)) {
    const plainReport = await reportKey(plain.file);
    for (const format of Object.keys(LOG_FORMATS)) {
      const file = await ensureFormattedLog(plain.file, format, values.dir);
      const { size: bytes } = await stat(file);
      log(`${plain.mix} as ${format}: ${(bytes / MIB).toFixed(0)} MiB`);
      await warmCache([file]);
      const times = { grep: [], analyze: [] };
      let maxRssKiB;
      let error;
      for (let run = 0; run < Math.max(runs, REFERENCE_RUNS); run++) {
        const grep = await timedRun('grep', ['-c', 'WARNING:', file], { env: { LC_ALL: 'C' }, captureStdout: true });
        times.grep.push(grep.seconds);
        if (error !== undefined || run >= runs) continue;
        const analyze = await timedRun(CLI, [CLI, 'analyze', '--format', 'json', '--quiet', file], { node: true });
        if (analyze.code !== 0) error = failure('analyze', analyze);
        else times.analyze.push(analyze.seconds);
        if (analyze.maxRssKiB !== undefined) maxRssKiB = Math.max(maxRssKiB ?? 0, analyze.maxRssKiB);
      }
      const key = error === undefined && plainReport !== undefined ? await reportKey(file) : undefined;
      const sameReport = key === undefined ? undefined : key === plainReport;
      rows.push({
        mix: plain.mix,
        format,
        bytes,
        grep: median(times.grep),
        plainAnalyze: plain.analyze,
        ...(error === undefined ? { analyze: median(times.analyze), maxRssKiB, sameReport } : { error }),
      });
    }
  }
  return rows;
}

/** What a format must not change in the report: each cluster's title and count, and the boots. */
async function reportKey(file) {
  const out = path.join(values.dir, 'format-report.json');
  const r = await timedRun('sh', ['-c', `"${process.execPath}" "${CLI}" analyze --format json --quiet "${file}" > "${out}"`]);
  if (r.code !== 0) return undefined;
  const input = JSON.parse(readFileSync(out, 'utf8')).inputs[0];
  await rm(out, { force: true });
  return JSON.stringify([input.boots.length, input.clusters.map((c) => [c.title, c.count])]);
}

/** Where the default run's parts start (none: read in one piece), as analyze plans them on this machine. */
async function partStarts(file) {
  const { planParts } = await import(path.join(ROOT, 'dist', 'analyze', 'parts', 'plan-parts.js'));
  const { availableParallelism } = await import('node:os');
  return planParts(file, Math.min(availableParallelism(), 2))?.splits.map((s) => s.start) ?? [];
}

/** Wall time of `analyze` on a one-line file: Node's start, module loading and report writing. */
async function measureStartup() {
  const file = path.join(values.dir, 'one-line.log');
  await writeFile(file, '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]\n');
  const times = [];
  for (let run = 0; run < REFERENCE_RUNS; run++) {
    times.push((await timedRun(CLI, [CLI, 'analyze', '--format', 'json', '--quiet', file], { node: true })).seconds);
  }
  return median(times);
}

/**
 * Node's own start-up (`node -e 0`, median), the part of vmemwarn's that no change to it can take off. With
 * NODE_EXTRA_CA_CERTS set, as on some hosts, every Node start reads that CA bundle first (0.13 s against 0.05 s seen).
 */
async function measureNodeStartup() {
  const times = [];
  for (let run = 0; run < REFERENCE_RUNS; run++) times.push((await timedRun('node', ['-e', '0'], { node: true })).seconds);
  return { seconds: median(times), extraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS) };
}

/** Seconds of three reads of `file` in one process (bench/lib/warm-read.mjs): JIT warm-up, then warm code. */
async function warmRead(file) {
  const r = await timedRun('node', [path.join(ROOT, 'bench', 'lib', 'warm-read.mjs'), file], { node: true, captureStdout: true });
  if (r.code !== 0) return undefined;
  return r.stdout.trim().split(' ').map(Number);
}

/** The live heap after a forced GC at the end of an analysis of `file` (bench/lib/live-heap.mjs). */
async function liveHeap(file) {
  return (await liveHeapAfter('live-heap.mjs', [file]))?.bytes;
}

/**
 * Runs a bench/lib script that does some work, forces a GC and prints `heapUsed count`: the live heap it reports,
 * and the count of what it analysed (splats, inputs). Undefined when the script fails.
 */
async function liveHeapAfter(script, args) {
  const argv = ['--expose-gc', path.join(ROOT, 'bench', 'lib', script), ...args];
  const r = await timedRun('node', argv, { node: true, captureStdout: true });
  if (r.code !== 0) return undefined;
  const [bytes, count] = r.stdout.trim().split(' ').map(Number);
  return { bytes, count };
}

/** The files of `dir`, their total size, read once so that the timed runs start from page cache. */
async function warmDirectory(dir) {
  const files = (await readdir(dir)).map((f) => path.join(dir, f));
  const bytes = (await Promise.all(files.map((f) => stat(f)))).reduce((sum, s) => sum + s.size, 0);
  await warmCache(files);
  return { files, bytes };
}

/**
 * The shard processes timed alone and at once, with V8's helper threads and without them. The first variant's run at
 * once is also the "two shard processes" row of the triage table.
 */
const HELPER_THREAD_VARIANTS = [
  { key: 'helperThreads', label: '', nodeFlags: [] },
  { key: 'singleThreaded', label: ' under node --single-threaded', nodeFlags: ['--single-threaded'] },
];

async function measureTriage() {
  const dir = await ensureTriageCorpus(values.dir, TRIAGE_FILES, TRIAGE_FILE_BYTES);
  const { files, bytes } = await warmDirectory(dir);
  log(`triage: ${files.length} files in ${dir}`);
  const capacityBefore = await parallelCapacity();
  const times = { 1: [], 2: [], shards: [] };
  const cpu = { 1: [], 2: [] };
  const rss = { 1: [], 2: [], shards: [] };
  const slowdowns = Object.fromEntries(HELPER_THREAD_VARIANTS.map((v) => [v.key, []]));
  for (let run = 0; run < runs; run++) {
    for (const variant of HELPER_THREAD_VARIANTS) {
      const shards = await shardProcesses(dir, variant.nodeFlags);
      if (shards.unavailable) return { files: files.length, bytes, unavailable: shards.unavailable };
      slowdowns[variant.key].push(shards.slowdown);
      if (variant === HELPER_THREAD_VARIANTS[0]) {
        times.shards.push(shards.seconds);
        rss.shards.push(...shards.maxRssKiB);
      }
      log(`  run ${run + 1}: two triage --jobs 1 --shard i/2 processes${variant.label}: alone ` +
        `${shards.alone.map((s) => s.toFixed(2)).join(' and ')} s, at once ${shards.together.map((s) => s.toFixed(2)).join(' and ')} s ` +
        `(${shards.seconds.toFixed(2)} s in all)`);
    }
    for (const jobs of [1, 2]) {
      const r = await triageRun(dir, ['--jobs', String(jobs)]);
      if (r.unavailable) return { files: files.length, bytes, unavailable: r.unavailable };
      times[jobs].push(r.seconds);
      if (r.cpuSeconds !== undefined) cpu[jobs].push(r.cpuSeconds);
      if (r.maxRssKiB !== undefined) rss[jobs].push(r.maxRssKiB);
      log(`  run ${run + 1}: triage --jobs ${jobs} ${r.seconds.toFixed(2)} s`);
    }
  }
  const capacity = [capacityBefore, await parallelCapacity()];
  const memory = await memoryCapacity();
  const jsLineLoop = await jsLineLoopCapacity();
  const liveHeaps = [await triageLiveHeap(dir, '1/2'), await triageLiveHeap(dir, '1/1')].filter((h) => h !== undefined);
  const compile = await compileTimes(dir);
  const large = await measureLargeTriage();
  return {
    files: files.length,
    bytes,
    rssKiB: { jobs1: maxOf(rss[1]), jobs2: maxOf(rss[2]), shard: maxOf(rss.shards) },
    liveHeaps,
    jobs1: median(times[1]),
    jobs2: median(times[2]),
    ...(cpu[1].length > 0 && cpu[2].length > 0 && { cpu1: median(cpu[1]), cpu2: median(cpu[2]) }),
    shards: median(times.shards),
    shardSlowdown: Object.fromEntries(HELPER_THREAD_VARIANTS.map((v) => [v.key, median(slowdowns[v.key])])),
    capacity,
    memory,
    jsLineLoop,
    ...(compile && { compile }),
    ...(large && { large }),
  };
}

/** TurboFan's background time in `--jobs 1` and `--jobs 2` runs over the corpus: a cost each isolate pays anew. */
async function compileTimes(dir) {
  const run = (jobs) => optimizingCompileTime([CLI, 'triage', '--jobs', String(jobs), '--quiet', '-o', '/dev/null', dir]);
  const [jobs1, jobs2] = [await run(1), await run(2)];
  return jobs1 && jobs2 ? { jobs1, jobs2 } : undefined;
}

/**
 * The speed-up where per-isolate costs (start-up, loading the worker, JIT warm-up) are small beside the work:
 * 8 logs of 100 MiB (the 100 MiB bench logs, 4 copies of each mix: triage reads a hard-linked file once).
 */
async function measureLargeTriage() {
  const dir = path.join(values.dir, 'triage-large');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  for (const mix of ['quiet', 'storm']) {
    const file = await ensureLog(values.dir, { seed: 1, sizeBytes: 100 * MIB, mix });
    for (let i = 1; i <= 4; i++) await copyFile(file, path.join(dir, `${mix}-${i}.log`));
  }
  const { files, bytes } = await warmDirectory(dir);
  const times = { 1: [], 2: [] };
  for (let run = 0; run < runs; run++) {
    for (const jobs of [1, 2]) {
      const r = await triageRun(dir, ['--jobs', String(jobs)]);
      if (r.unavailable) return undefined;
      times[jobs].push(r.seconds);
      log(`  large inputs, run ${run + 1}: triage --jobs ${jobs} ${r.seconds.toFixed(2)} s`);
    }
  }
  return { files: files.length, bytes, jobs1: median(times[1]), jobs2: median(times[2]) };
}

function maxOf(values) {
  return values.length > 0 ? Math.max(...values) : undefined;
}

/** The live heap after a forced GC at the end of an in-process triage of part `shard` of `dir`, and its inputs. */
async function triageLiveHeap(dir, shard) {
  const heap = await liveHeapAfter('triage-live-heap.mjs', [dir, shard]);
  return heap && { bytes: heap.bytes, inputs: heap.count };
}

/**
 * The same corpus split by `--shard 1/2` and `2/2` into two separate processes, run as `node NODE_FLAGS vmemwarn …`
 * (none, or `--single-threaded`: V8 compiles and collects garbage on the thread that runs the code, with no helper
 * threads). Each is timed alone, then both at once: `seconds`, the wall time of the two at once, is what two cores
 * give this workload with nothing shared, each process paying its own start-up and JIT warm-up; `slowdown`, the
 * median over the two of (time at once ÷ time alone), how much they slow each other.
 */
async function shardProcesses(dir, nodeFlags) {
  const shards = ['1/2', '2/2'];
  const run = (shard) => triageRun(dir, ['--jobs', '1', '--shard', shard], nodeFlags);
  const alone = [];
  for (const shard of shards) alone.push(await run(shard));
  const started = process.hrtime.bigint();
  const together = await Promise.all(shards.map(run));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const failed = [...alone, ...together].find((r) => r.unavailable);
  if (failed) return failed;
  return {
    seconds,
    maxRssKiB: together.map((r) => r.maxRssKiB).filter((k) => k !== undefined),
    alone: alone.map((r) => r.seconds),
    together: together.map((r) => r.seconds),
    slowdown: median(together.map((r, i) => r.seconds / alone[i].seconds)),
  };
}

/** One `node NODE_FLAGS vmemwarn triage FLAGS --format json --quiet DIR` run: its wall time, or why it has none. */
async function triageRun(dir, flags, nodeFlags = []) {
  const name = `${nodeFlags.length > 0 ? `node ${nodeFlags.join(' ')} ` : ''}triage ${flags.join(' ')}`;
  const r = await timedRun(CLI, [...nodeFlags, CLI, 'triage', ...flags, '--format', 'json', '--quiet', dir], {
    node: true,
    timeoutSeconds: TRIAGE_TIMEOUT_SECONDS,
  });
  if (r.timedOut) return { unavailable: `${name} did not finish in ${TRIAGE_TIMEOUT_SECONDS} s (killed)` };
  // Exit 1 cannot happen without --fail-on; 2 is a usage error such as an unknown command.
  if (r.code !== 0) return { unavailable: failure(name, r) };
  return {
    seconds: r.seconds,
    ...(r.cpuSeconds !== undefined && { cpuSeconds: r.cpuSeconds }),
    ...(r.maxRssKiB !== undefined && { maxRssKiB: r.maxRssKiB }),
  };
}

async function profiles(rows) {
  const out = [];
  for (const row of rows.filter((r) => r.sizeBytes === PROFILE_SIZE_BYTES)) {
    const { profilePath, summary } = await profileAnalyze(CLI, row.file, path.join(values.dir, 'prof'), ROOT);
    log(`profile ${row.mix}: ${profilePath}`);
    out.push({ mix: row.mix, markdown: renderProfileSummary(summary) });
  }
  return out;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'main.js'))) log('dist/ is missing: run `npm run build` (npm run bench does)');
  const machine = machineInfo();
  const rows = [];
  for (const sizeBytes of sizes) {
    for (const mix of ['quiet', 'storm']) rows.push(await measureFile(mix, sizeBytes));
  }
  const formats = await measureFormats(rows);
  const startup = await measureStartup();
  const nodeStartup = await measureNodeStartup();
  const triage = values['no-triage'] ? undefined : await measureTriage();
  const profiled = values.profile ? await profiles(rows.filter((r) => r.analyze !== undefined)) : undefined;
  const markdown = resultsMarkdown({
    machine,
    loadAtEnd: os.loadavg()[0],
    runs,
    referenceRuns: Math.max(runs, REFERENCE_RUNS),
    quick: values.quick,
    rows,
    formats,
    startup,
    nodeStartup,
    triage,
    profiles: profiled,
  });
  await writeFile(path.join(ROOT, 'bench', 'RESULTS.md'), markdown);
  process.stdout.write(markdown);
}

main().catch((err) => {
  process.stderr.write(`bench: ${err.stack ?? err}\n`);
  process.exit(1);
});
