#!/usr/bin/env node
/**
 * Prints where a CPU profile spends its time: the top self-time functions with %, then the top files.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/vmemwarn analyze --format json FILE > /dev/null
 *   node bench/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--top 15]
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderProfileSummary, summarizeProfile } from './lib/cpu-profile.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '15' } },
});
if (positionals.length === 0) {
  process.stderr.write('usage: node bench/profile-summary.mjs FILE.cpuprofile... [--top N]\n');
  process.exit(2);
}
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
for (const file of positionals) {
  const summary = summarizeProfile(JSON.parse(await readFile(file, 'utf8')), repoRoot);
  process.stdout.write(`## ${file}\n\n${renderProfileSummary(summary, Number(values.top))}\n\n`);
}
