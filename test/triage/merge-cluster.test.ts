import fc from 'fast-check';
import { MAX_LISTED_VALUES, mergeCluster, mergeVmemmapLists } from '../../src/triage/merge-cluster.js';
import type { SummaryCluster, SummaryVmemmap } from '../../src/triage/summary-types.js';

/** A cluster as one log's summary holds it; every test overrides what it checks. */
function cluster(over: Partial<SummaryCluster> = {}): SummaryCluster {
  return {
    id: '0a1b2c3d4e5f',
    kind: 'warning',
    title: 'WARNING in vmemmap_populate',
    signature: 'warning | WARNING in vmemmap_populate | __populate_section_memmap | sparse_add_section',
    count: 1,
    logs: 1,
    releases: [],
    hardware: [],
    exampleLog: 'a.log',
    known: false,
    failOn: ['any', 'warning'],
    vmemmap: [],
    ...over,
  };
}

function vmemmap(over: Partial<SummaryVmemmap> = {}): SummaryVmemmap {
  return { op: 'populate', logs: 1, splatCount: 1, readCount: 1, positions: [], ...over };
}

describe('mergeCluster', () => {
  test('splat and log counts add', () => {
    const merged = mergeCluster(cluster({ count: 7, logs: 2 }), cluster({ count: 5, logs: 3 }));
    expect([merged.count, merged.logs]).toEqual([7 + 5, 2 + 3]);
  });

  test('title, kind, signature and example come from the side with the first example log by name, in either order', () => {
    const a = cluster({ exampleLog: 'z/boot.log', title: 'WARNING in vmemmap_populate', signature: 'sig-z' });
    const b = cluster({ exampleLog: 'a/boot.log', title: 'WARNING in vmemmap_populate+0x30', kind: 'bug', signature: 'sig-a' });
    const want = { exampleLog: 'a/boot.log', title: 'WARNING in vmemmap_populate+0x30', kind: 'bug', signature: 'sig-a' };
    expect(mergeCluster(a, b)).toMatchObject(want);
    expect(mergeCluster(b, a)).toMatchObject(want);
  });

  test('with the same example log, the smaller title leads', () => {
    const a = cluster({ title: 'WARNING in b_func', signature: 'sig-b' });
    const b = cluster({ title: 'WARNING in a_func', signature: 'sig-a' });
    expect(mergeCluster(a, b)).toMatchObject({ title: 'WARNING in a_func', signature: 'sig-a' });
    expect(mergeCluster(b, a)).toMatchObject({ title: 'WARNING in a_func', signature: 'sig-a' });
  });

  test('the id is kept', () => {
    expect(mergeCluster(cluster({ id: 'feedc0ffee00' }), cluster({ id: 'feedc0ffee00' })).id).toBe('feedc0ffee00');
  });

  test('releases and hardware: sorted union without repeats', () => {
    const merged = mergeCluster(
      cluster({ releases: ['6.1.0', '6.6.33'], hardware: ['Radxa ROCK 5 Model B (DT)'] }),
      cluster({ releases: ['5.10.2', '6.6.33'], hardware: ['Acme Board', 'Radxa ROCK 5 Model B (DT)'] }),
    );
    expect(merged.releases).toEqual(['5.10.2', '6.1.0', '6.6.33']);
    expect(merged.hardware).toEqual(['Acme Board', 'Radxa ROCK 5 Model B (DT)']);
  });

  test(`releases and hardware keep the first ${MAX_LISTED_VALUES} values of the union`, () => {
    // Two overlapping lists of zero-padded names, so string order is numeric order: r00..r11 and r06..r19, union r00..r19.
    const names = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `r${String(from + i).padStart(2, '0')}`);
    const merged = mergeCluster(cluster({ releases: names(0, 11), hardware: names(6, 19) }), cluster({ releases: names(6, 19), hardware: names(0, 11) }));
    const firstOfUnion = names(0, MAX_LISTED_VALUES - 1);
    expect(merged.releases).toEqual(firstOfUnion);
    expect(merged.hardware).toEqual(firstOfUnion);
  });

  test('failOn: sorted union, never capped', () => {
    expect(mergeCluster(cluster({ failOn: ['warning', 'vmemmap'] }), cluster({ failOn: ['any', 'warning'] })).failOn)
      .toEqual(['any', 'vmemmap', 'warning']);
  });

  test('panickedCount: summed, absent when neither side has one', () => {
    expect(mergeCluster(cluster({ panickedCount: 2 }), cluster({ panickedCount: 1 })).panickedCount).toBe(3);
    expect(mergeCluster(cluster(), cluster({ panickedCount: 1 })).panickedCount).toBe(1);
    expect(mergeCluster(cluster(), cluster())).not.toHaveProperty('panickedCount');
  });

  test.each([
    [false, false, false],
    [true, false, true],
    [false, true, true],
    [true, true, true],
  ])('known %s + known %s → %s', (a, b, want) => {
    expect(mergeCluster(cluster({ known: a }), cluster({ known: b })).known).toBe(want);
  });

  test('first seen is the earlier, last seen the later wall time', () => {
    const a = cluster({ firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-01T12:00:00.000Z' });
    const b = cluster({ firstSeen: '2024-04-30T09:00:00.000Z', lastSeen: '2024-05-01T11:00:00.000Z' });
    for (const merged of [mergeCluster(a, b), mergeCluster(b, a)]) {
      expect([merged.firstSeen, merged.lastSeen]).toEqual(['2024-04-30T09:00:00.000Z', '2024-05-01T12:00:00.000Z']);
    }
  });

  // Wall times are kept as the log printed them (journalctl/syslog ISO stamps keep their offset, see
  // src/parse/prefix-rules.ts): 10:11:12+02:00 is 08:11:12Z, before 09:00:00Z, though its string sorts after.
  test('first/last seen compare instants when two logs print different UTC offsets', () => {
    const a = cluster({ firstSeen: '2023-05-02T10:11:12+02:00', lastSeen: '2023-05-02T10:11:12+02:00' });
    const b = cluster({ firstSeen: '2023-05-02T09:00:00Z', lastSeen: '2023-05-02T09:00:00Z' });
    expect(mergeCluster(a, b)).toMatchObject({ firstSeen: '2023-05-02T10:11:12+02:00', lastSeen: '2023-05-02T09:00:00Z' });
  });

  test('a side without wall times takes the other side\'s; neither leaves both fields out', () => {
    const timed = cluster({ firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-01T12:00:00.000Z' });
    expect(mergeCluster(cluster(), timed)).toMatchObject({ firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-01T12:00:00.000Z' });
    expect(mergeCluster(timed, cluster())).toMatchObject({ firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-01T12:00:00.000Z' });
    const untimed = mergeCluster(cluster(), cluster());
    expect('firstSeen' in untimed).toBe(false);
    expect('lastSeen' in untimed).toBe(false);
  });

  describe('history', () => {
    test('run range joined; new only when both sides are new', () => {
      const merged = mergeCluster(
        cluster({ history: { firstRun: 3, lastRun: 5, isNew: true, firstSeen: '2024-01-02T00:00:00.000Z', lastSeen: '2024-01-05T00:00:00.000Z' } }),
        cluster({ history: { firstRun: 1, lastRun: 4, isNew: false, firstSeen: '2024-01-03T00:00:00.000Z', lastSeen: '2024-01-09T00:00:00.000Z' } }),
      );
      expect(merged.history).toEqual({ firstRun: 1, lastRun: 5, isNew: false, firstSeen: '2024-01-02T00:00:00.000Z', lastSeen: '2024-01-09T00:00:00.000Z' });
    });

    test('two new sides stay new; history wall times absent on both stay absent', () => {
      const merged = mergeCluster(cluster({ history: { firstRun: 2, lastRun: 2, isNew: true } }), cluster({ history: { firstRun: 2, lastRun: 2, isNew: true } }));
      expect(merged.history).toEqual({ firstRun: 2, lastRun: 2, isNew: true });
    });

    test('one side without history takes the other\'s; neither has none', () => {
      const history = { firstRun: 2, lastRun: 7, isNew: false };
      expect(mergeCluster(cluster(), cluster({ history })).history).toEqual(history);
      expect(mergeCluster(cluster({ history }), cluster()).history).toEqual(history);
      expect('history' in mergeCluster(cluster(), cluster())).toBe(false);
    });
  });

  describe('vmemmap', () => {
    test('the same operation: counts add, hulls join, positions unite', () => {
      const merged = mergeCluster(
        cluster({ vmemmap: [vmemmap({ splatCount: 3, readCount: 2, positions: ['below-window'],
          pageHull: { start: '0xfffffbfff0000000', end: '0xfffffc0000400000' }, pfnHull: { start: '0x100', end: '0x200' } })] }),
        cluster({ vmemmap: [vmemmap({ splatCount: 4, readCount: 4, positions: ['above-window', 'below-window'],
          pageHull: { start: '0xfffffbfff8000000', end: '0xfffffc0000800000' }, physHull: { start: '0x100000', end: '0x200000' } })] }),
      );
      expect(merged.vmemmap).toEqual([{
        op: 'populate',
        logs: 1 + 1,
        splatCount: 3 + 4,
        readCount: 2 + 4,
        positions: ['above-window', 'below-window'],
        // Lower start from the first side, higher end from the second.
        pageHull: { start: '0xfffffbfff0000000', end: '0xfffffc0000800000' },
        // Present on one side only: kept as it is.
        pfnHull: { start: '0x100', end: '0x200' },
        physHull: { start: '0x100000', end: '0x200000' },
      }]);
    });

    test('different operations stay apart, sorted by operation name', () => {
      const merged = mergeCluster(
        cluster({ vmemmap: [vmemmap({ op: 'populate', splatCount: 2 })] }),
        cluster({ vmemmap: [vmemmap({ op: 'init-zone-device', splatCount: 5 }), vmemmap({ op: 'free', splatCount: 1 })] }),
      );
      expect(merged.vmemmap.map((v) => [v.op, v.splatCount])).toEqual([['free', 1], ['init-zone-device', 5], ['populate', 2]]);
    });

    test('a cluster without findings merged with one that has them keeps them', () => {
      const finding = vmemmap({ splatCount: 6, readCount: 6, pageHull: { start: '0x1000', end: '0x2000' } });
      expect(mergeCluster(cluster(), cluster({ vmemmap: [finding] })).vmemmap).toEqual([finding]);
    });

    test('hulls compare as numbers, not as strings', () => {
      // '0x9000' > '0x10000' as strings; as numbers 0x9000 < 0x10000.
      const merged = mergeVmemmapLists(
        [vmemmap({ pageHull: { start: '0x9000', end: '0xa000' } })],
        [vmemmap({ pageHull: { start: '0x10000', end: '0x11000' } })],
      );
      expect(merged[0]?.pageHull).toEqual({ start: '0x9000', end: '0x11000' });
    });
  });

  describe('mergeVmemmapLists', () => {
    test('joins repeats of one operation inside one list', () => {
      const merged = mergeVmemmapLists([], [vmemmap({ op: 'free', splatCount: 2 }), vmemmap({ op: 'free', splatCount: 3 })]);
      expect(merged).toEqual([expect.objectContaining({ op: 'free', splatCount: 2 + 3, readCount: 1 + 1 })]);
    });

    test('of two empty lists is empty', () => {
      expect(mergeVmemmapLists([], [])).toEqual([]);
    });

    // Found by a later review: one machine's amdgpu range and another's test_hmm range were one row.
    test('keeps findings of different drivers apart, and counts the logs of those it joins', () => {
      const amd = vmemmap({ layout: 'E3 48-bit/4K', driver: 'amdgpu KFD SVM (kgd2kfd_init_zone_device)', splatCount: 40 });
      const hmm = vmemmap({ layout: 'E3 48-bit/4K', driver: 'HMM test driver (test_hmm, dmirror)', splatCount: 24 });
      const merged = mergeVmemmapLists([amd, hmm], [amd]);
      expect(merged.map((v) => [v.driver, v.splatCount, v.logs])).toEqual([
        ['HMM test driver (test_hmm, dmirror)', 24, 1],
        ['amdgpu KFD SVM (kgd2kfd_init_zone_device)', 80, 2],
      ]);
    });

    // Found by review: a 64K log's PFNs and a 4K log's had been joined into one meaningless hull.
    test('keeps findings of different layouts apart, and joins those of one layout', () => {
      const k4 = vmemmap({ layout: 'E3 48-bit/4K', pfnHull: { start: '0xfffe40000', end: '0xfffe48000' } });
      const k64 = vmemmap({ layout: 'E3 48-bit/64K', pfnHull: { start: '0xffff0000', end: '0xffff8000' } });
      const merged = mergeVmemmapLists([k4, k64], [{ ...k4, pfnHull: { start: '0xfffe48000', end: '0xfffe50000' } }]);
      expect(merged.map((v) => [v.layout, v.splatCount, v.pfnHull])).toEqual([
        ['E3 48-bit/4K', 2, { start: '0xfffe40000', end: '0xfffe50000' }],
        ['E3 48-bit/64K', 1, { start: '0xffff0000', end: '0xffff8000' }],
      ]);
    });
  });

  describe('is commutative and associative', () => {
    const hexRange = fc.tuple(fc.bigInt({ min: 0n, max: 1n << 48n }), fc.bigInt({ min: 1n, max: 1n << 30n }))
      .map(([start, size]) => ({ start: `0x${start.toString(16)}`, end: `0x${(start + size).toString(16)}` }));
    const wall = fc.integer({ min: 0, max: 1e6 }).map((s) => new Date(1.7e12 + s * 1000).toISOString());
    const finding = fc.record({
      op: fc.constantFrom('populate' as const, 'free' as const, 'init-zone-device' as const),
      splatCount: fc.integer({ min: 1, max: 100 }),
      readCount: fc.integer({ min: 0, max: 100 }),
      positions: fc.uniqueArray(fc.constantFrom('inside' as const, 'below-window' as const, 'above-window' as const, 'wraps-to-user' as const)).map((p) => p.sort()),
      pageHull: fc.option(hexRange, { nil: undefined }),
      layout: fc.option(fc.constantFrom('E3 48-bit/4K', 'E3 48-bit/64K', 'E4 48-bit/4K'), { nil: undefined }),
      driver: fc.option(fc.constantFrom('nouveau dmem', 'virtio-mem'), { nil: undefined }),
      logs: fc.integer({ min: 1, max: 5 }),
    }).map(({ pageHull, layout, driver, ...v }) => ({ ...v, ...(pageHull && { pageHull }), ...(layout !== undefined && { layout }), ...(driver !== undefined && { driver }) }));
    // Clusters of disjoint inputs: each side has its own example log (as each log's summary names itself).
    const sideArb = (log: string) => fc.record({
      count: fc.integer({ min: 1, max: 1000 }),
      logs: fc.integer({ min: 1, max: 10 }),
      releases: fc.uniqueArray(fc.constantFrom('5.10.2', '6.1.0', '6.6.33', '6.10.0'), { maxLength: 3 }).map((r) => r.sort()),
      known: fc.boolean(),
      seen: fc.option(fc.tuple(wall, wall).map(([x, y]) => (x <= y ? [x, y] : [y, x])), { nil: undefined }),
      history: fc.option(fc.record({ firstRun: fc.integer({ min: 1, max: 5 }), span: fc.nat(5), isNew: fc.boolean() }), { nil: undefined }),
      vmemmap: fc.array(finding, { maxLength: 2 }),
      title: fc.constantFrom('WARNING in vmemmap_populate', 'WARNING in vmemmap_populate+0x30'),
    }).map((s): SummaryCluster => cluster({
      count: s.count, logs: s.logs, releases: s.releases, known: s.known, exampleLog: log, title: s.title,
      vmemmap: mergeVmemmapLists([], s.vmemmap),
      ...(s.seen && { firstSeen: s.seen[0], lastSeen: s.seen[1] }),
      ...(s.history && { history: { firstRun: s.history.firstRun, lastRun: s.history.firstRun + s.history.span, isNew: s.history.isNew } }),
    }));

    test('over generated clusters', () => {
      fc.assert(fc.property(sideArb('a.log'), sideArb('b.log'), sideArb('c.log'), (a, b, c) => {
        expect(mergeCluster(a, b)).toEqual(mergeCluster(b, a));
        expect(mergeCluster(mergeCluster(a, b), c)).toEqual(mergeCluster(a, mergeCluster(b, c)));
      }), { numRuns: 200 });
    });
  });
});
