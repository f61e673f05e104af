import { formatTable } from '../report/text-table.js';
import { appendAll } from '../util/append-all.js';
import { sanitizeTerminal } from '../report/terminal-sanitize.js';
import type { Summary, SummaryCluster } from './summary-types.js';
import { anySeen, runRange, seenRange, summaryHeadline, vmemmapLine, worstSplatLine } from './summary-headline.js';
import { distinctTitles } from '../report/distinct-titles.js';

/** Plain-text summary for a terminal: headline, cluster table, vmemmap hulls, known clusters, problems. */
export function renderSummaryText(s: Summary): string {
  const out = [`vmemwarn triage: ${summaryHeadline(s)}`];
  const worst = worstSplatLine(s);
  if (worst !== undefined) out.push(worst);
  if (s.run) out.push(`history: run ${s.run.sequence}${s.run.previous !== undefined ? ` (previous ${s.run.previous})` : ''}`);
  const fresh = s.clusters.filter((c) => !c.known);
  const known = s.clusters.filter((c) => c.known);
  out.push('', fresh.length > 0 ? 'Clusters:' : 'No clusters.');
  if (fresh.length > 0) appendAll(appendAll(out, clusterTable(fresh)), vmemmapLines(fresh));
  if (known.length > 0) appendAll(out, ['', 'Known (ignore list):', ...clusterTable(known)]);
  if (s.issues.length > 0) {
    out.push('', 'Problems:');
    appendAll(out, formatTable(['INPUT', 'STATUS', 'REASON'], s.issues.map((i) => [sanitizeTerminal(i.input), i.severity, sanitizeTerminal(i.reason)]), { indent: '  ' }));
  }
  return `${out.join('\n')}\n`;
}

function clusterTable(clusters: readonly SummaryCluster[]): string[] {
  const withHistory = clusters.some((c) => c.history);
  const withSeen = anySeen(clusters);
  const header = ['ID', 'KIND', 'COUNT', 'LOGS', ...(withSeen ? ['FIRST..LAST SEEN'] : []), ...(withHistory ? ['HISTORY'] : []), 'TITLE', 'EXAMPLE'];
  const titles = distinctTitles(clusters);
  const rows = clusters.map((c, i) => [
    c.id, c.kind, String(c.count), String(c.logs), ...(withSeen ? [sanitizeTerminal(seenRange(c))] : []), ...(withHistory ? [runRange(c)] : []),
    sanitizeTerminal(titles[i]!), sanitizeTerminal(c.exampleLog),
  ]);
  return formatTable(header, rows, { indent: '  ', align: ['left', 'left', 'right', 'right'] });
}

function vmemmapLines(clusters: readonly SummaryCluster[]): string[] {
  const lines = clusters.flatMap((c) => c.vmemmap.map((v) => `  ${c.id} ${vmemmapLine(v)}`));
  return lines.length > 0 ? ['', 'vmemmap (merged across logs):', ...lines] : [];
}
