#!/usr/bin/env node
/**
 * Prints where a CPU profile spends its time: the top functions by self time and by total time (with what they
 * call), then the top files. A directory stands for the profiles in it.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/vmemwarn analyze --format json FILE > /dev/null
 *   node bench/profile-summary.mjs /tmp/prof [--top 15]
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderProfileSummary, summarizeProfile } from './lib/cpu-profile.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '15' } },
});
if (positionals.length === 0) {
  process.stderr.write('usage: node bench/profile-summary.mjs FILE.cpuprofile|DIR... [--top N]\n');
  process.exit(2);
}

async function profilesIn(spec) {
  if (!(await stat(spec)).isDirectory()) return [spec];
  const names = (await readdir(spec)).filter((n) => n.endsWith('.cpuprofile')).sort();
  return names.map((n) => path.join(spec, n));
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
for (const file of (await Promise.all(positionals.map(profilesIn))).flat()) {
  const summary = summarizeProfile(JSON.parse(await readFile(file, 'utf8')), repoRoot);
  process.stdout.write(`## ${file}\n\n${renderProfileSummary(summary, Number(values.top))}\n\n`);
}
