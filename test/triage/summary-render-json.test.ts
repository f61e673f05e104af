import { renderSummaryJson } from '../../src/triage/summary-render-json.js';
import { summaryProblems } from '../../src/triage/validate-summary.js';
import { sampleSummary } from './sample-summary.js';

describe('renderSummaryJson', () => {
  test('valid against the schema; 64-bit values as hex strings; byte-identical for the same input', () => {
    const json = renderSummaryJson(sampleSummary());
    expect(summaryProblems(JSON.parse(json))).toEqual([]);
    expect(json).toContain('"start": "0xfffffbfff0000000"');
    expect(renderSummaryJson(sampleSummary())).toBe(json);
  });
});
