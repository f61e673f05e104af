import { buildReport } from '../../src/report/model.js';
import { lineSpan, plural, vmemmapClusters } from '../../src/report/report-facts.js';
import { armResult, TOOL } from './fixtures.js';

test('vmemmapClusters keeps clusters with a finding', () => {
  const [input] = buildReport([armResult()], { tool: TOOL }).inputs;
  expect(vmemmapClusters(input!).map((c) => c.id)).toEqual(['1f2e3d4c5b6a7988']);
});

test('lineSpan and plural', () => {
  expect(lineSpan({ firstLine: 5, lastLine: 5 })).toBe('5');
  expect(lineSpan({ firstLine: 5, lastLine: 9 })).toBe('5-9');
  expect(plural(1, 'boot')).toBe('1 boot');
  expect(plural(2, 'boot')).toBe('2 boots');
});
