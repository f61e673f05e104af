import fc from 'fast-check';
import { analyzeText } from '../../src/api.js';
import type { AnalysisResult, Cluster } from '../../src/analyze/types.js';
import { blockLines, BOOT_HEADER, logBlocks, PREFIX_STYLES, stampLines, type PrefixStyle } from './_log-grammar.js';
import { fuzzParams } from './_fuzz-params.js';

/** What a cluster says independently of where in the log it sits (line offsets shift when logs are joined). */
interface ClusterFacts {
  kind: string;
  title: string;
  count: number;
  corruptedCount: number;
  cpus: number[];
  pids: number[];
}

function factsById(r: AnalysisResult): Map<string, ClusterFacts> {
  return new Map(r.clusters.map((c: Cluster) => [c.id, {
    kind: c.kind, title: c.title, count: c.count, corruptedCount: c.corruptedCount, cpus: c.cpus, pids: c.pids,
  }]));
}

function mergeFacts(a: Map<string, ClusterFacts>, b: Map<string, ClusterFacts>): Map<string, ClusterFacts> {
  const merged = new Map(a);
  for (const [id, f] of b) {
    const prev = merged.get(id);
    merged.set(id, prev === undefined ? f : {
      ...prev,
      count: prev.count + f.count,
      corruptedCount: prev.corruptedCount + f.corruptedCount,
      cpus: [...new Set([...prev.cpus, ...f.cpus])].sort((x, y) => x - y),
      pids: [...new Set([...prev.pids, ...f.pids])].sort((x, y) => x - y),
    });
  }
  return merged;
}

const sorted = (m: Map<string, ClusterFacts>) => [...m.entries()].sort(([x], [y]) => x.localeCompare(y));

describe('A + B: one boot cut in two between splats', () => {
  test('every splat of A and of B is found in A + B, and the clusters of A + B are the merge of both', async () => {
    await fc.assert(
      fc.asyncProperty(logBlocks, logBlocks, fc.constantFrom(...(Object.keys(PREFIX_STYLES) as PrefixStyle[])), async (blocksA, blocksB, style) => {
        const linesA = [...BOOT_HEADER, ...blockLines(blocksA)];
        const textA = stampLines(linesA, 0, style);
        // B continues A's timestamps, so B alone and B inside A + B are the same bytes.
        const textB = stampLines(blockLines(blocksB), linesA.length, style);
        const [a, b, ab] = await Promise.all([analyzeText(textA), analyzeText(textB), analyzeText(textA + textB)]);
        const splatsIn = (blocks: typeof blocksA) => blocks.filter((block) => block.kind === 'splat').length;
        expect([a.stats.splats, b.stats.splats]).toEqual([splatsIn(blocksA), splatsIn(blocksB)]);
        expect(ab.stats.splats).toBe(a.stats.splats + b.stats.splats);
        expect(sorted(factsById(ab))).toEqual(sorted(mergeFacts(factsById(a), factsById(b))));
      }),
      fuzzParams(100),
    );
  });
});
