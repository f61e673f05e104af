import fc from 'fast-check';
import { jest } from '@jest/globals';
import { UsageError } from '../../src/errors.js';
import { mergeShards, mergeSummaries, missingShards, SummaryFold } from '../../src/triage/merge.js';
import { heapHeldBy } from '../util/held-heap.js';
import { summarizeLog } from '../../src/triage/summarize-log.js';
import type { Summary } from '../../src/triage/summary-types.js';
import { fakeResult } from './fake-result.js';
import type { SplatKind } from '../../src/parse/types.js';

const ids = ['0a1b2c3d', '1f2e3d4c', '2b3c4d5e', '3c4d5e6f'];

const logArb = fc.record({
  clusters: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...ids),
      count: fc.integer({ min: 1, max: 50 }),
      wall: fc.option(fc.integer({ min: 0, max: 1e6 }).map((s) => new Date(1.7e12 + s * 1000).toISOString()), { nil: undefined }),
      releases: fc.uniqueArray(fc.constantFrom('6.1.0', '6.6.33', '5.10.2'), { maxLength: 2 }),
      page: fc.option(fc.tuple(fc.bigInt({ min: 0n, max: 1n << 40n }), fc.bigInt({ min: 1n, max: 1n << 30n })), { nil: undefined }),
    }),
    { selector: (c) => c.id, maxLength: 3 },
  ),
  lines: fc.integer({ min: 0, max: 10_000 }),
});

type LogSpec = typeof logArb extends fc.Arbitrary<infer T> ? T : never;

function single(name: string, log: LogSpec): Summary {
  const base = 0xffff_fc00_0000_0000n;
  return summarizeLog(
    fakeResult(name, log.clusters.map((c) => ({
      id: c.id,
      count: c.count,
      ...(c.wall !== undefined && { firstWallTime: c.wall, lastWallTime: c.wall }),
      releases: c.releases,
      vmemmap: c.page ? [{ pageHull: { start: base + c.page[0], end: base + c.page[0] + c.page[1] } }] : [],
    })), { lines: log.lines, bytes: log.lines * 40 }),
    { input: name },
  );
}

const json = (s: Summary) => JSON.stringify(s);

describe('mergeSummaries', () => {
  test('is associative and commutative over any grouping and order', () => {
    const order = fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(logArb, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(3)), order, (logs, groupOf, permutation) => {
        const singles = logs.map((l, i) => single(`log-${i}`, l));
        const whole = mergeSummaries(singles);
        const groups = [0, 1, 2, 3].map((g) => mergeSummaries(singles.filter((_, i) => (groupOf[i] ?? 0) === g)));
        const shuffled = permutation.map((g) => groups[g] ?? mergeSummaries([]));
        expect(json(mergeSummaries(shuffled))).toBe(json(whole));
        expect(json(mergeSummaries([mergeSummaries(groups.slice(0, 2)), mergeSummaries(groups.slice(2))]))).toBe(json(whole));
      }),
      { numRuns: 200 },
    );
  });

  test('counts add, hulls join, wall times widen, the example is the first log by name', () => {
    const a = summarizeLog(fakeResult('b.log', [{ id: '0a1b2c3d', count: 2, firstWallTime: '2024-05-01T10:00:00.000Z', lastWallTime: '2024-05-01T11:00:00.000Z',
      vmemmap: [{ pageHull: { start: 0x1000n, end: 0x2000n } }] }]), { input: 'b.log' });
    const b = summarizeLog(fakeResult('a.log', [{ id: '0a1b2c3d', count: 3, firstWallTime: '2024-04-30T09:00:00.000Z', lastWallTime: '2024-04-30T09:30:00.000Z',
      vmemmap: [{ pageHull: { start: 0x1800n, end: 0x3000n }, splatCount: 4 }] }]), { input: 'a.log' });
    const [c] = mergeSummaries([a, b]).clusters;
    expect(c).toMatchObject({
      count: 5, logs: 2, exampleLog: 'a.log',
      firstSeen: '2024-04-30T09:00:00.000Z', lastSeen: '2024-05-01T11:00:00.000Z',
      vmemmap: [{ op: 'populate', splatCount: 5, pageHull: { start: '0x1000', end: '0x3000' } }],
    });
  });

  test('clusters: most severe class first, then most logs, then most splats, then id', () => {
    const warnings = (name: string) => summarizeLog(fakeResult(name, [
      { id: '0a1b2c3d', count: 9 }, { id: '1f2e3d4c', count: 2, kind: 'lockdep' },
      { id: '2b3c4d5e', count: 2, kind: 'oops' }, { id: '3c4d5e6f', count: 2, kind: 'other' },
    ]), { input: name });
    // A panic in one log with one splat outranks the warning with 18 splats in two logs.
    const panic = summarizeLog(fakeResult('c.log', [{ id: 'ffff0000', count: 1, kind: 'panic' }]), { input: 'c.log' });
    const merged = mergeSummaries([warnings('a.log'), warnings('b.log'), panic]);
    expect(merged.clusters.map((c) => [c.kind, c.logs, c.count])).toEqual([
      ['oops', 2, 4], ['panic', 1, 1], ['lockdep', 2, 4], ['warning', 2, 18], ['other', 2, 4],
    ]);
    // Within a class and a number of logs: more splats first, the id settles a tie.
    const tie = summarizeLog(fakeResult('d.log', [{ id: '0000beef', count: 1, kind: 'bug' }, { id: '0000abcd', count: 1, kind: 'kasan' },
      { id: '0000ffff', count: 3, kind: 'oops' }]), { input: 'd.log' });
    expect(tie.clusters.map((c) => c.id)).toEqual(['0000ffff', '0000abcd', '0000beef']);
  });

  test('logs by severity add up, each log in the class of its worst cluster', () => {
    const log = (name: string, kinds: SplatKind[]) =>
      summarizeLog(fakeResult(name, kinds.map((kind, i) => ({ id: `${i}`.padStart(8, '0'), count: 1, kind }))), { input: name });
    const merged = mergeSummaries([log('a.log', ['warning', 'oops']), log('b.log', ['lockdep', 'warning']), log('c.log', ['kasan']),
      log('d.log', []), log('e.log', ['ubsan', 'other'])]);
    expect(merged.totals.logsBySeverity).toEqual({ crash: 2, hang: 1, warning: 1, other: 0 });
  });

  // Found by a review of the CLI: what stopped a run was not kept (every stop was called Ctrl-C). Shards stopped
  // differently name each cause once, in one order, however they are grouped.
  test('what stopped each summary is named once, in the order SIGINT, SIGTERM, SIGHUP, over any grouping', () => {
    const stopped = (by?: Summary['interruptedBy']): Summary => ({ ...mergeSummaries([]), interrupted: true, ...(by && { interruptedBy: by }) });
    const [hup, term, int, unknown] = [stopped(['SIGHUP']), stopped(['SIGTERM']), stopped(['SIGINT']), stopped()];
    expect(mergeSummaries([hup, term, unknown, int])).toMatchObject({ interrupted: true, interruptedBy: ['SIGINT', 'SIGTERM', 'SIGHUP'] });
    expect(json(mergeSummaries([mergeSummaries([hup, term]), mergeSummaries([int, hup])]))).toBe(json(mergeSummaries([int, term, hup])));
    expect(mergeSummaries([unknown, mergeSummaries([])]).interruptedBy).toBeUndefined();
  });

  test('of nothing is the empty summary', () => {
    expect(mergeSummaries([])).toMatchObject({ schemaVersion: 6, interrupted: false, clusters: [], logs: [], issues: [] });
  });
});

// Found by a review: triage kept each input's whole summary to the end of the run, 1.5 KB an input of one small log.
describe('SummaryFold', () => {
  // A log of one small storm: one WARNING with its vmemmap finding, in one of four clusters.
  const log = (i: number) => single(`host${i}.log`, {
    clusters: [{ id: ids[i % 4]!, count: 1, wall: undefined, releases: ['6.1.0'], page: [BigInt(i) << 21n, 1n << 21n] }],
    lines: 250,
  });
  const logs = (n: number) => Array.from({ length: n }, (_, i) => log(i));

  test('pushed one at a time, gives what mergeSummaries gives', () => {
    const singles = logs(40);
    const fold = new SummaryFold();
    for (const s of singles) fold.push(s);
    expect(json(fold.result())).toBe(json(mergeSummaries(singles)));
    // A result leaves the fold as it was: more can be pushed.
    fold.push(single('late.log', { clusters: [], lines: 1 }));
    expect(json(fold.result())).toBe(json(mergeSummaries([...singles, single('late.log', { clusters: [], lines: 1 })])));
  });

  test('keeps a row per log and an entry per cluster, not the summaries pushed', () => {
    const n = 2000;
    const summaries = heapHeldBy(() => logs(n)) / n;
    const folded = heapHeldBy(() => {
      const fold = new SummaryFold();
      // Each summary made and pushed in turn, as a runner does: nothing else holds it.
      for (let i = 0; i < n; i++) fold.push(log(i));
      return fold;
    }) / n;
    // 1,500 bytes a summary; 280–310 folded: the row, its name, its one cluster entry and its place in the list. The
    // summaries' own size is measured against the fold's: in a full run under load one measure gave 788 bytes.
    expect(summaries).toBeGreaterThan(2 * folded);
    expect(folded).toBeLessThan(500);
  });
});

// Found by an audit embedding the library: merging a summary with itself doubled every total without a word, where
// `vmemwarn merge` warns; the library had no way to say so.
describe('mergeSummaries warnings', () => {
  const a = single('a.log', { clusters: [], lines: 10 });
  const b = single('b.log', { clusters: [], lines: 20 });

  test('a log in two summaries is said to onWarning, and the merge is the same with it or without', () => {
    const warnings: string[] = [];
    const merged = mergeSummaries([a, b, a], { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual(['1 log(s) appear in more than one summary and are counted once per summary (a.log)']);
    expect(merged.totals.logs).toBe(3);
    expect(json(merged)).toBe(json(mergeSummaries([a, b, a])));
  });

  test('disjoint summaries give no warning', () => {
    const onWarning = jest.fn();
    mergeSummaries([a, b], { onWarning });
    expect(onWarning).not.toHaveBeenCalled();
  });

  test('a bad option is a usage error', () => {
    expect(() => mergeSummaries([a], { onWarnings: () => undefined } as never)).toThrow(new UsageError("mergeSummaries: unknown option 'onWarnings' (did you mean 'onWarning'?)"));
    expect(() => mergeSummaries([a], { onWarning: 5 } as never)).toThrow(new UsageError('mergeSummaries: onWarning must be a function, not the number 5'));
  });
});

describe('mergeShards', () => {
  const of = (count: number, ...indices: number[]) => ({ shards: { count, indices } });
  test('the shards of one sharding add up; all of them, none left to name', () => {
    expect(mergeShards([of(3, 1), of(3, 3)])).toEqual({ count: 3, indices: [1, 3] });
    expect(mergeShards([of(3, 3), of(3, 1), of(3, 1)])).toEqual({ count: 3, indices: [1, 3] });
    expect(mergeShards([of(3, 1, 3), of(3, 2)])).toBeUndefined();
  });

  test('a summary of no sharding, or of another count, leaves the merge without shards', () => {
    expect(mergeShards([of(3, 1), {}])).toBeUndefined();
    expect(mergeShards([of(3, 1), of(4, 2)])).toBeUndefined();
    expect(mergeShards([])).toBeUndefined();
  });

  test('any grouping gives the same', () => {
    const parts = [of(5, 1), of(5, 4), of(5, 2)];
    const first = mergeShards(parts.slice(0, 2));
    expect(mergeShards([first ? { shards: first } : {}, parts[2]!])).toEqual(mergeShards(parts));
  });

  test('missingShards lists what a merge lacks', () => {
    expect(missingShards({ count: 5, indices: [2, 4] })).toEqual([1, 3, 5]);
  });
});
