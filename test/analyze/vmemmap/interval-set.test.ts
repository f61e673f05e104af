import fc from 'fast-check';
import { FUZZ_SEED, fuzzRuns } from '../../fuzz/_fuzz-params.js';
import { IntervalSet } from '../../../src/analyze/vmemmap/interval-set.js';

describe('IntervalSet', () => {
  test('merges touching and overlapping intervals and keeps them sorted', () => {
    const s = new IntervalSet();
    s.add(30n, 40n);
    s.add(0n, 10n);
    s.add(10n, 20n); // touches [0,10)
    s.add(35n, 50n); // overlaps [30,40)
    expect(s.intervals()).toEqual([
      { start: 0n, end: 20n },
      { start: 30n, end: 50n },
    ]);
    expect(s.hull()).toEqual({ start: 0n, end: 50n });
    expect(s.size()).toBe(40n);
    expect(s.coarsened).toBe(false);
  });

  test('an interval covering several pieces swallows them', () => {
    const s = new IntervalSet();
    for (const x of [0n, 20n, 40n]) s.add(x, x + 5n);
    s.add(3n, 42n);
    expect(s.intervals()).toEqual([{ start: 0n, end: 45n }]);
  });

  test('ignores empty intervals', () => {
    const s = new IntervalSet();
    s.add(5n, 5n);
    expect(s.hull()).toBeUndefined();
  });

  test('past the cap joins the closest pair and says so', () => {
    const s = new IntervalSet(2);
    s.add(0n, 1n);
    s.add(100n, 101n);
    s.add(10n, 11n); // gap 9 to [0,1) is smaller than 89 to [100,101)
    expect(s.intervals()).toEqual([
      { start: 0n, end: 11n },
      { start: 100n, end: 101n },
    ]);
    expect(s.coarsened).toBe(true);
  });

  test('a storm of 100000 adjacent sections stays one piece', () => {
    const s = new IntervalSet(4);
    const step = 0x200000n; // memmap bytes per 4K/27 section: 2^15 pages * 64
    for (let i = 99_999n; i >= 0n; i--) s.add(i * step, (i + 1n) * step);
    expect(s.intervals()).toEqual([{ start: 0n, end: 100_000n * step }]);
  });
});

describe('IntervalSet.absorb', () => {
  test('the union of both sets, as one set fed every interval would hold while under the cap (property)', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 20 }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), fc.nat(30), (intervals, cut) => {
        const whole = new IntervalSet(1000);
        const [early, later] = [new IntervalSet(1000), new IntervalSet(1000)];
        intervals.forEach(([s, n], i) => {
          whole.add(BigInt(s), BigInt(s + n));
          (i < cut ? early : later).add(BigInt(s), BigInt(s + n));
        });
        early.absorb(IntervalSet.revive(structuredClone(later)));
        expect(early.intervals()).toEqual(whole.intervals());
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(300) },
    );
  });

  test('a coarsened later set leaves the union coarsened', () => {
    const [early, later] = [new IntervalSet(2), new IntervalSet(2)];
    early.add(0n, 1n);
    for (const s of [10n, 20n, 30n]) later.add(s, s + 1n);
    early.absorb(later);
    expect(early.coarsened).toBe(true);
  });
});
