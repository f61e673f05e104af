import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { logChunks } from '../../../bench/generate-log.mjs';

// Worker threads load compiled JS: these tests run dist/ (test/global-setup.ts rebuilds it when src/ is newer).
type Api = typeof import('../../../src/api.js');
type Parts = typeof import('../../../src/analyze/parts/analyze-in-parts.js');
type Plan = typeof import('../../../src/analyze/parts/plan-parts.js');
type Runner = typeof import('../../../src/analyze/parts/worker-part-runner.js');
type Json = typeof import('../../../src/report/render-json.js');
type Model = typeof import('../../../src/report/model.js');

describe('parts in worker threads (dist/)', () => {
  let dir: string;
  let file: string;
  let api: Api;
  let parts: Parts;
  let plan: Plan;
  let runner: Runner;
  let report: (r: Awaited<ReturnType<Api['analyzeFile']>>) => string;

  beforeAll(async () => {
    api = (await import('../../../dist/api.js')) as Api;
    parts = (await import('../../../dist/analyze/parts/analyze-in-parts.js')) as Parts;
    plan = (await import('../../../dist/analyze/parts/plan-parts.js')) as Plan;
    runner = (await import('../../../dist/analyze/parts/worker-part-runner.js')) as Runner;
    const { renderJson } = (await import('../../../dist/report/render-json.js')) as Json;
    const { buildReport } = (await import('../../../dist/report/model.js')) as Model;
    report = (r) => renderJson(buildReport([r], { tool: { name: 'vmemwarn', version: 'test' } }));
    dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-workers-'));
    file = path.join(dir, 'storm.log');
    await writeFile(file, [...logChunks({ seed: 3, sizeBytes: 3_000_000, mix: 'storm' })].join(''));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('three parts, two of them in workers, are taken in and give the single read’s report', async () => {
    let bytes = 0;
    const inParts = await parts.analyzeInParts(plan.planParts(file, 3, { evenly: true })!, { name: file, onBytes: (n) => (bytes = n) }, runner.workerPartRunner);
    expect(inParts).toBeDefined();
    expect(bytes).toBe(inParts!.stats.bytes);
    expect(report(inParts!)).toBe(report(await api.analyzeFile(file)));
  });

  test('analyzeFile with threads gives the same report', async () => {
    const splits: number[] = [];
    const threaded = await api.analyzeFile(file, {
      threads: 2,
      partsEvenly: true,
      youngGenerationCapBytes: 4 * 1024 * 1024,
      onSplit: (parts) => splits.push(parts),
    });
    expect(splits).toEqual([2]);
    expect(report(threaded)).toBe(report(await api.analyzeFile(file)));
  });

  // Found by a review of the library API: the count ran past the file's size, each split line counted twice.
  test('Found by a review: analyzeFile in parts ends onBytes at the bytes of the file, as stats.bytes', async () => {
    const seen: number[] = [];
    const splits: number[] = [];
    const threaded = await api.analyzeFile(file, { threads: 2, partsEvenly: true, onSplit: (n) => splits.push(n), onBytes: (n) => seen.push(n) });
    expect(splits).toEqual([2]);
    expect(threaded.stats.bytes).toBe((await stat(file)).size);
    expect(seen.at(-1)).toBe(threaded.stats.bytes);
    expect(Math.max(...seen)).toBe(threaded.stats.bytes);
  });

  test('a cancelled part stops its worker: the outcome says so', async () => {
    const job = { path: file, start: 0, end: Infinity, last: true };
    const run = runner.workerPartRunner.run(job, () => undefined);
    run.cancel();
    expect(await run.outcome).toEqual({ ok: false, reason: expect.stringMatching(/exited/) });
  });
});
