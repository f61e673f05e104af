import type { AnalysisResult, Cluster, VmemmapFinding } from '../../src/analyze/types.js';
import type { SplatKind } from '../../src/parse/types.js';

export interface FakeCluster {
  id: string;
  count: number;
  kind?: SplatKind;
  title?: string;
  firstWallTime?: string;
  lastWallTime?: string;
  releases?: string[];
  hardware?: string[];
  vmemmap?: Partial<VmemmapFinding>[];
  /** Defaults to `count` for kind panic, as the analyzer counts a panic as one the kernel died of; else none. */
  panickedCount?: number;
}

/** A minimal AnalysisResult for tests of the summary layer (titles/kinds follow the id so clusters agree). */
export function fakeResult(source: string, clusters: readonly FakeCluster[], stats = { lines: 100, bytes: 4000 }): AnalysisResult {
  return {
    source,
    stats: { ...stats, boots: 1, splats: clusters.reduce((n, c) => n + c.count, 0), truncatedLines: 0, cappedSplats: 0 },
    boots: [],
    arch: 'arm64',
    warnings: [],
    clusters: clusters.map((c) => fakeCluster(c)),
  };
}

function fakeCluster(c: FakeCluster): Cluster {
  const kind = c.kind ?? 'warning';
  const title = c.title ?? `WARNING in func_${c.id}`;
  return {
    id: c.id,
    signature: `${kind}|${title}`,
    kind,
    title,
    count: c.count,
    firstLine: 1,
    lastLine: 10,
    ...(c.firstWallTime !== undefined && { firstWallTime: c.firstWallTime }),
    ...(c.lastWallTime !== undefined && { lastWallTime: c.lastWallTime }),
    cpus: [],
    pids: [],
    releases: c.releases ?? [],
    hardware: c.hardware ?? [],
    corruptedCount: 0,
    ...panicked(c, kind),
    example: { kind, title, header: title, site: {}, regs: new Map(), frames: [], firstLine: 1, lastLine: 10, bootIndex: 0, lines: [] },
    vmemmap: (c.vmemmap ?? []).map((v) => ({
      op: 'populate', bootIndex: 0, splatCount: 1, readCount: 1, pageRanges: [], wrapped: false, confidence: 'high',
      diagnosis: '', nextSteps: [], notes: [], ...v,
    })),
  };
}

function panicked(c: FakeCluster, kind: SplatKind): { panickedCount?: number } {
  const n = c.panickedCount ?? (kind === 'panic' ? c.count : 0);
  return n > 0 ? { panickedCount: n } : {};
}
