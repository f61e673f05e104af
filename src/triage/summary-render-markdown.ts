import { codeSpan, escapeMarkdownText } from '../report/markdown-escape.js';
import { markdownTable } from '../report/markdown-table.js';
import { capItems, cappedTable, capTable, capTitle, omittedLine, type RowCap } from '../report/markdown-cap.js';
import { plural } from '../report/report-facts.js';
import { appendAll } from '../util/append-all.js';
import type { IssueSeverity, Summary, SummaryCluster, SummaryIssue } from './summary-types.js';
import { anySeen, runRange, seenRange, summaryHeadline, vmemmapLine, worstSplatLine } from './summary-headline.js';
import { distinctTitles } from '../report/distinct-titles.js';
import { commonDirectory } from './common-directory.js';
import { checkSummary } from './check-summary.js';
import { checkArgument, isObject } from '../util/check-argument.js';

/** What each part of `renderSummaryMarkdown`'s summary may take (its `caps`): every part must be given. */
export interface SummaryMarkdownCaps {
  /** The cluster table (new clusters). */
  clusters: RowCap;
  /** The vmemmap lines, merged across logs. */
  vmemmap: RowCap;
  /** The table of known clusters (the ignore list's). */
  known: RowCap;
  /** The problems table: inputs that could not be read, or were skipped. */
  issues: RowCap;
}

/** What each part of the summary may take, together under the 65,536 characters of a GitHub comment. */
const SUMMARY_MARKDOWN_CAPS: SummaryMarkdownCaps = {
  clusters: { rows: 100, chars: 30_000 },
  vmemmap: { rows: 50, chars: 8_000 },
  known: { rows: 50, chars: 8_000 },
  issues: { rows: 50, chars: 12_000 },
};

function isCount(value: unknown): boolean {
  return typeof value === 'number' && value >= 0;
}

/** Caps of each part the markdown summary has, as SUMMARY_MARKDOWN_CAPS gives them. */
function isCaps(caps: unknown): boolean {
  if (!isObject(caps)) return false;
  return Object.keys(SUMMARY_MARKDOWN_CAPS).every((part) => {
    const cap = caps[part];
    return isObject(cap) && isCount(cap['rows']) && isCount(cap['chars']);
  });
}

/**
 * Markdown summary (for CI job pages / PR comments); every log-derived string is escaped. Long tables keep their
 * first rows (the most severe clusters) and say how many more the JSON summary has; `caps` (default: the four parts
 * together under the 65,536 characters of a GitHub comment) says how many.
 */
export function renderSummaryMarkdown(s: Summary, caps: SummaryMarkdownCaps = SUMMARY_MARKDOWN_CAPS): string {
  checkSummary('renderSummaryMarkdown', 's', s);
  checkArgument(isCaps(caps), 'renderSummaryMarkdown', 'caps', `{ ${Object.keys(SUMMARY_MARKDOWN_CAPS).join(', ')} }, each { rows, chars } numbers of at least 0 (Infinity: no cap)`, caps);
  const out = ['# vmemwarn triage', '', escapeMarkdownText(summaryHeadline(s))];
  const worst = worstSplatLine(s);
  if (worst !== undefined) out.push('', escapeMarkdownText(worst));
  if (s.run) out.push('', `History run ${s.run.sequence}${s.run.previous !== undefined ? ` (previous ${s.run.previous})` : ''}.`);
  // `--timestamps`: the run's time (a merge's, its latest summary's).
  if (s.generatedAt !== undefined) out.push('', `Generated at ${codeSpan(s.generatedAt)}.`);
  const fresh = s.clusters.filter((c) => !c.known);
  const known = s.clusters.filter((c) => c.known);
  // Example logs are named from the directory they all lie in, said once: not the full path in every row.
  const root = commonDirectory(s.clusters.map((c) => c.exampleLog));
  out.push('', '## Clusters', '');
  if (root !== '') out.push(`Example logs are in ${codeSpan(root)}.`, '');
  appendAll(out, fresh.length > 0 ? clusterTable(fresh, root, caps.clusters) : ['No clusters.']);
  const vm = fresh.flatMap((c) => c.vmemmap.map((v) => `- ${codeSpan(c.id)} ${escapeMarkdownText(vmemmapLine(v))}`));
  if (vm.length > 0) {
    const cut = capItems(vm, caps.vmemmap, (line) => line.length + 1);
    appendAll(out, ['', '## vmemmap (merged across logs)', '', ...cut.items]);
    if (cut.omitted > 0) out.push('', omittedLine(cut.omitted, 'vmemmap finding'));
  }
  if (known.length > 0) appendAll(out, ['', '## Known (ignore list)', '', ...clusterTable(known, root, caps.known)]);
  if (s.issues.length > 0) appendAll(out, ['', '## Problems', '', ...problemTable(s.issues, caps.issues)]);
  return `${out.join('\n')}\n`;
}

/** Errors first: a cut table must not hide the inputs that failed behind files that were only skipped. */
const SEVERITY_ORDER: readonly IssueSeverity[] = ['error', 'warning', 'skipped'];

/** The problems, errors first (each severity in input order), cut to the cap; the cut rows are counted by severity. */
function problemTable(issues: readonly SummaryIssue[], cap: RowCap): string[] {
  const ordered = SEVERITY_ORDER.flatMap((severity) => issues.filter((i) => i.severity === severity));
  const cut = capTable(markdownTable(['Input', 'Status', 'Reason'],
    ordered.map((i) => [codeSpan(i.input, { inTable: true }), i.severity, escapeMarkdownText(i.reason)])), cap);
  if (cut.omitted === 0) return cut.lines;
  const hidden = ordered.slice(ordered.length - cut.omitted);
  const bySeverity = SEVERITY_ORDER.map((severity) => [severity, hidden.filter((i) => i.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => (severity === 'skipped' ? `${n} skipped` : plural(n, severity)));
  return [...cut.lines, '', omittedLine(cut.omitted, 'problem', bySeverity.join(', '))];
}

/** The table, cut to its cap, then a line naming what was cut. */
function clusterTable(clusters: readonly SummaryCluster[], root: string, cap: RowCap): string[] {
  const withHistory = clusters.some((c) => c.history);
  const withSeen = anySeen(clusters);
  const header = ['ID', 'Kind', 'Count', 'Logs', ...(withSeen ? ['First..last seen'] : []), ...(withHistory ? ['History'] : []), 'Title', 'Example'];
  const titles = distinctTitles(clusters, capTitle);
  const rows = clusters.map((c, i) => [
    codeSpan(c.id), c.kind, String(c.count), String(c.logs), ...(withSeen ? [escapeMarkdownText(seenRange(c))] : []),
    ...(withHistory ? [runRange(c)] : []), escapeMarkdownText(titles[i]!), codeSpan(c.exampleLog.slice(root.length), { inTable: true }),
  ]);
  return cappedTable(markdownTable(header, rows, [2, 3]), cap, 'cluster', clusters.map((c) => c.count));
}
