import fc from 'fast-check';
import { FUZZ_SEED, fuzzRuns } from '../../fuzz/_fuzz-params.js';
import { StartGrid } from '../../../src/analyze/vmemmap/start-grid.js';

describe('StartGrid', () => {
  test('nothing before a start; 0n while every start is the same', () => {
    const g = new StartGrid();
    expect(g.step).toBeUndefined();
    g.add(0xffff_fc00_0000_0000n);
    expect(g.step).toBe(0n);
    g.add(0xffff_fc00_0000_0000n);
    expect(g.step).toBe(0n);
  });

  test('the greatest common divisor of the distances between starts, in either direction', () => {
    const g = new StartGrid();
    const base = 0xffff_fbff_fe00_0000n;
    // Sections of 4K/27 memmap (0x200000) walked down, then one region cut at a section: 0x58000 off the grid.
    for (const i of [4n, 3n, 1n]) g.add(base + i * 0x20_0000n);
    expect(g.step).toBe(0x20_0000n);
    g.add(base + 0x58000n);
    expect(g.step).toBe(0x8000n);
  });

  test('absorb gives what one grid fed every start gives (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { maxLength: 20 }), fc.nat(20), (starts, cut) => {
        const whole = new StartGrid();
        for (const s of starts) whole.add(s);
        const [early, later] = [new StartGrid(), new StartGrid()];
        starts.slice(0, cut).forEach((s) => early.add(s));
        starts.slice(cut).forEach((s) => later.add(s));
        early.absorb(StartGrid.revive(structuredClone(later)));
        expect(early.step).toBe(whole.step);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(300) },
    );
  });
});
