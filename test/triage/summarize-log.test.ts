import { summarizeInterrupted, summarizeIssues, summarizeLog } from '../../src/triage/summarize-log.js';
import { fakeResult } from './fake-result.js';

describe('summarizeLog', () => {
  const result = fakeResult('ci/boot.log', [
    { id: 'bbbb0002', count: 1, kind: 'bug', title: 'BUG: Bad page state in free_pages', releases: ['6.6.1', '6.1.0'] },
    { id: 'aaaa0001', count: 4, vmemmap: [{ op: 'free', splatCount: 4, readCount: 2, position: 'above-window',
      pageHull: { start: 0xfffffffffb000000n, end: 0xfffffffffe000000n } }] },
  ], { lines: 321, bytes: 12345 });

  test('totals, per-log cluster list and cluster entries', () => {
    const s = summarizeLog(result, { input: 'ci' });
    // The log's worst splat is the BUG: it counts as one log that crashed.
    expect(s.totals).toEqual({ inputs: 0, logs: 1, logsWithSplats: 1, bytes: 12345, lines: 321, splats: 5, errors: 0, skipped: 0, notKernelLogs: 0,
      logsBySeverity: { crash: 1, hang: 0, warning: 0, other: 0 } });
    expect(s.logs).toEqual([{ name: 'ci/boot.log', input: 'ci', bytes: 12345, lines: 321, splats: 5, arch: 'arm64',
      clusters: [{ id: 'aaaa0001', count: 4 }, { id: 'bbbb0002', count: 1 }] }]);
    // The BUG before the WARNING with more splats: a crash ranks first.
    expect(s.clusters.map((c) => c.id)).toEqual(['bbbb0002', 'aaaa0001']);
    expect(s.clusters[0]).toMatchObject({ releases: ['6.1.0', '6.6.1'], failOn: ['any', 'bug'], exampleLog: 'ci/boot.log', logs: 1 });
    expect(s.clusters[1]?.vmemmap).toEqual([{ op: 'free', logs: 1, splatCount: 4, readCount: 2, positions: ['above-window'],
      pageHull: { start: '0xfffffffffb000000', end: '0xfffffffffe000000' } }]);
    expect(s.clusters[1]?.failOn).toEqual(['any', 'vmemmap', 'warning']);
  });

  // Found by review: past the analyzer's cluster cap a splat is counted in stats.splats and in no cluster; the
  // summary had added up the clusters (1,000 of 1,100).
  test('splats are the analyzer\'s count, which holds splats past the cluster cap', () => {
    const capped = { ...result, stats: { ...result.stats, splats: 7 } };
    const s = summarizeLog(capped, { input: 'ci' });
    expect(s.totals.splats).toBe(7);
    expect(s.logs[0]?.splats).toBe(7);
  });

  test('a WARNING the kernel panicked after (panic_on_warn) makes a crashed log, sorts as a crash and fails --fail-on panic', () => {
    const log = fakeResult('pow.log', [
      { id: 'cccc0003', count: 3, kind: 'lockdep', title: 'WARNING: possible circular locking dependency detected' },
      { id: 'dddd0004', count: 1, title: 'WARNING in foo', panickedCount: 1 },
    ]);
    const s = summarizeLog(log, { input: 'pow.log' });
    expect(s.totals.logsBySeverity).toEqual({ crash: 1, hang: 0, warning: 0, other: 0 });
    expect(s.clusters.map((c) => c.id)).toEqual(['dddd0004', 'cccc0003']);
    expect(s.clusters[0]).toMatchObject({ panickedCount: 1, failOn: ['any', 'panic', 'warning'] });
    expect(s.clusters[1]).not.toHaveProperty('panickedCount');
  });

  test('wall time from the log beats the file time', () => {
    const withWall = fakeResult('x', [{ id: 'aaaa0001', count: 1, firstWallTime: '2024-01-01T00:00:00.000Z', lastWallTime: '2024-01-01T00:01:00.000Z' }]);
    expect(summarizeLog(withWall, { input: 'x', fileTime: '2025-01-01T00:00:00.000Z' }).clusters[0]).toMatchObject({
      firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-01T00:01:00.000Z' });
  });
});

describe('summarizeIssues', () => {
  test('counts errors and skips, not warnings', () => {
    const s = summarizeIssues([
      { input: 'a', severity: 'error', reason: 'r' },
      { input: 'b', severity: 'skipped', reason: 'r' },
      { input: 'c', severity: 'warning', reason: 'r' },
    ]);
    expect([s.totals.errors, s.totals.skipped, s.issues.length]).toEqual([1, 1, 3]);
  });
});

// Found by an audit: a plain log cut short is left out whole, yet its row said "the rest of it is not in the summary".
describe('summarizeInterrupted', () => {
  test('a log cut short: named as not in the summary, one input, interrupted', () => {
    const s = summarizeInterrupted('big.log', undefined, 'SIGINT');
    expect(s.issues).toEqual([{ input: 'big.log', severity: 'skipped', reason: 'interrupted (Ctrl-C) before it was read to the end: it is not in the summary' }]);
    expect(s.totals.inputs).toBe(1);
    expect(s.interrupted).toBe(true);
  });

  // Found by a review of the CLI: a run SIGTERM stopped (a CI timeout) named each input it cut short as cut by Ctrl-C.
  test('the reason names the stop signal, or none when it is not known', () => {
    expect(summarizeInterrupted('big.log', undefined, 'SIGTERM').issues[0]?.reason).toBe('interrupted (SIGTERM) before it was read to the end: it is not in the summary');
    expect(summarizeInterrupted('big.log').issues[0]?.reason).toBe('interrupted before it was read to the end: it is not in the summary');
  });
});
