import type { InputReport, Report } from './model-types.js';
import type { Palette } from './colour.js';
import { clipText } from './clip-text.js';
import { palette } from './colour.js';
import { mapStrings } from './map-strings.js';
import { exampleClusters } from './example-cluster.js';
import { lineSpan, notRead, partialNotes, plural, vmemmapClusters, vmemmapFindings } from './report-facts.js';
import { renderSummaryLine } from './render-summary-line.js';
import { renderTextExample } from './render-text-example.js';
import { renderTextVmemmap } from './render-text-vmemmap.js';
import { sanitizeTerminal } from './terminal-sanitize.js';
import { formatTable } from './text-table.js';
import { wrapText } from './text-wrap.js';
import { repeatedSections } from './repeated-sections.js';
import { foldIdenticalFindings } from './identical-findings.js';
import { appendAll } from '../util/append-all.js';
import { distinctTitles } from './distinct-titles.js';
import { checkBoolean, checkWholeNumber } from '../util/option-values.js';
import { MIN_TEXT_WIDTH } from './min-text-width.js';
import { checkOptionsObject, optionKeys } from '../util/option-keys.js';
import { checkReport } from './check-report.js';
import { inFunction } from '../util/check-argument.js';

/** Options of `renderText`: ANSI colour and the width prose wraps at (defaults: no colour, 100 columns). */
export interface TextOptions {
  /** ANSI colours (default off); the CLI passes `stdout.isTTY && !NO_COLOR`. */
  colour?: boolean;
  /**
   * Columns the report's lines fit in (default 100, at least MIN_TEXT_WIDTH, 60); the CLI passes a terminal's width. Prose and titles
   * wrap at spaces, a table's last column within its column (a cluster's title), a log line under its line number;
   * only a word longer than the width, or the heading that names an input, is wider.
   */
  width?: number;
}

/** The keys of `TextOptions`: any other is a UsageError. */
const TEXT_OPTION_KEYS = optionKeys<TextOptions>()(['colour', 'width']);

const DEFAULT_WIDTH = 100;

/** `colour` a boolean and `width` a whole number of at least 60, as documented: `width: 'wide'`, 10 or -5 had passed. */
function checkTextOptions(opts: TextOptions): void {
  checkOptionsObject(opts, TEXT_OPTION_KEYS);
  checkBoolean('colour', opts.colour);
  checkWholeNumber('width', opts.width, MIN_TEXT_WIDTH);
}

/**
 * Code points of a cluster's title in the table, as in the example's heading. Found by a review: titles had been cut at
 * 70 (`… in drm_setversi…`), and the rows still ran to 121 columns; the title is now the last column and wraps.
 */
const MAX_TITLE = 160;
/** The lines after the first of a wrapped line of prose. */
const HANGING = '  ';

function summaryLine(input: InputReport): string {
  const corrupted = input.clusters.reduce((n, c) => n + c.corruptedCount, 0);
  return [
    input.arch,
    plural(input.stats.boots, 'boot'),
    plural(input.stats.lines, 'line'),
    `${plural(input.stats.splats, 'splat')} in ${plural(input.clusters.length, 'cluster')}`,
    `${vmemmapClusters(input).length} vmemmap`,
    ...(corrupted > 0 ? [`${corrupted} corrupted`] : []),
    ...(input.stats.truncatedLines > 0 ? [`${plural(input.stats.truncatedLines, 'truncated line')}`] : []),
  ].join(', ');
}

function renderInput(input: InputReport, p: Palette, width: number): string[] {
  const prose = (text: string, style: (s: string) => string = (s) => s) => wrapText(text, width, '', HANGING).map(style);
  // The input's name is never broken: it is what a reader copies.
  const out = ['', p.bold(`== ${input.source} ==`), ...prose(summaryLine(input))];
  for (const note of partialNotes(input)) appendAll(out, prose(note, p.yellow));
  for (const warning of input.warnings) appendAll(out, prose(`warning: ${warning}`, p.yellow));
  if (notRead(input)) return out;
  if (input.clusters.length === 0) return [...out, 'No kernel splats found.'];
  const titles = distinctTitles(input.clusters, (t) => clipText(t, MAX_TITLE));
  const rows = input.clusters.map((c, i) => [String(c.count), c.kind, c.id, lineSpan(c), titles[i]!]);
  const header = ['COUNT', 'KIND', 'ID', 'LINES', 'TITLE'];
  appendAll(out, ['', ...formatTable(header, rows, { align: ['right'], indent: '  ', styleHeader: p.bold, width })]);
  const findings = foldIdenticalFindings(vmemmapFindings(input));
  const repeats = repeatedSections(findings);
  findings.forEach(({ c, v, alsoIn }, i) => appendAll(out, renderTextVmemmap(c, v, p, width, repeats[i], alsoIn)));
  for (const example of exampleClusters(input)) appendAll(out, renderTextExample(example, p, width));
  return out;
}

/**
 * The human-readable report for a terminal or a plain-text ticket. Every log-derived string is sanitized. An option
 * key other than `colour` and `width`, or a bad value of one, is a UsageError.
 */
export function renderText(report: Report, opts: TextOptions = {}): string {
  checkReport('renderText', report);
  inFunction('renderText', () => checkTextOptions(opts));
  return [...textPieces(report, opts)].join('');
}

/**
 * `renderText`'s text in pieces: the headline, then one piece per input, made (its strings sanitized, its lines
 * laid out) only when it is asked for, so that a report over hundreds of inputs is never held whole. The report and
 * the options are checked at once, before any piece is made.
 */
export function renderTextChunks(report: Report, opts: TextOptions = {}): Iterable<string> {
  checkReport('renderTextChunks', report);
  inFunction('renderTextChunks', () => checkTextOptions(opts));
  return textPieces(report, opts);
}

function* textPieces(report: Report, opts: TextOptions): Generator<string> {
  const p = palette(opts.colour ?? false);
  const tool = mapStrings(report.tool, sanitizeTerminal);
  // The summary line is counts and fixed words, no text from a log, so it reads the report as it is.
  const width = opts.width ?? DEFAULT_WIDTH;
  yield wrapText(`${tool.name} ${tool.version}: ${renderSummaryLine(report)}`, width, '', HANGING).map(p.bold).join('\n');
  for (const input of report.inputs) {
    const lines = renderInput(mapStrings(input, sanitizeTerminal), p, width);
    if (lines.length > 0) yield `\n${lines.join('\n')}`;
  }
  yield '\n';
}
