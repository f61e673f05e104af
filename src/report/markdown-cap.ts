import { clipText } from './clip-text.js';
import { plural } from './report-facts.js';

/**
 * Markdown is what gets pasted into an issue or a merge-request comment, and those have limits (a GitHub comment
 * takes 65,536 characters). A long table keeps its first rows up to a row count and a character budget; the text and
 * JSON formats keep everything.
 */
/** The most characters a GitHub issue or pull-request comment takes. */
export const GITHUB_COMMENT_CHARS = 65_536;

/** How much one part of a Markdown report or summary may take: at most `rows` rows and `chars` characters (Infinity: no cap). */
export interface RowCap {
  rows: number;
  chars: number;
}

/** Code points of a log-derived title in a table row or a summary line: one title must not fill a comment. */
const TITLE_CHARS = 200;

/** A title cut for a Markdown table or `<summary>` (the text and JSON formats keep it whole). */
export function capTitle(title: string): string {
  return clipText(title, TITLE_CHARS);
}

/**
 * Code points of a log line quoted as evidence in a table cell (a `Linux version` line: about 200, with its compiler's
 * name), or of a value read from the log. Found by a review: a `Linux version` line with a 60,000-character compiler
 * string had made its finding larger than the whole vmemmap budget, and the finding had been left out.
 */
const EVIDENCE_CHARS = 300;

/** Evidence or a log-derived value cut for a Markdown table cell (the text and JSON formats keep it whole). */
export function capEvidence(text: string): string {
  return clipText(text, EVIDENCE_CHARS);
}

/** Characters that lines take joined by line breaks, each line's own break counted. */
export function linesChars(lines: readonly string[]): number {
  return lines.reduce((n, l) => n + l.length + 1, 0);
}

/** A table's lines (header, rule, rows, as markdownTable gives them) cut to the cap, and how many rows were cut. */
export function capTable(lines: readonly string[], cap: RowCap): { lines: string[]; omitted: number } {
  const kept = lines.slice(0, 2);
  let chars = linesChars(kept);
  for (const row of lines.slice(2)) {
    if (kept.length - 2 >= cap.rows || chars + row.length + 1 > cap.chars) break;
    kept.push(row);
    chars += row.length + 1;
  }
  return { lines: kept, omitted: lines.length - kept.length };
}

/**
 * A table cut to the cap, then, when rows were cut, a line saying how many more `noun`s there are; with `counts` (one
 * per row: the splats of each cluster) it also says how many splats the cut rows hold.
 */
export function cappedTable(lines: readonly string[], cap: RowCap, noun: string, counts?: readonly number[]): string[] {
  const cut = capTable(lines, cap);
  if (cut.omitted === 0) return cut.lines;
  const splats = counts?.slice(counts.length - cut.omitted).reduce((n, c) => n + c, 0);
  return [...cut.lines, '', omittedLine(cut.omitted, noun, splats === undefined ? '' : plural(splats, 'splat'))];
}

/** Items of a list cut to the cap (each item one or more lines), and how many were cut. */
export function capItems<T>(items: readonly T[], cap: RowCap, size: (item: T) => number): { items: T[]; omitted: number } {
  const kept: T[] = [];
  let chars = 0;
  for (const item of items) {
    const n = size(item);
    if (kept.length >= cap.rows || chars + n > cap.chars) break;
    kept.push(item);
    chars += n;
  }
  return { items: kept, omitted: items.length - kept.length };
}

/** The line after a cut list: `_… and 12 more clusters (340 splats) not shown; \`--format json\` lists them all._` */
export function omittedLine(omitted: number, noun: string, detail = ''): string {
  const what = plural(omitted, `more ${noun}`, `more ${noun}s`);
  return `_… and ${what}${detail === '' ? '' : ` (${detail})`} not shown; \`--format json\` lists them all._`;
}
