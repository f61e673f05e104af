#!/usr/bin/env node
/**
 * What a line inside a report costs in the whole LogAnalyzer and in each of its stages alone, in ns: record assembly
 * (prefix stripping, joins), the needle screen, the boot-fact collector, the segmenter with its field parsers, and
 * the clusters (signatures, accumulators). Ingest is left out: the lines are taken from `cut here` to `---[ end` in the first --mib MiB of FILE
 * and split beforehand. Best of --runs passes (the first ones warm the JIT). Needs dist/ (`npm run build`).
 *
 *   node bench/stage-costs.mjs /tmp/vmemwarn-bench/storm-104857600b-seed1-g2.log [--mib 30] [--runs 10]
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RecordAssembler } from '../dist/parse/record-assembler.js';
import { BootFactCollector } from '../dist/parse/boot-facts.js';
import { Segmenter } from '../dist/parse/segmenter.js';
import { holdsRecordNeedle } from '../dist/parse/record-screen.js';
import { LogAnalyzer } from '../dist/analyze/analyzer.js';
import { signatureOf } from '../dist/analyze/signature.js';
import { ClusterAccumulator } from '../dist/analyze/cluster-accumulator.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { mib: { type: 'string', default: '30' }, runs: { type: 'string', default: '10' } },
});
if (positionals.length !== 1) {
  process.stderr.write('usage: node bench/stage-costs.mjs FILE [--mib N] [--runs N]\n');
  process.exit(2);
}

function head(file, bytes) {
  const buf = Buffer.allocUnsafe(bytes);
  const fd = openSync(file, 'r');
  try {
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The lines of every report: from its `cut here` line to its `---[ end trace` line. */
function reportLines(text) {
  const lines = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (line.includes('cut here')) inside = true;
    if (inside) lines.push(line);
    if (line.includes('---[ end ')) inside = false;
  }
  return lines;
}

const lines = reportLines(head(positionals[0], Number(values.mib) * 1024 * 1024));
/** The records of those lines, built once the assembly stage has been timed (a heap holding them slows it). */
const records = [];
function assembleRecords() {
  const assembler = new RecordAssembler();
  lines.forEach((line, i) => records.push(...assembler.push(i + 1, line, false)));
  records.push(...assembler.flush());
}

/** Best time of `run` over --runs passes, per report line. */
function nsPerLine(run) {
  let best = Infinity;
  for (let pass = 0; pass < Number(values.runs); pass++) {
    const started = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - started));
  }
  return best / lines.length;
}

const STAGES = {
  'whole LogAnalyzer': () => {
    const analyzer = new LogAnalyzer();
    lines.forEach((line, i) => analyzer.pushLine(i + 1, line, false));
    analyzer.finish({ lines: lines.length, bytes: 0, truncatedLines: 0, encoding: 'utf-8' });
  },
  'record assembly': () => {
    const assembler = new RecordAssembler();
    lines.forEach((line, i) => assembler.push(i + 1, line, false));
  },
  'needle screen': () => {
    for (const rec of records) holdsRecordNeedle(rec.text);
  },
  'boot facts (screened)': () => {
    const boots = new BootFactCollector();
    for (const rec of records) boots.push(rec, holdsRecordNeedle(rec.text));
  },
  'segmenter (screened)': () => {
    const segmenter = new Segmenter({ onSplat: () => {} });
    for (const rec of records) segmenter.push(rec, 0, holdsRecordNeedle(rec.text));
    segmenter.finish();
  },
};

/** The reports, kept for the cluster stage only: measured last, since a heap holding them all slows every pass. */
function clusterStage() {
  const splats = [];
  const segmenter = new Segmenter({ onSplat: (splat) => splats.push(splat) });
  for (const rec of records) segmenter.push(rec, 0);
  segmenter.finish();
  return {
    name: `clusters of the ${splats.length} reports (signature, accumulators)`,
    run: () => {
      const clusters = new Map();
      for (const splat of splats) {
        const signature = signatureOf(splat);
        let acc = clusters.get(signature.id);
        if (!acc) clusters.set(signature.id, (acc = new ClusterAccumulator(signature, splat)));
        acc.add(splat);
      }
    },
  };
}

process.stdout.write(`${lines.length} report lines\n\n| stage | ns per line |\n|---|---:|\n`);
for (const [name, run] of Object.entries(STAGES)) {
  if (name === 'needle screen') assembleRecords();
  process.stdout.write(`| ${name} | ${nsPerLine(run).toFixed(0)} |\n`);
}
const clusters = clusterStage();
process.stdout.write(`| ${clusters.name} | ${nsPerLine(clusters.run).toFixed(0)} |\n`);
