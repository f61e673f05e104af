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
