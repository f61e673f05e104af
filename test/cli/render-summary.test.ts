import { SUMMARY_FORMATS, renderSummaryAs, type SummaryFormat } from '../../src/cli/render-summary.js';
import { renderSummaryJson } from '../../src/triage/summary-render-json.js';
import { renderSummaryMarkdown } from '../../src/triage/summary-render-markdown.js';
import { renderSummaryText } from '../../src/triage/summary-render-text.js';
import { renderSummaryJunit } from '../../src/triage/junit.js';
import type { Summary } from '../../src/triage/summary-types.js';
import { sampleSummary } from '../triage/sample-summary.js';

const direct: Record<Exclude<SummaryFormat, 'junit'>, (s: Summary) => string> = {
  text: renderSummaryText,
  json: renderSummaryJson,
  markdown: renderSummaryMarkdown,
};

/** What renderSummaryAs gives, joined: JSON comes in pieces. */
const rendered = async (out: Promise<string | Iterable<string>>): Promise<string> => {
  const text = await out;
  return typeof text === 'string' ? text : [...text].join('');
};

test('the formats triage and merge offer', () => {
  expect([...SUMMARY_FORMATS]).toEqual(['text', 'json', 'markdown', 'junit']);
});

test.each(['text', 'json', 'markdown'] as const)('%s is the %s renderer’s output, whatever --fail-on says', async (format) => {
  const s = sampleSummary();
  const expected = direct[format](s);
  expect(await rendered(renderSummaryAs(format, s, undefined))).toBe(expected);
  // Only JUnit looks at --fail-on.
  expect(await rendered(renderSummaryAs(format, s, 'vmemmap'))).toBe(expected);
});

test('each format gives a different rendering (the switch does not send two formats to one renderer)', async () => {
  const s = sampleSummary();
  const outputs = await Promise.all(SUMMARY_FORMATS.map((f) => rendered(renderSummaryAs(f, s, undefined))));
  expect(new Set(outputs).size).toBe(SUMMARY_FORMATS.length);
  expect(JSON.parse(outputs[1]!)).toMatchObject({ schemaVersion: 6 });
  expect(outputs[3]).toMatch(/^<\?xml /);
});

describe('junit', () => {
  test('without --fail-on every cluster fails its log (any)', async () => {
    const s = sampleSummary();
    const xml = await renderSummaryAs('junit', s, undefined);
    expect(xml).toBe(renderSummaryJunit(s));
    // boot-1.log holds three clusters (vmemmap WARNING, BUG, hostile-title WARNING): all three match `any`. The
    // message does not name a --fail-on that was not given.
    expect(xml).toContain('message="3 clusters of any kind (no --fail-on given)" type="any"');
    expect(xml).not.toContain('--fail-on any');
  });

  test('--fail-on is passed on', async () => {
    const s = sampleSummary();
    const xml = await renderSummaryAs('junit', s, 'vmemmap');
    expect(xml).toBe(renderSummaryJunit(s, 'vmemmap'));
    // Of boot-1.log's three clusters only aaaa0001 has vmemmap findings.
    expect(xml).toContain('message="1 cluster matching --fail-on vmemmap" type="vmemmap"');
    expect(xml).not.toContain('bbbb0002');
  });
});
