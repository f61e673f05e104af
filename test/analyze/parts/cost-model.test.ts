import { closeSync, openSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { balancedStarts, COSTS, fileCost, type FileCost } from '../../../src/analyze/parts/cost-model.js';
import { logChunks } from '../../../bench/generate-log.mjs';

const MiB = 1024 * 1024;

describe('balancedStarts', () => {
  const storm: FileCost = { serial: 4e-9, parallel: 5e-9 };

  test('every thread finishes at the same time: the first reads at once, the others start late and count first', () => {
    const size = 1024 * MiB;
    const starts = balancedStarts(size, 3, storm);
    expect(starts).toHaveLength(2);
    const c = storm.parallel;
    const ends = [...starts.slice(1), size];
    const finish = [starts[0]! * c, ...starts.map((s, i) => COSTS.workerStartSeconds + s * COSTS.countSecondsPerByte + (ends[i]! - s) * c)];
    for (const t of finish) expect(t).toBeCloseTo(finish[0]!, 3);
    // The late starters get less than an even share.
    expect(starts[0]).toBeGreaterThan(size / 3);
  });

  test('no split where it would not pay: a small file, or one whose cost is all scanning, which two threads do no faster', () => {
    expect(balancedStarts(8 * MiB, 2, storm)).toEqual([]);
    expect(balancedStarts(1024 * MiB, 2, { serial: 1e-9, parallel: 2e-9 })).toEqual([]);
    expect(balancedStarts(100 * MiB, 2, storm)).toEqual([]);
    expect(balancedStarts(300 * MiB, 2, storm)).toHaveLength(1);
  });
});

describe('fileCost', () => {
  test('a storm costs several times what a quiet log costs per byte', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-cost-'));
    try {
      const cost = async (mix: 'storm' | 'quiet'): Promise<number> => {
        const file = path.join(dir, mix);
        const text = [...logChunks({ seed: 2, sizeBytes: 4 * MiB, mix })].join('');
        await writeFile(file, text);
        const fd = openSync(file, 'r');
        try {
          return fileCost(fd, text.length).serial;
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
