import { mergeSummaries } from '../../src/triage/merge.js';
import { summarizeIssues, summarizeLog } from '../../src/triage/summarize-log.js';
import type { Summary } from '../../src/triage/summary-types.js';
import { fakeResult } from './fake-result.js';

/**
 * Two logs: `boot-1.log` with a vmemmap WARNING storm (3 splats) and a BUG, `boot-2.log` clean; one corrupt input.
 * The struct page hull is an arbitrary window-crossing range; renderers only copy it.
 */
export function sampleSummary(): Summary {
  const hostile = 'WARNING in <script>alert(1)</script> | @team #1 \x1b[31m';
  return mergeSummaries([
    summarizeLog(fakeResult('boot-1.log', [
      { id: 'aaaa0001', count: 3, title: 'WARNING in vmemmap_populate', releases: ['6.6.33'], hardware: ['Acme Board'],
        firstWallTime: '2024-05-01T10:00:00.000Z', lastWallTime: '2024-05-01T10:00:05.000Z',
        vmemmap: [{ op: 'populate', splatCount: 3, readCount: 3, position: 'below-window',
          pageHull: { start: 0xfffffbfff0000000n, end: 0xfffffc0000400000n } }] },
      { id: 'bbbb0002', count: 1, kind: 'bug', title: 'BUG: Bad page state in free_pages' },
      { id: 'cccc0003', count: 1, title: hostile },
    ]), { input: 'boot-1.log' }),
    summarizeLog(fakeResult('boot-2.log', []), { input: 'boot-2.log' }),
    summarizeIssues([{ input: 'bad<&>.gz', severity: 'error', reason: 'corrupt gzip data (invalid block type)' }]),
  ]);
}

/** The sample summary with `n` clusters and `n` problems: more rows than a spread call can pass. */
export function hugeSummary(n: number): Summary {
  const s = sampleSummary();
  const one = s.clusters.find((c) => c.id === 'aaaa0001')!;
  s.clusters = Array.from({ length: n }, (_, i) => ({ ...one, id: i.toString(16).padStart(8, '0') }));
  s.issues = Array.from({ length: n }, (_, i) => ({ input: `log-${i}.gz`, severity: 'error' as const, reason: 'corrupt gzip data' }));
  return s;
}
