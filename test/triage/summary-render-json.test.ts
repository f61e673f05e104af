import { LOGS_PER_CHUNK, renderSummaryJson, renderSummaryJsonChunks } from '../../src/triage/summary-render-json.js';
import { mergeSummaries } from '../../src/triage/merge.js';
import { summarizeIssues, summarizeLog } from '../../src/triage/summarize-log.js';
import { fakeResult } from './fake-result.js';
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

// Found by a review: the summary of 20,000 logs (4.7 MB of JSON) was made in one piece, 9 MiB of peak RSS above the
// text summary of the same run. It is written in pieces of LOGS_PER_CHUNK logs.
describe('renderSummaryJsonChunks', () => {
  const withLogs = (n: number) => mergeSummaries([
    ...Array.from({ length: n }, (_, i) => summarizeLog(fakeResult(`logs/host${i}.log`, i % 2 ? [{ id: 'aaaa0001', count: i }] : []), { input: `logs/host${i}.log` })),
    summarizeIssues([{ input: 'logs/bad.gz', severity: 'error', reason: 'corrupt' }]),
  ]);

  test.each([0, 1, 2, LOGS_PER_CHUNK - 1, LOGS_PER_CHUNK, LOGS_PER_CHUNK + 1, 3 * LOGS_PER_CHUNK])('%d logs: the pieces joined are renderSummaryJson’s text', (n) => {
    const s = withLogs(n);
    expect([...renderSummaryJsonChunks(s)].join('')).toBe(renderSummaryJson(s));
  });

  test('the sample summary (vmemmap hulls, history, issues) joins to the same text', () => {
    const s = sampleSummary();
    expect([...renderSummaryJsonChunks(s)].join('')).toBe(renderSummaryJson(s));
  });

  test('no piece holds more than LOGS_PER_CHUNK logs', () => {
    const pieces = [...renderSummaryJsonChunks(withLogs(5 * LOGS_PER_CHUNK))];
    expect(pieces.length).toBe(7);
    // Objects in a list one level down: the head holds the one cluster, the tail the one issue.
    const objects = (piece: string) => (piece.match(/^ {4}\{$/gm) ?? []).length;
    expect(pieces.map(objects)).toEqual([1, ...Array(5).fill(LOGS_PER_CHUNK), 1]);
  });

  test('a summary that is none is refused at once, before any piece is asked for', () => {
    expect(() => renderSummaryJsonChunks({} as never)).toThrow(/^renderSummaryJsonChunks: summary must be a summary/);
  });
});
