import { keepClusters } from '../../src/triage/keep-clusters.js';
import { sampleSummary } from './sample-summary.js';

test('every cluster id a log lists is among the kept clusters', () => {
  const summary = sampleSummary();
  const kept = keepClusters(summary, (c) => c.id !== 'bbbb0002');
  expect(kept.clusters.map((c) => c.id)).toEqual(summary.clusters.map((c) => c.id).filter((id) => id !== 'bbbb0002'));
  const listed = kept.logs.flatMap((l) => l.clusters.map((c) => c.id));
  expect(listed.length).toBeGreaterThan(0);
  for (const id of listed) expect(kept.clusters.some((c) => c.id === id)).toBe(true);
  expect(listed).not.toContain('bbbb0002');
});

test('totals, issues and the input summary stay as read', () => {
  const summary = sampleSummary();
  const before = structuredClone(summary);
  const kept = keepClusters(summary, () => false);
  expect(kept.clusters).toEqual([]);
  expect(kept.totals).toEqual(before.totals);
  expect(kept.issues).toEqual(before.issues);
  expect(kept.logs.map((l) => [l.name, l.splats])).toEqual(before.logs.map((l) => [l.name, l.splats]));
  expect(summary).toEqual(before);
});
