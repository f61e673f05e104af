import { readFileSync } from 'node:fs';
import { buildReport } from '../../src/report/model.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { earlierOutputKind } from '../../src/triage/earlier-output.js';
import { renderSummaryJunit } from '../../src/triage/junit.js';
import { renderSummaryJson } from '../../src/triage/summary-render-json.js';
import { renderSummaryMarkdown } from '../../src/triage/summary-render-markdown.js';
import { renderSummaryText } from '../../src/triage/summary-render-text.js';
import { armResult, TOOL } from '../report/fixtures.js';
import { analyzeText } from '../../src/api.js';
import { sampleSummary } from './sample-summary.js';

const head = (text: string) => Buffer.from(text.slice(0, 8192));

// An audit found a rerun reading the last run's `--out` reports as logs: each Markdown report added its example
// splats to their clusters again.
describe('every report and summary vmemwarn writes is told by its head', () => {
  const report = buildReport([armResult()], { tool: TOOL });
  test.each([
    ['text report', renderText(report)],
    ['Markdown report', renderMarkdown(report)],
    ['JSON report', renderJson(report)],
    ['text triage summary', renderSummaryText(sampleSummary())],
    ['Markdown triage summary', renderSummaryMarkdown(sampleSummary())],
    ['JSON triage summary', renderSummaryJson(sampleSummary())],
    ['JUnit triage summary', renderSummaryJunit(sampleSummary())],
  ])('%s', (what, text) => {
    expect(earlierOutputKind(head(text))).toBe(what);
  });
});

// Found by a review: a report that leads with a panic or an Oops (the reports that matter most) was read again as a
// log on a rerun, adding its example splats to the crash counts: the Markdown one leads with `**Kernel Oops**: …`,
// the text one's headline ends `, 1 Oops`, and with --color it begins with an escape sequence.
describe('Found by a review: reports of a panic or an Oops, plain or coloured, are told too', () => {
  const sample = (name: string) => readFileSync(new URL(`../../samples/logs/${name}`, import.meta.url), 'utf8');
  const oopsLog = sample('e4-48-4k-amdgpu-6.10-warn-then-oops.log');
  const longName = `${'deep/'.repeat(300)}console.log`;
  test.each([
    ['one input', [{ text: oopsLog, name: 'oops.log' }]],
    ['two inputs, the crash named by a long input name', [{ text: oopsLog, name: longName }, { text: sample('plain-boot-6.6-unrelated-warning.log'), name: 'b.log' }]],
  ])('%s', async (_, inputs) => {
    const results = await Promise.all(inputs.map(({ text, name }) => analyzeText(text, { name })));
    const report = buildReport(results, { tool: TOOL });
    const markdown = renderMarkdown(report);
    const text = renderText(report);
    const coloured = renderText(report, { colour: true });
    expect(markdown).toMatch(/^\*\*Kernel /);
    expect(text.split('\n')[0]).toMatch(/, 1 Oops$/);
    expect(coloured.startsWith('\x1b[')).toBe(true);
    expect([markdown, text, coloured].map((t) => earlierOutputKind(head(t)))).toEqual(['Markdown report', 'text report', 'text report']);
  });

  test('a coloured triage summary too', () => {
    expect(earlierOutputKind(head(`\x1b[1m${renderSummaryText(sampleSummary())}`))).toBe('text triage summary');
  });
});

test('kernel logs are not', () => {
  expect(earlierOutputKind(head(readFileSync(new URL('../../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url), 'utf8')))).toBeUndefined();
  expect(earlierOutputKind(head('vmemwarn 0.1.0: a line a user typed\n'))).toBeUndefined();
  expect(earlierOutputKind(head('{"MESSAGE": "WARNING: CPU: 3 PID: 1 at mm/x.c:1 f+0x1/0x2", "_TRANSPORT": "kernel"}\n'))).toBeUndefined();
  expect(earlierOutputKind(Buffer.alloc(0))).toBeUndefined();
  expect(earlierOutputKind(head('**Kernel panic** on the lab board. **vmemwarn** is what we use.\n'))).toBeUndefined();
});
