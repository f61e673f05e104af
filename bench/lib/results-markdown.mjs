import { TARGETS } from './targets.mjs';

const MB = 1e6;
const MIB = 2 ** 20;

const fmtSize = (bytes) => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(0)} GiB` : `${(bytes / MIB).toFixed(0)} MiB`);
const mbps = (bytes, seconds) => bytes / MB / seconds;
const verdict = (ok) => (ok ? 'pass' : '**FAIL**');

function throughputTable(rows) {
  const out = [
    '| mix | size | `WARNING:` lines | cat MB/s | grep MB/s | analyze MB/s | analyze s | analyze ÷ grep | target | peak RSS MiB | parts | one thread s |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|',
  ];
  for (const r of rows) {
    const cat = mbps(r.bytes, r.cat);
    const grep = mbps(r.bytes, r.grep);
    const head = `| ${r.mix} | ${fmtSize(r.bytes)} | ${r.grepCount} | ${cat.toFixed(0)} | ${grep.toFixed(0)} |`;
    if (r.analyze === undefined) {
      out.push(`${head} — | — | — | ≥ ${TARGETS.grepRatio[r.mix]}× — not measured: ${r.error} | — | — | — |`);
      continue;
    }
    const ours = mbps(r.bytes, r.analyze);
    const ratio = ours / grep;
    const target = TARGETS.grepRatio[r.mix];
    const rss = r.maxRssKiB === undefined ? '—' : (r.maxRssKiB / 1024).toFixed(1);
    const parts = r.partStarts === undefined ? '—' : String(r.partStarts.length + 1);
    const one = r.oneThread === undefined ? '—' : r.oneThread.toFixed(2);
    out.push(`${head} ${ours.toFixed(1)} | ${r.analyze.toFixed(2)} | ${ratio.toFixed(3)} | ≥ ${target}× ${verdict(ratio >= target)} | ${rss} | ${parts} | ${one} |`);
  }
  return out;
}

/** The 100 MiB logs as other tools capture them, beside the plain log. */
function formatLines(formats) {
  if (formats === undefined || formats.length === 0) return [];
  const out = [
    '',
    '## Log formats',
    '',
    'The 100 MiB logs above as other tools capture the same messages (`bench/lib/log-formats.mjs`); analyze ÷ grep',
    'on the formatted file, against the target of its mix. "Same report": each cluster\'s title and count, and the',
    'boots, as from the plain log.',
    '',
    '| mix | format | size | grep MB/s | analyze MB/s | analyze s | plain log s | analyze ÷ grep | target | peak RSS MiB | same report |',
    '|---|---|---|---:|---:|---:|---:|---:|---|---:|---|',
  ];
  for (const r of formats) {
    const grep = mbps(r.bytes, r.grep);
    const head = `| ${r.mix} | \`${r.format}\` | ${fmtSize(r.bytes)} | ${grep.toFixed(0)} |`;
    if (r.analyze === undefined) {
      out.push(`${head} — | — | ${r.plainAnalyze.toFixed(2)} | — | not measured: ${r.error} | — | — |`);
      continue;
    }
    const ratio = mbps(r.bytes, r.analyze) / grep;
    const target = TARGETS.grepRatio[r.mix];
    const rss = r.maxRssKiB === undefined ? '—' : (r.maxRssKiB / 1024).toFixed(1);
    const same = r.sameReport === undefined ? '—' : r.sameReport ? 'yes' : '**no**';
    out.push(`${head} ${mbps(r.bytes, r.analyze).toFixed(1)} | ${r.analyze.toFixed(2)} | ${r.plainAnalyze.toFixed(2)} | ${ratio.toFixed(3)} | ≥ ${target}× ${verdict(ratio >= target)} | ${rss} | ${same} |`);
  }
  return out;
}

function startupLines(rows, startup, referenceRuns, nodeStartup) {
  if (startup === undefined) return [];
  const steady = rows
    .filter((r) => r.analyze !== undefined && r.analyze > startup)
    .map((r) => {
      const ratio = mbps(r.bytes, r.analyze - startup) / mbps(r.bytes, r.grep);
      return `${r.mix} ${fmtSize(r.bytes)} ${ratio.toFixed(3)}×`;
    });
  // The whole run a target allows (grep's time ÷ the ratio), and what start-up leaves of it for reading the file.
  const budgets = rows
    .filter((r) => r.analyze !== undefined)
    .map((r) => {
      const allowed = r.grep / TARGETS.grepRatio[r.mix];
      return `${r.mix} ${fmtSize(r.bytes)} ${allowed.toFixed(2)} s, ${(allowed - startup).toFixed(2)} s after start-up`;
    });
  return [
    '',
    `Start-up (analyze of a one-line file, median of ${referenceRuns}): ${startup.toFixed(2)} s` +
      (nodeStartup === undefined ? '. ' : `, of which Node's own (\`node -e 0\`) ${nodeStartup.seconds.toFixed(2)} s${nodeStartup.extraCaCerts ? ' (NODE_EXTRA_CA_CERTS is set: each Node start reads that CA bundle first)' : ''}. `) +
      `With it taken out, analyze ÷ grep is: ${steady.join(', ')} (for reading only; the verdicts above include it).`,
    '',
    `What each target allows for the whole run (grep's time ÷ the target ratio): ${budgets.join('; ')}.`,
  ];
}

/** What Node itself takes for the least any analysis does (bench/lib/node-floor.mjs), beside grep and the target. */
function floorLines(rows, referenceRuns) {
  const measured = rows.filter((r) => r.nodeFloor !== undefined);
  if (measured.length === 0) return [];
  const each = measured.map((r) => {
    const ratio = r.grep / r.nodeFloor;
    return `${r.mix} ${fmtSize(r.bytes)} ${r.nodeFloor.toFixed(2)} s (${ratio.toFixed(2)}× grep, where the target asks ≥ ${TARGETS.grepRatio[r.mix]}×)`;
  });
  return [
    '',
    `Node's floor: \`bench/lib/node-floor.mjs\` reads the file in 64 KiB synchronous reads and counts its lines and ` +
      `\`WARNING:\` with \`Buffer.indexOf\`, nothing else (no strings, no parsing; Node's start-up included, median of ` +
      `${referenceRuns}): ${each.join('; ')}. The gap from there to analyze is vmemwarn's own start-up and work.`,
  ];
}

/** The first read in a process against the later ones (bench/lib/warm-read.mjs): what JIT warm-up costs. */
function warmLines(rows) {
  const measured = rows.filter((r) => r.warmReads?.length >= 2);
  if (measured.length === 0) return [];
  const each = measured.map((r) => {
    const [first, ...later] = r.warmReads;
    return `${r.mix} ${fmtSize(r.bytes)} ${first.toFixed(2)} s, then ${Math.min(...later).toFixed(2)} s`;
  });
  return [
    '',
    `JIT warm-up: the same process reading the file again (\`bench/lib/warm-read.mjs\`: three reads through the ` +
      `library, one thread, start-up in none of them; the first, then the fastest of the others): ${each.join('; ')}.`,
  ];
}

function rssLines(rows) {
  const out = [];
  for (const mix of ['quiet', 'storm']) {
    const sized = rows.filter((r) => r.mix === mix && r.maxRssKiB !== undefined).sort((a, b) => a.bytes - b.bytes);
    if (sized.length === 0) continue;
    const mibs = sized.map((r) => r.maxRssKiB / 1024);
    const peak = Math.max(...mibs);
    let line = `- ${mix}: ${sized.map((r, i) => `${mibs[i].toFixed(1)} MiB at ${fmtSize(r.bytes)}`).join(', ')}; ` +
      `≤ ${TARGETS.maxRssMiB} MiB ${verdict(peak <= TARGETS.maxRssMiB)}`;
    if (sized.length > 1) {
      const spread = peak - Math.min(...mibs);
      const noise = Math.max(TARGETS.rssNoise.absoluteMiB, TARGETS.rssNoise.relative * peak);
      line += `; size-independent (spread ${spread.toFixed(1)} MiB ≤ ${noise.toFixed(1)}) ${verdict(spread <= noise)}`;
    }
    out.push(line);
    const single = sized.filter((r) => r.oneThreadRssKiB !== undefined);
    if (single.some((r) => (r.partStarts?.length ?? 0) > 0)) {
      // A file read in parts has a second isolate: the size of the step is the thread, not the input.
      out.push(`  - with \`--threads 1\`: ${single.map((r) => `${(r.oneThreadRssKiB / 1024).toFixed(1)} MiB at ${fmtSize(r.bytes)}`).join(', ')} ` +
        '(the default run above read the larger log in two parts, with a second isolate)');
    }
    const live = sized.filter((r) => r.liveHeapBytes !== undefined);
    if (live.length > 0) {
      out.push(`  - live heap after a forced GC at the end (what the analysis keeps): ` +
        `${live.map((r) => `${(r.liveHeapBytes / MIB).toFixed(1)} MiB at ${fmtSize(r.bytes)}`).join(', ')}`);
    }
  }
  return out;
}

function triageLines(t) {
  if (t === undefined) return ['Not run (`--no-triage`).'];
  const corpus = `${t.files} files, ${(t.bytes / MIB).toFixed(1)} MiB in total`;
  if (t.unavailable) return [`Not measured: ${t.unavailable} (${corpus}). The code path is in bench/run.mjs.`];
  const speedup = t.jobs1 / t.jobs2;
  return [
    `Corpus: ${corpus}.`,
    '',
    '| jobs | wall s | MB/s | CPU s (all threads) | peak RSS MiB |',
    '|---:|---:|---:|---:|---:|',
    `| 1 | ${t.jobs1.toFixed(2)} | ${mbps(t.bytes, t.jobs1).toFixed(1)} | ${t.cpu1?.toFixed(2) ?? '–'} | ${mib(t.rssKiB?.jobs1)} |`,
    `| 2 | ${t.jobs2.toFixed(2)} | ${mbps(t.bytes, t.jobs2).toFixed(1)} | ${t.cpu2?.toFixed(2) ?? '–'} | ${mib(t.rssKiB?.jobs2)} |`,
    `| 1 + 1 (two processes, \`--shard 1/2\` and \`2/2\`, at once) | ${t.shards.toFixed(2)} | ${mbps(t.bytes, t.shards).toFixed(1)} | – | ${mib(t.rssKiB?.shard)} each |`,
    '',
    `Speed-up --jobs 2 ÷ --jobs 1: **${speedup.toFixed(2)}×** (target ≥ ${TARGETS.triageSpeedup}×) ${verdict(speedup >= TARGETS.triageSpeedup)}`,
    '',
    `The same work as two processes with nothing shared (two shard processes vs --jobs 1): ` +
      `**${(t.jobs1 / t.shards).toFixed(2)}×**; each process pays start-up and JIT warm-up again.`,
    ...contentionLines(t),
    ...cpuLines(t),
    ...compileLines(t),
    ...largeInputLines(t),
    '',
    `What the machine gives two processes over one: a CPU-bound busy loop ${t.capacity[0].toFixed(2)}× before and ` +
      `${t.capacity[1].toFixed(2)}× after the triage runs (2.00× when idle); a memory-bound copy loop ` +
      `${t.memory.toFixed(2)}×` +
      (t.jsLineLoop === undefined ? '.' : `; a plain JavaScript line-parsing loop (a string, a regex and a match per line, ` +
        `no start-up or JIT warm-up worth the name) ${t.jsLineLoop.toFixed(2)}×.`),
    ...triageMemoryLines(t),
  ];
}

function mib(kib) {
  return kib === undefined ? '–' : (kib / 1024).toFixed(1);
}

/** What triage keeps: the live heap after a forced GC at the end, for part of the corpus and for all of it. */
function triageMemoryLines(t) {
  if (!t.liveHeaps || t.liveHeaps.length === 0) return [];
  const heaps = t.liveHeaps.map((h) => `${(h.bytes / MIB).toFixed(1)} MiB after ${h.inputs} inputs`).join(', ');
  return [
    '',
    `Live heap after a forced GC at the end of an in-process triage (what it keeps): ${heaps}. Peak RSS above that ` +
      'is heap V8 has not collected yet; the CLI applies the heap policy of `analyze` to triage too (the young ' +
      'generation capped, the old one let grow 20 % past its live size: 5-10 % of its CPU time on small logs, for a ' +
      'peak that no longer grows with the number of inputs).',
  ];
}

/**
 * Whether the cores or V8's helper threads limit two processes: each shard process timed alone and beside the
 * other, as they are and under `node --single-threaded`.
 */
function contentionLines(t) {
  const { helperThreads, singleThreaded } = t.shardSlowdown ?? {};
  if (helperThreads === undefined || singleThreaded === undefined) return [];
  return [
    '',
    `Each shard process runs ${helperThreads.toFixed(2)}× as long beside the other as alone; under ` +
      `\`node --single-threaded\` (V8 compiles and collects garbage on the thread that runs the code, with no helper ` +
      `threads) ${singleThreaded.toFixed(2)}× (median over the two shards and the runs). Where the second figure is ` +
      `near 1 the cores themselves are not what two processes or threads share badly: it is the spare core that V8's ` +
      `helper threads (the optimizing compiler, concurrent marking and sweeping) have to themselves while one runs alone.`,
  ];
}

/** What the CPU times say: how many cores `--jobs 1` keeps busy, and how much more work `--jobs 2` does. */
function cpuLines(t) {
  if (t.cpu1 === undefined || t.cpu2 === undefined) return [];
  const busy = t.cpu1 / t.jobs1;
  return [
    '',
    `\`--jobs 1\` keeps ${busy.toFixed(2)} cores busy (V8 compiles and collects garbage on threads of its own), so two ` +
      `cores can give it at most ${(2 / busy).toFixed(2)}×; \`--jobs 2\` spends ${(t.cpu2 / t.cpu1).toFixed(2)}× the CPU ` +
      `time of \`--jobs 1\` on the same work (a second isolate compiles the code again, and two threads slow each other).`,
  ];
}

/** TurboFan's background compile time per run: the part of the CPU time every extra isolate adds. */
function compileLines(t) {
  if (t.compile === undefined) return [];
  const { jobs1, jobs2 } = t.compile;
  return [
    '',
    `V8's optimizing compiler (TurboFan, \`--trace-opt\`) spent ${jobs1.seconds.toFixed(2)} s on ${jobs1.functions} ` +
      `functions in a \`--jobs 1\` run and ${jobs2.seconds.toFixed(2)} s on ${jobs2.functions} in a \`--jobs 2\` run: ` +
      'the worker compiles the same hot code again, on the cores the analysis wants.',
  ];
}

/** The speed-up on a few large logs, where the costs each isolate pays once are small beside the work. */
function largeInputLines(t) {
  if (t.large === undefined) return [];
  const { files, bytes, jobs1, jobs2 } = t.large;
  return [
    '',
    `On ${files} logs of ${fmtSize(bytes / files)} (${fmtSize(bytes)}; the 100 MiB bench logs, half quiet, half storm), where ` +
      `those costs are small beside the work: \`--jobs 1\` ${jobs1.toFixed(2)} s, \`--jobs 2\` ${jobs2.toFixed(2)} s, ` +
      `speed-up **${(jobs1 / jobs2).toFixed(2)}×** (for reading; the verdict above is on the 500-file corpus).`,
  ];
}

/** bench/RESULTS.md from one `bench/run.mjs` run. */
export function resultsMarkdown({ machine, loadAtEnd, runs, referenceRuns, quick, rows, formats, startup, nodeStartup, triage, profiles }) {
  return [
    '# vmemwarn benchmark results',
    '',
    `Written by \`npm run bench\`${quick ? ' --quick (100 MiB only, 1 run: development numbers)' : ''} on ${machine.date}.`,
    '',
    `- Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB.toFixed(1)} GiB RAM (${machine.platform});`,
    // The load at the end counts the bench's own processes of the last minute; only the start says what else ran.
    `  1-minute load average ${machine.loadAtStart.toFixed(2)} at the start and ${loadAtEnd.toFixed(2)} at the end ` +
      `(the end counts this run)${machine.loadAtStart > 0.5 ? '; other work was running at the start: timings are noisy' : ''}`,
    `- Node ${machine.node}; median of ${runs} run${runs === 1 ? '' : 's'} of analyze/triage and ${referenceRuns} of cat/grep;`,
    '  every file read from page cache (`cat` once before timing). MB = 10^6 bytes.',
    '- analyze: `node bin/vmemwarn analyze --format json FILE > /dev/null` (default threads: a large file is read in',
    '  parts, "parts" below; "one thread" is the same with `--threads 1`); grep: `LC_ALL=C grep -c \'WARNING:\' FILE`;',
    '  cat: `cat FILE > /dev/null` (the physical reference). Peak RSS from `/usr/bin/time -f %M` (largest of the runs).',
    '- Inputs: bench/generate-log.mjs (seeded, deterministic). quiet ≈ one splat per 2000 lines; storm: a third of',
    '  all lines inside splats (vmemmap_populate/vmemmap_free WARNING storms plus mvpp2 warnings and Oopses).',
    '',
    '## Throughput',
    '',
    ...throughputTable(rows),
    ...startupLines(rows, startup, referenceRuns, nodeStartup),
    ...floorLines(rows, referenceRuns),
    ...warmLines(rows),
    ...formatLines(formats),
    '',
    '## Peak RSS of analyze',
    '',
    ...rssLines(rows),
    '',
    '## triage',
    '',
    ...triageLines(triage),
    ...(profiles?.length ? ['', '## CPU profile (100 MiB, self time)', ''] : []),
    ...(profiles ?? []).flatMap((p) => [`### ${p.mix}`, '', p.markdown, '']),
    '',
  ].join('\n');
}
