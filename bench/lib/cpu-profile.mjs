import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Location of a profile node, shortened to a repo-relative path when possible. */
function locationOf(callFrame, root) {
  const { url, lineNumber } = callFrame;
  if (!url) return '(native)';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const shown = file.startsWith(root) ? path.relative(root, file) : file;
  return `${shown}:${lineNumber + 1}`;
}

/**
 * Self and total time per function of a V8 `.cpuprofile` (Chrome DevTools format: nodes, samples, timeDeltas). A
 * sample's time is the delta to the next sample, charged as self time to the sampled node and as total time once to
 * every distinct function on its stack (so recursion does not count twice). Functions are grouped by name and
 * location; `(idle)`, `(program)` and `(garbage collector)` stay as V8 names them.
 * @returns {{ totalMs: number, functions: { name: string, location: string, file: string, selfMs: number, percent: number, totalMs: number, totalPercent: number }[], files: { file: string, selfMs: number, percent: number }[] }}
 */
export function summarizeProfile(profile, root = process.cwd()) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const functions = new Map();
  const functionOf = (node) => {
    const name = node.callFrame.functionName || '(anonymous)';
    const location = locationOf(node.callFrame, root);
    const key = `${name}@${location}`;
    let entry = functions.get(key);
    if (!entry) {
      entry = { name, location, file: location.replace(/:\d+$/, ''), selfUs: 0, totalUs: 0 };
      functions.set(key, entry);
    }
    return entry;
  };
  let totalUs = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const us = timeDeltas[i + 1] ?? 0;
    const sampled = byId.get(samples[i]);
    if (!sampled) continue;
    totalUs += us;
    functionOf(sampled).selfUs += us;
    const onStack = new Set();
    for (let node = sampled; node; node = byId.get(parentOf.get(node.id))) onStack.add(functionOf(node));
    for (const entry of onStack) entry.totalUs += us;
  }
  const files = new Map();
  for (const f of functions.values()) files.set(f.file, (files.get(f.file) ?? 0) + f.selfUs);
  const pct = (us) => (totalUs === 0 ? 0 : (100 * us) / totalUs);
  return {
    totalMs: totalUs / 1000,
    functions: [...functions.values()]
      .filter((f) => f.name !== '(root)')
      .sort((a, b) => b.selfUs - a.selfUs)
      .map((f) => ({
        name: f.name,
        location: f.location,
        file: f.file,
        selfMs: f.selfUs / 1000,
        percent: pct(f.selfUs),
        totalMs: f.totalUs / 1000,
        totalPercent: pct(f.totalUs),
      })),
    files: [...files]
      .sort((a, b) => b[1] - a[1])
      .map(([file, us]) => ({ file, selfMs: us / 1000, percent: pct(us) })),
  };
}

/** A function name fit for a table cell: V8 names a regex by its whole source, which can run to a paragraph. */
function shortName(name) {
  const flat = name.replace(/\n/g, '\\n').replace(/\|/g, '\\|');
  return flat.length > 70 ? `${flat.slice(0, 69)}…` : flat;
}

/** The summary as a Markdown table block: top `top` functions, then top files. */
export function renderProfileSummary(summary, top = 15) {
  const lines = [
    `Total sampled: ${(summary.totalMs / 1000).toFixed(2)} s`,
    '',
    '| # | self % | self ms | function | location |',
    '|---:|---:|---:|---|---|',
    ...summary.functions
      .slice(0, top)
      .map((f, i) => `| ${i + 1} | ${f.percent.toFixed(1)} | ${f.selfMs.toFixed(0)} | \`${shortName(f.name)}\` | ${f.location} |`),
    '',
    '| # | total % | total ms | function (with what it calls) | location |',
    '|---:|---:|---:|---|---|',
    ...[...summary.functions]
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, top)
      .map((f, i) => `| ${i + 1} | ${f.totalPercent.toFixed(1)} | ${f.totalMs.toFixed(0)} | \`${shortName(f.name)}\` | ${f.location} |`),
    '',
    '| self % by file | file |',
    '|---:|---|',
    ...summary.files.slice(0, 10).map((f) => `| ${f.percent.toFixed(1)} | ${f.file} |`),
  ];
  return lines.join('\n');
}
