import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyzeFile } from '../../src/api.js';
import type { AddressRange } from '../../src/analyze/types.js';
import { runTriage } from '../../src/triage/run-triage.js';
import { tarBuffer } from './fixture-tree.js';

const SAMPLES = path.resolve(process.cwd(), 'samples/logs');
const storm = 'e3-48-4k-test-hmm-populate-free-storm.log';
const amdgpu = 'e3-48-4k-amdgpu-populate-storm.log';
const suite = existsSync(path.join(SAMPLES, storm)) && existsSync(path.join(SAMPLES, amdgpu)) ? describe : describe.skip;

const hex = (v: bigint) => `0x${v.toString(16)}`;

suite('vmemmap findings merged across logs (samples/logs)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-hulls-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('per op: splat counts add up and the struct page/PFN/phys hulls are the join of the per-log hulls', async () => {
    // The same logs as plain files and inside a gzip'd tar: each op's hull over all four equals the per-log join.
    await writeFile(path.join(dir, 'storm.log'), await readFile(path.join(SAMPLES, storm)));
    await writeFile(path.join(dir, 'bundle.tar.gz'), gzipSync(await tarBuffer([
      { name: 'amdgpu.log', data: await readFile(path.join(SAMPLES, amdgpu)) },
      { name: 'storm-again.log', data: await readFile(path.join(SAMPLES, storm)) },
    ])));
    const direct = await Promise.all([storm, amdgpu, storm].map((f) => analyzeFile(path.join(SAMPLES, f))));
    const findings = direct.flatMap((r) => r.clusters.flatMap((c) => c.vmemmap.map((v) => ({ id: c.id, v }))));
    expect(findings.length).toBeGreaterThan(0);

    const { summary } = await runTriage({ inputs: [dir], jobs: 1 });
    const join = (ranges: (AddressRange | undefined)[]) => {
      const present = ranges.filter((r): r is AddressRange => r !== undefined);
      if (present.length === 0) return undefined;
      const start = present.reduce((m, r) => (r.start < m ? r.start : m), present[0]?.start ?? 0n);
      const end = present.reduce((m, r) => (r.end > m ? r.end : m), present[0]?.end ?? 0n);
      return { start: hex(start), end: hex(end) };
    };
    for (const cluster of summary.clusters.filter((c) => c.vmemmap.length > 0)) {
      for (const v of cluster.vmemmap) {
        const mine = findings.filter((f) => f.id === cluster.id && f.v.op === v.op && f.v.driver === v.driver).map((f) => f.v);
        expect(v.splatCount).toBe(mine.reduce((n, f) => n + f.splatCount, 0));
        expect(v.pageHull).toEqual(join(mine.map((f) => f.pageHull)));
        expect(v.pfnHull).toEqual(join(mine.map((f) => f.pfnHull)));
        expect(v.physHull).toEqual(join(mine.map((f) => f.physHull)));
      }
    }
    expect(summary.clusters.flatMap((c) => c.vmemmap).length).toBe(new Set(findings.map((f) => `${f.id}/${f.v.op}/${f.v.driver}`)).size);
  });

  // The 80-byte sample had been merged into the 64-byte E3 48/4K entry: one hull over struct pages of two sizes.
  test('findings read with another sizeof(struct page) stay apart, labelled with it', async () => {
    const own = await mkdtemp(path.join(tmpdir(), 'vmemwarn-hulls-sp-'));
    try {
      for (const f of [amdgpu, 'e3-48-4k-80-byte-struct-page-test-hmm.log']) await writeFile(path.join(own, f), await readFile(path.join(SAMPLES, f)));
      const { summary } = await runTriage({ inputs: [own], jobs: 1 });
      const populate = summary.clusters.flatMap((c) => c.vmemmap).filter((v) => v.op === 'populate');
      expect(populate.map((v) => [v.layout, v.splatCount])).toEqual([
        ['E3 48-bit/4K', 40],
        ['E3 48-bit/4K, 80-byte struct page', 8],
      ]);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });
});
