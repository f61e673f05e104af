import { buildReport } from '../../src/report/model.js';
import { renderSummaryLine } from '../../src/report/render-summary-line.js';
import { armResult, quietResult, TOOL } from './fixtures.js';

test('splats, clusters and vmemmap clusters over all inputs', () => {
  // Fixture stats: 4 splats in the arm64 log, 0 in the quiet one; 2 clusters, one with a vmemmap finding.
  expect(renderSummaryLine(buildReport([armResult(), quietResult()], { tool: TOOL }))).toBe('4 splats in 2 clusters, 1 vmemmap');
});

test('singular and empty forms', () => {
  const one = armResult();
  one.stats.splats = 1;
  one.clusters = one.clusters.slice(1);
  expect(renderSummaryLine(buildReport([one], { tool: TOOL }))).toBe('1 splat in 1 cluster, 0 vmemmap');
  expect(renderSummaryLine(buildReport([], { tool: TOOL }))).toBe('0 splats in 0 clusters, 0 vmemmap');
});

// Found by a review: the first line of a report on a machine that Oopsed did not say so.
test('crash splats are counted, panics first', () => {
  const r = armResult();
  r.clusters = [...r.clusters, { ...r.clusters[1]!, id: 'oops', kind: 'oops', count: 2 }, { ...r.clusters[1]!, id: 'panic', kind: 'panic', count: 1 }];
  expect(renderSummaryLine(buildReport([r], { tool: TOOL }))).toBe('4 splats in 4 clusters, 1 vmemmap, 1 panic, 2 Oopses');
});

test('Found by a review: an Oops the kernel panicked after (its Fatal exception) is counted as a panic', () => {
  const r = armResult();
  r.clusters = [...r.clusters, { ...r.clusters[1]!, id: 'oops', kind: 'oops', count: 2, panickedCount: 2 }];
  expect(renderSummaryLine(buildReport([r], { tool: TOOL }))).toBe('4 splats in 3 clusters, 1 vmemmap, 2 panics');
});
