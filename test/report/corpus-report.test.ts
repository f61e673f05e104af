import { existsSync, readdirSync, readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { LogAnalyzer } from '../../src/analyze/analyzer.js';
import type { AnalysisResult } from '../../src/analyze/types.js';
import { buildReport } from '../../src/report/model.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { renderSummaryLine } from '../../src/report/render-summary-line.js';
import { PANIC_LINE } from '../../src/parse/panic-line.js';
import { validateReport } from '../../src/report/validate.js';
import { REPORT_TAGS, tagsIn } from './report-html.js';
import { linesOverWidth } from './fits-width.js';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const present = existsSync(CORPUS);
const logs = present ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt') && f !== 'MANIFEST.md') : [];

function analyze(name: string): AnalysisResult {
  const buf = readFileSync(new URL(name, CORPUS));
  const lines = buf.toString('utf8').split(/\r\n|\r|\n/);
  const analyzer = new LogAnalyzer({ name });
  lines.forEach((line, i) => analyzer.pushLine(i + 1, line, false));
  return analyzer.finish({ lines: lines.length, bytes: buf.length, truncatedLines: 0, encoding: 'utf-8' });
}

(present ? describe : describe.skip)('reports of the real corpus logs', () => {
  const report = buildReport(logs.map(analyze), { tool: { name: 'vmemwarn', version: 'test' } });

  test('the rendered JSON validates against the schema', () => {
    expect(validateReport(JSON.parse(renderJson(report)))).toEqual({ valid: true, errors: [] });
    expect(report.summary.splats).toBeGreaterThan(0);
  });

  test('text output carries no raw escape sequences (the LAVA log has ANSI colours)', () => {
    expect(renderText(report, { colour: false })).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  // Found by a review: `(the Code: and end-of-trace lines follow)` was printed before the end-of-trace line of every
  // cut arm64 WARNING (clearfog, syzkaller 695), which has no Code: line.
  test('Found by a review: a cut example names only the kinds of lines that follow the cut', () => {
    const text = renderText(report, { colour: false }).split('\n');
    const named = { 'Code:': / Code: /, 'end-of-trace': /---\[ end /, panic: new RegExp(PANIC_LINE) };
    let checked = 0;
    text.forEach((line, i) => {
      const follows = /^ +… \d+ more lines? \(the (.+) lines? follows?\)$/.exec(line)?.[1];
      if (follows === undefined) return;
      const end = text.findIndex((l, k) => k > i && (l === '' || /^(--|==) /.test(l)));
      const after = text.slice(i + 1, end < 0 ? undefined : end).filter((l) => /^ +\d+ \| /.test(l));
      for (const kind of follows.split(/, | and /) as (keyof typeof named)[]) {
        expect({ line, kind, shown: after.some((l) => named[kind].test(l)) }).toEqual({ line, kind, shown: true });
      }
      checked += 1;
    });
    expect(checked).toBeGreaterThan(0);
  });

  // Found by a review: cluster rows of 109-121 columns, example headings and log lines of up to 169.
  test.each([60, 80, 100])('Found by a review: every line of the text report fits %i columns, but for a word too long', (width) => {
    expect(linesOverWidth(renderText(report, { width }), width)).toEqual([]);
  });

  test('Markdown renders without links or stray HTML', () => {
    const html = new MarkdownIt({ html: true, linkify: true }).render(renderMarkdown(report));
    expect(html).not.toContain('<a ');
    for (const tag of tagsIn(html)) expect(REPORT_TAGS).toContain(tag);
    expect(html.match(/<details>/g)?.length).toBe(html.match(/<\/details>/g)?.length);
  });
});

(present ? describe : describe.skip)('each real corpus log whose kernel panicked', () => {
  // The logs holding a `Kernel panic - not syncing` line that a splat's report took in.
  const panicked = logs
    .filter((name) => readFileSync(new URL(name, CORPUS), 'utf8').includes(PANIC_LINE))
    .map((name) => buildReport([analyze(name)], { tool: { name: 'vmemwarn', version: 'test' } }))
    .filter((report) => report.inputs[0]!.clusters.some((c) => (c.panickedCount ?? 0) > 0));

  // Found by a review: 14 logs in which the kernel panicked after an Oops (Fatal exception) were headlined `N Oops`
  // and their Markdown opened `**Kernel Oops**`, while a BUG or a WARNING the kernel panicked after was a panic.
  test('Found by a review: is headlined with its panics, and its Markdown opens with the panic, whatever the kind', () => {
    expect(panicked.length).toBeGreaterThan(0);
    for (const report of panicked) {
      const panics = report.inputs[0]!.clusters.reduce((n, c) => n + (c.panickedCount ?? 0), 0);
      const name = report.inputs[0]!.source;
      expect({ name, line: renderSummaryLine(report) }).toEqual({ name, line: expect.stringMatching(new RegExp(`, ${panics} panics?(,|$)`)) });
      expect({ name, lead: renderMarkdown(report).slice(0, 16) }).toEqual({ name, lead: '**Kernel panic**' });
    }
  });
});
