import type { ClusterReport } from './model-types.js';
import { escapeHtmlText, fencedBlock } from './markdown-escape.js';
import { lineSpan } from './report-facts.js';

/** The cluster's example splat, collapsed: `<details>` with the log lines in a fence they cannot close. */
export function renderMarkdownExample(c: ClusterReport): string[] {
  const s = c.example;
  const corrupted = s.corrupted ? `, corrupted: ${s.corrupted}` : '';
  const summary = `Example splat: ${s.title} (lines ${lineSpan(s)}, boot ${s.bootIndex}${corrupted})`;
  const lines = s.lines.map((l) => l.text);
  const hidden = s.droppedLines ?? 0;
  return [
    '',
    `<details><summary>${escapeHtmlText(summary)}</summary>`,
    '',
    fencedBlock(hidden > 0 ? [...lines, `[${hidden} more line${hidden === 1 ? '' : 's'} not kept]`] : lines),
    '',
    '</details>',
  ];
}
