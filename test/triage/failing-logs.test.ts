import { anyLogFails, failingClusters } from '../../src/triage/failing-logs.js';
import type { Summary, SummaryLog } from '../../src/triage/summary-types.js';
import { sampleSummary } from './sample-summary.js';

/**
 * sampleSummary(): boot-1.log holds aaaa0001 (a vmemmap WARNING), bbbb0002 (a BUG) and cccc0003 (a WARNING with a
 * hostile title); boot-2.log holds nothing.
 */
function logNamed(summary: Summary, name: string): SummaryLog {
  const log = summary.logs.find((l) => l.name === name);
  if (!log) throw new Error(`no log ${name}`);
  return log;
}

const ids = (summary: Summary, log: string, failOn: Parameters<typeof failingClusters>[2]) =>
  failingClusters(summary, logNamed(summary, log), failOn).map((c) => c.id);

describe('failingClusters', () => {
  test.each([
    ['vmemmap', ['aaaa0001']],
    ['warning', ['aaaa0001', 'cccc0003']],
    ['bug', ['bbbb0002']],
    ['any', ['aaaa0001', 'bbbb0002', 'cccc0003']],
  ] as const)('--fail-on %s: the clusters of the log of that kind', (failOn, want) => {
    expect(ids(sampleSummary(), 'boot-1.log', failOn)).toEqual(want);
  });

  test('a log without clusters never fails', () => {
    expect(ids(sampleSummary(), 'boot-2.log', 'any')).toEqual([]);
  });

  test('known clusters never fail', () => {
    const summary = sampleSummary();
    for (const c of summary.clusters) if (c.id === 'aaaa0001') c.known = true;
    expect(ids(summary, 'boot-1.log', 'vmemmap')).toEqual([]);
    expect(ids(summary, 'boot-1.log', 'warning')).toEqual(['cccc0003']);
  });

  test('a log cluster missing from the summary (filtered out, e.g. --new-only) is left out', () => {
    const summary = sampleSummary();
    summary.clusters = summary.clusters.filter((c) => c.id !== 'bbbb0002');
    expect(ids(summary, 'boot-1.log', 'any')).toEqual(['aaaa0001', 'cccc0003']);
  });

  test('returns the summary\'s clusters, not the per-log entries', () => {
    const summary = sampleSummary();
    const [c] = failingClusters(summary, logNamed(summary, 'boot-1.log'), 'bug');
    expect(c).toBe(summary.clusters.find((x) => x.id === 'bbbb0002'));
  });
});

describe('anyLogFails', () => {
  test('no --fail-on never fails', () => {
    expect(anyLogFails(sampleSummary(), undefined)).toBe(false);
  });

  test('--fail-on panic fails on no log of a summary without a panic', () => {
    expect(anyLogFails(sampleSummary(), 'panic')).toBe(false);
  });

  test.each(['vmemmap', 'warning', 'bug', 'any'] as const)('--fail-on %s fails on boot-1.log', (failOn) => {
    expect(anyLogFails(sampleSummary(), failOn)).toBe(true);
  });

  test('every matching cluster known: nothing fails', () => {
    const summary = sampleSummary();
    for (const c of summary.clusters) c.known = true;
    expect(anyLogFails(summary, 'any')).toBe(false);
  });

  test('clusters with no log holding them do not count', () => {
    const summary = sampleSummary();
    summary.logs = summary.logs.filter((l) => l.name !== 'boot-1.log');
    expect(anyLogFails(summary, 'any')).toBe(false);
  });
});
