import type { ClusterReport } from './model-types.js';
import { clipText } from './clip-text.js';
import { sanitizeTerminal } from './terminal-sanitize.js';
import { escapeHtmlText, fencedBlock, htmlCode } from './markdown-escape.js';
import { capItems, capTitle, type RowCap } from './markdown-cap.js';
import { lineSpan, plural } from './report-facts.js';

/** Code points of one example line: a distro kernel's `Modules linked in:` runs to a few thousand. */
const LINE_CHARS = 2_000;

/**
 * The cluster's example splat, collapsed: `<details>` with the log lines in a fence they cannot close; its first
 * lines up to `cap`, each clipped, so that one splat cannot overflow a comment (the JSON keeps them all).
 */
export function renderMarkdownExample(c: ClusterReport, cap: RowCap): string[] {
  const s = c.example;
  const corrupted = s.corrupted ? `, corrupted: ${s.corrupted}` : '';
  const where = escapeHtmlText(`(lines ${lineSpan(s)}, boot ${s.bootIndex}${corrupted})`);
  const summary = `Example splat: ${htmlCode(capTitle(s.title))} ${where}`;
  // Measured as printed: a control character shows as four (`\x01`).
  const cut = capItems(
    s.lines.map((l) => clipText(sanitizeTerminal(l.text), LINE_CHARS)),
    cap,
    (line) => line.length + 1,
  );
  const dropped = s.droppedLines ?? 0;
  const tail = [
    ...(cut.omitted > 0 ? [`[${plural(cut.omitted, 'more line')} not shown; --format json lists them]`] : []),
    ...(dropped > 0 ? [`[${plural(dropped, 'more line')} not kept]`] : []),
  ];
  return ['', `<details><summary>${summary}</summary>`, '', fencedBlock([...cut.items, ...tail]), '', '</details>'];
}
