import fc from 'fast-check';
import { FUZZ_SEED, fuzzRuns } from '../../fuzz/_fuzz-params.js';
import { StepCounter } from '../../../src/analyze/vmemmap/step-counter.js';

describe('StepCounter', () => {
  test('the most common step per task, interleaved tasks kept apart', () => {
    const s = new StepCounter();
    const step = 0x20_0000n; // memmap of one 4K/27 section
    for (let i = 0n; i < 5n; i++) {
      s.add(1, 0xffff_ffff_0000_0000n + i * step);
      s.add(2, 0xffff_fff0_0000_0000n + i * step);
    }
    expect(s.mostCommon()).toBe(step);
  });

  test('negative steps are kept signed; nothing before two splats of a task', () => {
    const s = new StepCounter();
    s.add(1, 0x100_0000n);
    expect(s.mostCommon()).toBeUndefined();
    s.add(1, 0x80_0000n);
    expect(s.mostCommon()).toBe(-0x80_0000n);
  });
});

describe('StepCounter.absorb', () => {
  test('counts the step across the cut and the later steps, as one counter fed everything would (property)', () => {
    const add = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(fc.array(add, { maxLength: 30 }), fc.nat(30), (adds, cut) => {
        const whole = new StepCounter();
        for (const [task, k] of adds) whole.add(task, BigInt(k) * 0x20_0000n);
        const [early, later] = [new StepCounter(), new StepCounter()];
        adds.slice(0, cut).forEach(([task, k]) => early.add(task, BigInt(k) * 0x20_0000n));
        adds.slice(cut).forEach(([task, k]) => later.add(task, BigInt(k) * 0x20_0000n));
        early.absorb(StepCounter.revive(structuredClone(later)));
        expect(early.mostCommon()).toBe(whole.mostCommon());
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(300) },
    );
  });
});
