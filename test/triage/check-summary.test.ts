import { checkSummaries, checkSummary } from '../../src/triage/check-summary.js';

const summary = { totals: {}, clusters: [], logs: [], issues: [] };

describe('check-summary', () => {
  test('totals, clusters, logs and issues make a summary', () => {
    expect(() => checkSummary('renderSummaryText', 'summary', summary)).not.toThrow();
    expect(() => checkSummaries('mergeSummaries', 'summaries', [summary, summary])).not.toThrow();
  });

  test('one without its issues, and an array holding one, are UsageErrors naming where', () => {
    const { issues: _issues, ...partial } = summary;
    expect(() => checkSummary('renderSummaryText', 'summary', partial)).toThrow(/^renderSummaryText: summary must be a summary /);
    expect(() => checkSummaries('mergeSummaries', 'summaries', [summary, partial])).toThrow(/^mergeSummaries: summaries\[1\] must be a summary /);
    expect(() => checkSummaries('mergeSummaries', 'summaries', summary)).toThrow(/^mergeSummaries: summaries must be an array of summaries/);
  });
});
