import { formatTable } from '../report/text-table.js';
import { clipText } from '../report/clip-text.js';
import { appendAll } from '../util/append-all.js';
import { sanitizeTerminal } from '../report/terminal-sanitize.js';
import type { Summary, SummaryCluster } from './summary-types.js';
import { anySeen, runRange, seenRange, summaryHeadline, vmemmapLine, worstSplatLine } from './summary-headline.js';
import { distinctTitles } from '../report/distinct-titles.js';
import { commonDirectory } from './common-directory.js';
import { checkOptionsObject, optionKeys } from '../util/option-keys.js';
import { checkSummary } from './check-summary.js';
import { inFunction } from '../util/check-argument.js';
import { checkWholeNumber } from '../util/option-values.js';
import { MIN_TEXT_WIDTH } from '../report/min-text-width.js';

/** Options of `renderSummaryText`. */
export interface SummaryTextOptions {
  /**
   * The terminal's width, when stdout is one: table rows are clipped to it rather than wrapped. A whole number of at
   * least 60, as `renderText`'s `width` (the CLI gives a narrower terminal 60); default: rows whole.
   */
  columns?: number;
}

/** The keys of `SummaryTextOptions`: any other is a UsageError. */
const SUMMARY_TEXT_OPTION_KEYS = optionKeys<SummaryTextOptions>()(['columns']);

/**
 * Plain-text summary for a terminal: headline, cluster table, vmemmap hulls, known clusters, problems. An option key
 * other than `columns`, or `columns` that is no whole number of at least 60 (`'x'`, NaN, 1.5 and 10 had clipped every
 * row to a bare `…`), is a UsageError.
 */
export function renderSummaryText(s: Summary, opts: SummaryTextOptions = {}): string {
  checkSummary('renderSummaryText', 's', s);
  inFunction('renderSummaryText', () => {
    checkOptionsObject(opts, SUMMARY_TEXT_OPTION_KEYS);
    checkWholeNumber('columns', opts.columns, MIN_TEXT_WIDTH);
  });
  const out = [`vmemwarn triage: ${summaryHeadline(s)}`];
  const worst = worstSplatLine(s);
  if (worst !== undefined) out.push(worst);
  if (s.run) out.push(`history: run ${s.run.sequence}${s.run.previous !== undefined ? ` (previous ${s.run.previous})` : ''}`);
  // `--timestamps`: the run's time (a merge's, its latest summary's).
  if (s.generatedAt !== undefined) out.push(`generated at ${sanitizeTerminal(s.generatedAt)}`);
  const fresh = s.clusters.filter((c) => !c.known);
  const known = s.clusters.filter((c) => c.known);
  // Example logs are named from the directory they all lie in: full paths had made rows of 220 columns.
  const root = commonDirectory(s.clusters.map((c) => c.exampleLog));
  const where = root === '' ? '' : `example logs in ${sanitizeTerminal(root)}`;
  const clip = (lines: string[]) => (opts.columns === undefined ? lines : lines.map((l) => clipText(l, opts.columns!)));
  out.push('', fresh.length > 0 ? `Clusters${where && ` (${where})`}:` : 'No clusters.');
  if (fresh.length > 0) appendAll(appendAll(out, clip(clusterTable(fresh, root, opts.columns))), vmemmapLines(fresh));
  if (known.length > 0) appendAll(out, ['', `Known (ignore list${where && `; ${where}`}):`, ...clip(clusterTable(known, root, opts.columns))]);
  if (s.issues.length > 0) {
    out.push('', 'Problems:');
    appendAll(out, clip(formatTable(['INPUT', 'STATUS', 'REASON'], s.issues.map((i) => [sanitizeTerminal(i.input), i.severity, sanitizeTerminal(i.reason)]), { indent: '  ' })));
  }
  return `${out.join('\n')}\n`;
}

/** On a terminal a title gives way to leave the example this many columns, but is never cut below TITLE_MIN. */
const EXAMPLE_MIN = 24;
const TITLE_MIN = 40;
const INDENT = '  ';
const GAP = 2;

/** The cluster table; given the terminal's `columns`, titles are clipped so that the example keeps some room. */
function clusterTable(clusters: readonly SummaryCluster[], root: string, columns?: number): string[] {
  const withHistory = clusters.some((c) => c.history);
  const withSeen = anySeen(clusters);
  const leadHeader = ['ID', 'KIND', 'COUNT', 'LOGS', ...(withSeen ? ['FIRST..LAST SEEN'] : []), ...(withHistory ? ['HISTORY'] : [])];
  const lead = clusters.map((c) => [
    c.id, c.kind, String(c.count), String(c.logs), ...(withSeen ? [sanitizeTerminal(seenRange(c))] : []), ...(withHistory ? [runRange(c)] : []),
  ]);
  let clip = (title: string) => title;
  if (columns !== undefined) {
    // No spread of the rows: a summary may hold 200,000 clusters.
    const widest = (i: number) => lead.reduce((w, r) => Math.max(w, r[i]!.length), leadHeader[i]!.length);
    const leadWidth = INDENT.length + leadHeader.reduce((sum, _, i) => sum + widest(i) + GAP, 0);
    const titleMax = Math.max(TITLE_MIN, columns - leadWidth - GAP - EXAMPLE_MIN);
    clip = (title) => clipText(title, titleMax);
  }
  const titles = distinctTitles(clusters, clip);
  const rows = lead.map((cells, i) => [...cells, sanitizeTerminal(titles[i]!), sanitizeTerminal(clusters[i]!.exampleLog.slice(root.length))]);
  return formatTable([...leadHeader, 'TITLE', 'EXAMPLE'], rows, { indent: INDENT, align: ['left', 'left', 'right', 'right'] });
}

/** A finding's driver and layout are strings of the summary JSON, as untrusted as a title: the line is sanitized whole. */
function vmemmapLines(clusters: readonly SummaryCluster[]): string[] {
  const lines = clusters.flatMap((c) => c.vmemmap.map((v) => `  ${c.id} ${sanitizeTerminal(vmemmapLine(v))}`));
  return lines.length > 0 ? ['', 'vmemmap (merged across logs):', ...lines] : [];
}
