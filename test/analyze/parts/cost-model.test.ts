import { closeSync, openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { balancedStarts, COSTS, secondsPerByte } from '../../../src/analyze/parts/cost-model.js';
import { logChunks } from '../../../bench/generate-log.mjs';

const MiB = 1024 * 1024;

describe('balancedStarts', () => {
  const perByte = 2e-9;

  test('every thread finishes at the same time: the first reads at once, the others start late and count first', () => {
    const size = 1024 * MiB;
    const starts = balancedStarts(size, 3, perByte);
    expect(starts).toHaveLength(2);
    const c = perByte * COSTS.contention;
    const ends = [...starts.slice(1), size];
    const finish = [starts[0]! * c, ...starts.map((s, i) => COSTS.workerStartSeconds + s * COSTS.countSecondsPerByte + (ends[i]! - s) * c)];
    for (const t of finish) expect(t).toBeCloseTo(finish[0]!, 3);
    // The late starters get less than an even share.
    expect(starts[0]).toBeGreaterThan(size / 3);
  });

  test('no split where it would not pay: a small file, or a cheap one', () => {
    expect(balancedStarts(8 * MiB, 2, perByte)).toEqual([]);
    expect(balancedStarts(100 * MiB, 2, COSTS.secondsPerByte)).toEqual([]);
    expect(balancedStarts(100 * MiB, 2, 6e-9)).toHaveLength(1);
  });
});

describe('secondsPerByte', () => {
  test('a storm costs several times what a quiet log costs per byte', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-cost-'));
    try {
      const cost = async (mix: 'storm' | 'quiet'): Promise<number> => {
        const file = path.join(dir, mix);
        const text = [...logChunks({ seed: 2, sizeBytes: 4 * MiB, mix })].join('');
        await writeFile(file, text);
        const fd = openSync(file, 'r');
        try {
          return secondsPerByte(fd, text.length);
        } finally {
          closeSync(fd);
        }
      };
      const [storm, quiet] = [await cost('storm'), await cost('quiet')];
      expect(quiet).toBeLessThan(2 * COSTS.secondsPerByte);
      expect(storm).toBeGreaterThan(4 * quiet);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
