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
import { sampleSummary } from './sample-summary.js';

const head = (text: string) => Buffer.from(text.slice(0, 4096));

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

test('kernel logs are not', () => {
  expect(earlierOutputKind(head(readFileSync(new URL('../../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url), 'utf8')))).toBeUndefined();
  expect(earlierOutputKind(head('vmemwarn 0.1.0: a line a user typed\n'))).toBeUndefined();
  expect(earlierOutputKind(head('{"MESSAGE": "WARNING: CPU: 3 PID: 1 at mm/x.c:1 f+0x1/0x2", "_TRANSPORT": "kernel"}\n'))).toBeUndefined();
  expect(earlierOutputKind(Buffer.alloc(0))).toBeUndefined();
});
