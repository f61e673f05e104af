import { exampleCluster } from '../../src/report/example-cluster.js';
import { buildReport } from '../../src/report/model.js';
import { armResult, bugCluster, TOOL } from './fixtures.js';

test('the example: first vmemmap cluster, else the largest complete one, else the largest', () => {
  const [input] = buildReport([armResult()], { tool: TOOL }).inputs;
  expect(exampleCluster(input!)?.id).toBe('1f2e3d4c5b6a7988');

  const r = armResult();
  const big = bugCluster();
  big.id = 'big';
  big.count = 7;
  r.clusters = [bugCluster(), big];
  expect(exampleCluster(buildReport([r], { tool: TOOL }).inputs[0]!)?.id).toBe('big');
  const complete = bugCluster();
  complete.id = 'complete';
  delete complete.example.corrupted;
  r.clusters = [bugCluster(), big, complete];
  expect(exampleCluster(buildReport([r], { tool: TOOL }).inputs[0]!)?.id).toBe('complete');
  r.clusters = [];
  expect(exampleCluster(buildReport([r], { tool: TOOL }).inputs[0]!)).toBeUndefined();
});
