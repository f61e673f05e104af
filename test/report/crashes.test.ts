import { crashCounts, crashName, leadCrash, panickedAfter } from '../../src/report/crashes.js';
import { buildReport } from '../../src/report/model.js';
import { armResult, bugCluster, TOOL } from './fixtures.js';

function withClusters(kinds: ['oops' | 'panic' | 'warning', number, number, number?][]) {
  const r = armResult();
  r.clusters = kinds.map(([kind, count, firstLine, panickedCount], i) => ({
    ...bugCluster(), id: `c${i}`, kind, count, firstLine, ...(panickedCount !== undefined && { panickedCount }),
  }));
  return r;
}

test('crash splats counted per kind, panics first; none without a crash', () => {
  const report = buildReport([withClusters([['warning', 9, 1], ['oops', 2, 5], ['panic', 1, 9], ['oops', 1, 7]])], { tool: TOOL });
  expect(crashCounts(report.inputs[0]!.clusters)).toBe('1 panic, 3 Oopses');
  expect(crashCounts(buildReport([withClusters([['warning', 9, 1]])], { tool: TOOL }).inputs[0]!.clusters)).toBeUndefined();
});

test('the lead crash: the most severe kind, then the first input, then the earliest line', () => {
  const a = withClusters([['oops', 1, 50], ['oops', 1, 20]]);
  const b = withClusters([['panic', 1, 90]]);
  a.source = 'a.log';
  b.source = 'b.log';
  const report = buildReport([a, b], { tool: TOOL });
  expect(leadCrash(report)).toMatchObject({ source: 'b.log', cluster: { kind: 'panic' }, clusters: 3 });
  const oopsOnly = buildReport([a], { tool: TOOL });
  expect(leadCrash(oopsOnly)?.cluster.firstLine).toBe(20);
  expect(leadCrash(buildReport([withClusters([['warning', 1, 1]])], { tool: TOOL }))).toBeUndefined();
  expect(crashName('oops')).toBe('Kernel Oops');
});

test('a WARNING the kernel panicked after (panic_on_warn) counts its panics and leads as a panic', () => {
  const report = buildReport([withClusters([['oops', 1, 5], ['warning', 40, 90, 1], ['warning', 3, 2]])], { tool: TOOL });
  expect(crashCounts(report.inputs[0]!.clusters)).toBe('1 panic, 1 Oops');
  expect(leadCrash(report)).toMatchObject({ cluster: { kind: 'warning', firstLine: 90 }, clusters: 2 });
  expect(panickedAfter(report.inputs[0]!.clusters[1]!)).toBe(true);
});

test("Found by a review: an Oops the kernel panicked after (its Fatal exception) counts as a panic and leads as one, as a BUG's does", () => {
  const report = buildReport([withClusters([['oops', 2, 5, 2]])], { tool: TOOL });
  expect(crashCounts(report.inputs[0]!.clusters)).toBe('2 panics');
  expect(panickedAfter(report.inputs[0]!.clusters[0]!)).toBe(true);
  // Only the Oopses the kernel died after are panics; the others stay Oopses.
  const some = buildReport([withClusters([['oops', 3, 5, 1], ['panic', 1, 9, 1]])], { tool: TOOL });
  expect(crashCounts(some.inputs[0]!.clusters)).toBe('2 panics, 2 Oopses');
  // It ranks as a panic: ahead of an earlier Oops that the kernel survived.
  const lead = buildReport([withClusters([['oops', 1, 5], ['oops', 1, 90, 1]])], { tool: TOOL });
  expect(leadCrash(lead)).toMatchObject({ cluster: { kind: 'oops', firstLine: 90 }, clusters: 2 });
  // A panic is not a report the kernel panicked after: it is the panic.
  expect(panickedAfter(some.inputs[0]!.clusters[1]!)).toBe(false);
});
