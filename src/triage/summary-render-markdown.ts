import { codeSpan, escapeMarkdownText } from '../report/markdown-escape.js';
import { markdownTable } from '../report/markdown-table.js';
import { appendAll } from '../util/append-all.js';
import type { Summary, SummaryCluster } from './summary-types.js';
import { runRange, seenRange, summaryHeadline, vmemmapLine } from './summary-headline.js';

/** Markdown summary (for CI job pages / PR comments); every log-derived string is escaped. */
export function renderSummaryMarkdown(s: Summary): string {
  const out = ['# vmemwarn triage', '', escapeMarkdownText(summaryHeadline(s))];
  if (s.run) out.push('', `History run ${s.run.sequence}${s.run.previous !== undefined ? ` (previous ${s.run.previous})` : ''}.`);
  const fresh = s.clusters.filter((c) => !c.known);
  const known = s.clusters.filter((c) => c.known);
  out.push('', '## Clusters', '');
  appendAll(out, fresh.length > 0 ? clusterTable(fresh) : ['No clusters.']);
  const vm = fresh.flatMap((c) => c.vmemmap.map((v) => `- ${codeSpan(c.id)} ${escapeMarkdownText(vmemmapLine(v))}`));
  if (vm.length > 0) appendAll(out, ['', '## vmemmap (merged across logs)', '', ...vm]);
  if (known.length > 0) appendAll(out, ['', '## Known (ignore list)', '', ...clusterTable(known)]);
  if (s.issues.length > 0) {
    out.push('', '## Problems', '');
    appendAll(out, markdownTable(['Input', 'Status', 'Reason'],
      s.issues.map((i) => [codeSpan(i.input, { inTable: true }), i.severity, escapeMarkdownText(i.reason)])));
  }
  return `${out.join('\n')}\n`;
}

function clusterTable(clusters: readonly SummaryCluster[]): string[] {
  const withHistory = clusters.some((c) => c.history);
  const header = ['ID', 'Kind', 'Count', 'Logs', 'Seen', ...(withHistory ? ['History'] : []), 'Title', 'Example'];
  const rows = clusters.map((c) => [
    codeSpan(c.id), c.kind, String(c.count), String(c.logs), escapeMarkdownText(seenRange(c)),
    ...(withHistory ? [runRange(c)] : []), escapeMarkdownText(c.title), codeSpan(c.exampleLog, { inTable: true }),
  ]);
  return markdownTable(header, rows, [2, 3]);
}
