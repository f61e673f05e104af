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
 * Self time per function of a V8 `.cpuprofile` (Chrome DevTools format: nodes, samples, timeDeltas). A sample's
 * time is the delta to the next sample, charged to the sampled node. Functions are grouped by name and location;
 * `(idle)`, `(program)` and `(garbage collector)` stay as V8 names them.
 * @returns {{ totalMs: number, functions: { name: string, location: string, file: string, selfMs: number, percent: number }[], files: { file: string, selfMs: number, percent: number }[] }}
 */
export function summarizeProfile(profile, root = process.cwd()) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const delta = timeDeltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + delta);
  }
  const functions = new Map();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    const name = node.callFrame.functionName || '(anonymous)';
    const location = locationOf(node.callFrame, root);
    const key = `${name}@${location}`;
    const entry = functions.get(key) ?? { name, location, file: location.replace(/:\d+$/, ''), selfUs: 0 };
    entry.selfUs += us;
    functions.set(key, entry);
  }
  const files = new Map();
  for (const f of functions.values()) files.set(f.file, (files.get(f.file) ?? 0) + f.selfUs);
  const pct = (us) => (totalUs === 0 ? 0 : (100 * us) / totalUs);
  return {
    totalMs: totalUs / 1000,
    functions: [...functions.values()]
      .sort((a, b) => b.selfUs - a.selfUs)
      .map((f) => ({ name: f.name, location: f.location, file: f.file, selfMs: f.selfUs / 1000, percent: pct(f.selfUs) })),
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
    '| self % by file | file |',
    '|---:|---|',
    ...summary.files.slice(0, 10).map((f) => `| ${f.percent.toFixed(1)} | ${f.file} |`),
  ];
  return lines.join('\n');
}
