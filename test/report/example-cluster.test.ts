import { exampleClusters, mostSevereCluster } from '../../src/report/example-cluster.js';
import { buildReport } from '../../src/report/model.js';
import { armResult, bugCluster, TOOL } from './fixtures.js';

const inputOf = (r: ReturnType<typeof armResult>) => buildReport([r], { tool: TOOL }).inputs[0]!;

test('with no vmemmap cluster: the most severe, then a complete example, then the largest', () => {
  const r = armResult();
  const big = bugCluster();
  big.id = 'big';
  big.count = 7;
  r.clusters = [bugCluster(), big];
  expect(exampleClusters(inputOf(r)).map((c) => c.id)).toEqual(['big']);
  const complete = bugCluster();
  complete.id = 'complete';
  delete complete.example.corrupted;
  r.clusters = [bugCluster(), big, complete];
  expect(exampleClusters(inputOf(r)).map((c) => c.id)).toEqual(['complete']);
  const oops = bugCluster();
  oops.id = 'oops';
  oops.kind = 'oops';
  r.clusters = [bugCluster(), big, complete, oops];
  expect(exampleClusters(inputOf(r)).map((c) => c.id)).toEqual(['oops']);
  r.clusters = [];
  expect(exampleClusters(inputOf(r))).toEqual([]);
});

test('a 100-splat warning does not outrank a single Oops', () => {
  const r = armResult();
  const warnings = bugCluster();
  warnings.id = 'warnings';
  warnings.kind = 'warning';
  warnings.count = 100;
  const oops = bugCluster();
  oops.id = 'oops';
  oops.kind = 'oops';
  r.clusters = [warnings, oops];
  expect(mostSevereCluster(inputOf(r).clusters)?.id).toBe('oops');
});

test('the first vmemmap cluster, and the crash beside it when there is one', () => {
  const r = armResult();
  expect(exampleClusters(inputOf(r)).map((c) => c.id)).toEqual(['1f2e3d4c5b6a7988']);
  const oops = bugCluster();
  oops.id = 'oops';
  oops.kind = 'oops';
  r.clusters = [...r.clusters, oops];
  expect(exampleClusters(inputOf(r)).map((c) => c.id)).toEqual(['1f2e3d4c5b6a7988', 'oops']);
  const bug = bugCluster();
  r.clusters = [r.clusters[0]!, bug];
  expect(exampleClusters(inputOf(r)).map((c) => c.id)).toEqual(['1f2e3d4c5b6a7988']);
});

// Found by a review of the reports' fixes: a WARNING the kernel panicked after (panic_on_warn) counted as a panic in
// the headline and the Markdown lead, but its example was not shown beside the vmemmap cluster's, and an Oops the
// kernel lived through outranked it.
test('a report the kernel panicked after is a crash: shown beside the vmemmap cluster, first without one', () => {
  const r = armResult();
  const panicked = bugCluster();
  panicked.id = 'panicked';
  panicked.kind = 'warning';
  panicked.panickedCount = 1;
  r.clusters = [...r.clusters, panicked];
  expect(exampleClusters(inputOf(r)).map((c) => c.id)).toEqual(['1f2e3d4c5b6a7988', 'panicked']);
  const oops = bugCluster();
  oops.id = 'oops';
  oops.kind = 'oops';
  r.clusters = [oops, panicked];
  expect(exampleClusters(inputOf(r)).map((c) => c.id)).toEqual(['panicked']);
  delete panicked.panickedCount;
  expect(exampleClusters(inputOf(r)).map((c) => c.id)).toEqual(['oops']);
});
