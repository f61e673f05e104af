import type { InputReport, Report } from './model-types.js';
import { codeSpan, escapeMarkdownText as esc } from './markdown-escape.js';
import { markdownTable } from './markdown-table.js';
import { repeatedSections } from './repeated-sections.js';
import { capItems, cappedTable, capTitle, linesChars, omittedLine, type RowCap } from './markdown-cap.js';
import { appendAll } from '../util/append-all.js';
import { exampleClusters } from './example-cluster.js';
import { lineSpan, notRead, partialNotes, plural, vmemmapFindings } from './report-facts.js';
import { foldIdenticalFindings, type FoldedFinding } from './identical-findings.js';
import { crashName, leadCrash, panickedAfter } from './crashes.js';
import { renderMarkdownExample } from './render-markdown-example.js';
import { renderMarkdownVmemmap } from './render-markdown-vmemmap.js';
import { vmemmapVerdict } from './vmemmap-phrases.js';
import { distinctTitles } from './distinct-titles.js';
import { checkReport } from './check-report.js';
import { mapStrings } from './map-strings.js';

const NAMED_INPUTS = 3;

/** Per input, so that one input's report fits a GitHub comment (65,536 characters) with its example splat. */
export const MARKDOWN_CAPS = {
  clusters: { rows: 50, chars: 16_000 },
  vmemmap: { rows: 8, chars: 24_000 },
  /** The example splats' lines, all examples together (a splat keeps at most 400). */
  example: { rows: 400, chars: 16_000 },
} satisfies Record<string, RowCap>;

/**
 * `**Kernel Oops**: \`title\` at line 1787.`, `**Kernel panic** after \`WARNING in foo\` at line 5.`: the panic or Oops
 * first, when there was one, before any count or hex.
 */
function crashSentence(r: Report): string {
  const crash = leadCrash(r);
  if (!crash) return '';
  const c = crash.cluster;
  const where = r.inputs.length > 1 ? ` of ${codeSpan(crash.source)}` : '';
  const more = crash.clusters > 1 ? `; ${plural(crash.clusters - 1, 'more panic or Oops cluster', 'more panic or Oops clusters')} below` : '';
  if (panickedAfter(c)) {
    const at = c.count > 1 ? ` (${c.panickedCount} of its ${c.count} splats; lines ${c.firstLine}-${c.lastLine})` : ` at line ${c.firstLine}`;
    return `**${esc(crashName('panic'))}** after ${codeSpan(capTitle(c.title))}${at}${where}${more}. `;
  }
  const at = c.count > 1 ? `${c.count} times, first at line ${c.firstLine}` : `at line ${c.firstLine}`;
  return `**${esc(crashName(c.kind))}**: ${codeSpan(capTitle(c.title))} ${at}${where}${more}. `;
}

/** `findings`: each input's vmemmap findings as shown; `omitted`: those the inputs' sections left out past MARKDOWN_CAPS. */
function summaryParagraph(r: Report, findings: readonly FoldedFinding[], omitted: number): string {
  const s = r.summary;
  const names = r.inputs.slice(0, NAMED_INPUTS).map((i) => codeSpan(i.source));
  const unnamed = r.inputs.length > NAMED_INPUTS ? ` and ${r.inputs.length - NAMED_INPUTS} more` : '';
  const unread = r.inputs.filter(notRead).length;
  const notReadNote = unread > 0 ? `, ${unread} of them not read` : '';
  const inputs = `${plural(s.inputs, 'input')}${names.length > 0 ? ` (${names.join(', ')}${unnamed})` : ''}${notReadNote}`;
  const corrupted = s.corruptedSplats > 0 ? `, ${s.corruptedSplats} of them corrupted` : '';
  const holds = s.vmemmapClusters === 1 ? 'holds' : 'hold';
  const vmemmap = s.vmemmapClusters > 0 ? `; ${plural(s.vmemmapClusters, 'cluster')} ${holds} vmemmap findings` : '';
  const tool = `**${esc(`${r.tool.name} ${r.tool.version}`)}**`;
  const found = `${crashSentence(r)}${tool} found ${plural(s.splats, 'kernel splat')} in ${plural(s.clusters, 'cluster')} in ${inputs}${corrupted}${vmemmap}.`;
  const [first, ...others] = findings;
  if (!first) return `${found} No vmemmap\\_populate or vmemmap\\_free WARNING was found${unread > 0 ? ' in what was read' : ''}.`;
  const below = others.length - omitted;
  const beyond = omitted > 0 ? ` ${omitted} more only in the text and JSON formats.` : '';
  const more = below > 0 ? ` ${plural(below, 'more vmemmap finding')} below.${beyond}` : beyond;
  const again = first.alsoIn.length > 0 ? ` The same in ${plural(first.alsoIn.length, 'more boot')}.` : '';
  return `${found} ${esc(vmemmapVerdict(first.v))}${again}${more}`;
}

function statsLine(input: InputReport): string {
  const corrupted = input.clusters.reduce((n, c) => n + c.corruptedCount, 0);
  const parts = [
    input.arch,
    plural(input.stats.boots, 'boot'),
    plural(input.stats.lines, 'line'),
    `${plural(input.stats.splats, 'splat')} in ${plural(input.clusters.length, 'cluster')}`,
    ...(corrupted > 0 ? [`${corrupted} corrupted`] : []),
    ...(input.stats.truncatedLines > 0 ? [plural(input.stats.truncatedLines, 'truncated line')] : []),
  ];
  return esc(parts.join(', '));
}

function renderInput(input: InputReport, findings: readonly FoldedFinding[], omitted: { findings: number }): string[] {
  const out = ['', `## ${codeSpan(input.source) || '(unnamed input)'}`, '', statsLine(input)];
  const notes = [...partialNotes(input), ...input.warnings];
  if (notes.length > 0) appendAll(out, ['', ...notes.map((w) => `- ⚠️ ${esc(w)}`)]);
  if (notRead(input)) return out;
  if (input.clusters.length === 0) return [...out, '', 'No kernel splats found.'];
  const titles = distinctTitles(input.clusters, capTitle);
  const rows = input.clusters.map((c, i) => [
    String(c.count),
    esc(c.kind),
    codeSpan(titles[i]!, { inTable: true }),
    codeSpan(c.id, { inTable: true }),
    lineSpan(c),
    c.vmemmap.length > 0 ? 'yes' : '',
  ]);
  const table = markdownTable(['Count', 'Kind', 'Title', 'ID', 'Lines', 'vmemmap'], rows, [0]);
  appendAll(out, ['', ...cappedTable(table, MARKDOWN_CAPS.clusters, 'cluster', input.clusters.map((c) => c.count))]);
  const cut = vmemmapSections(findings);
  for (const section of cut.items) appendAll(out, section);
  if (cut.omitted > 0) out.push('', omittedLine(cut.omitted, 'vmemmap finding'));
  omitted.findings += cut.omitted;
  // The examples share one budget: the second gets what the first left.
  let chars = MARKDOWN_CAPS.example.chars;
  for (const example of exampleClusters(input)) {
    const lines = renderMarkdownExample(example, { rows: MARKDOWN_CAPS.example.rows, chars });
    appendAll(out, lines);
    chars = Math.max(0, chars - linesChars(lines));
  }
  return out;
}

/**
 * The vmemmap findings' sections within MARKDOWN_CAPS.vmemmap, and how many were left out. The first is always shown:
 * when it alone is over the budget (a log line tens of thousands of characters long in a string it quotes), it is
 * rendered again with each of its strings clipped. Found by a review: such a finding had been left out, the Markdown
 * showing no vmemmap finding at all.
 */
function vmemmapSections(findings: readonly FoldedFinding[]): { items: string[][]; omitted: number } {
  const repeats = repeatedSections(findings);
  const sections = findings.map(({ c, v, alsoIn }, i) => renderMarkdownVmemmap(c, v, repeats[i], alsoIn));
  const cut = capItems(sections, MARKDOWN_CAPS.vmemmap, linesChars);
  if (cut.items.length > 0 || findings.length === 0) return cut;
  const { c, v, alsoIn } = findings[0]!;
  return { items: [renderMarkdownVmemmap(mapStrings(c, capTitle), mapStrings(v, capTitle), repeats[0], alsoIn)], omitted: findings.length - 1 };
}

/** A ticket-ready GitHub/GitLab Markdown report. Log text never becomes markup, HTML, a link or a mention. */
export function renderMarkdown(report: Report): string {
  checkReport('renderMarkdown', report);
  const omitted = { findings: 0 };
  const findings = report.inputs.map((input) => foldIdenticalFindings(vmemmapFindings(input)));
  const inputs = report.inputs.flatMap((input, i) => renderInput(input, findings[i]!, omitted));
  return `${[summaryParagraph(report, findings.flat(), omitted.findings), ...inputs].join('\n')}\n`;
}
