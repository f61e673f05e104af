import { createHash } from 'node:crypto';
import path from 'node:path';
import type { AnalysisResult } from '../analyze/types.js';
import { buildReport } from '../report/model.js';
import { renderJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { makeDirs } from '../util/make-dirs.js';
import { replaceFile } from '../util/replace-file.js';

const MAX_READABLE_CHARS = 100;
/** Of a longer name, its head (the input's own path, an archive's name) is kept this long, before its tail. */
const HEAD_CHARS = 40;

/**
 * File name stem for a log's reports: the log name with every character outside `[A-Za-z0-9._-]` turned into
 * `_` (readable, maps back to the input path), plus a hash of `identity` (the exact name, and for an archive
 * member its position too), so two logs never collide, not even two members of one name, and the same log always
 * gets the same file.
 */
export function reportFileStem(logName: string, identity = logName): string {
  // Leading dots go after the cut too: a kept tail that starts with one would make a hidden file.
  const whole = logName.replace(/^[/\\]+/, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  // Cut in the middle: the tail alone had dropped the archive a member came from (`t.tar`, `t.tar.gz` and `z.zip`
  // gave one member the same readable name).
  const cut = whole.length <= MAX_READABLE_CHARS ? whole : `${whole.slice(0, HEAD_CHARS)}__${whole.slice(-(MAX_READABLE_CHARS - HEAD_CHARS - 2))}`;
  const readable = cut.replace(/^\.+/, '_');
  const hash = createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, 10);
  return `${readable}.${hash}`;
}

/** Writes `<stem>.json` and `<stem>.md` for one log into `outDir`; returns their names relative to it. */
export async function writeLogReports(outDir: string, result: AnalysisResult, identity = result.source): Promise<{ json: string; markdown: string }> {
  const stem = reportFileStem(result.source, identity);
  const report = buildReport([result]);
  const names = { json: `${stem}.json`, markdown: `${stem}.md` };
  await makeDirs(outDir);
  // Whole or not at all (a full disk): a cut-off or empty .json beside the others had passed for a report.
  await replaceFile(path.join(outDir, names.json), renderJson(report));
  await replaceFile(path.join(outDir, names.markdown), renderMarkdown(report));
  return names;
}
