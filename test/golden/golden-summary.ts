import type { AddressRange, AnalysisResult, Cluster, VmemmapFinding } from '../../src/analyze/types.js';

/** The part of an analysis a golden file pins: what a reader of the log would check, not the whole report. */
export interface GoldenSummary {
  arch: string;
  boots: { release?: string; machine?: string }[];
  clusters: GoldenCluster[];
}

interface GoldenCluster {
  kind: string;
  title: string;
  count: number;
  firstLine: number;
  lastLine: number;
  corrupted: number;
  /** Splats the kernel panicked after, when any. */
  panicked?: number;
  vmemmap?: GoldenFinding[];
}

interface GoldenFinding {
  op: string;
  pageHull?: string;
  pfnHull?: string;
  physHull?: string;
  position?: string;
  warnArm?: string;
}

export function goldenSummary(result: AnalysisResult): GoldenSummary {
  return {
    arch: result.arch,
    boots: result.boots.map((b) => ({
      ...(b.release && { release: b.release.value }),
      ...(b.machineModel && { machine: b.machineModel.value }),
    })),
    clusters: result.clusters.map(goldenCluster),
  };
}

function goldenCluster(c: Cluster): GoldenCluster {
  return {
    kind: c.kind,
    title: c.title,
    count: c.count,
    firstLine: c.firstLine,
    lastLine: c.lastLine,
    corrupted: c.corruptedCount,
    ...(c.panickedCount !== undefined && { panicked: c.panickedCount }),
    ...(c.vmemmap.length > 0 && { vmemmap: c.vmemmap.map(goldenFinding) }),
  };
}

function goldenFinding(f: VmemmapFinding): GoldenFinding {
  return {
    op: f.op,
    ...(f.pageHull && { pageHull: hull(f.pageHull) }),
    ...(f.pfnHull && { pfnHull: hull(f.pfnHull) }),
    ...(f.physHull && { physHull: hull(f.physHull) }),
    ...(f.position && { position: f.position }),
    ...(f.warnArm && { warnArm: f.warnArm }),
  };
}

function hull(r: AddressRange): string {
  return `0x${r.start.toString(16)}-0x${r.end.toString(16)}`;
}
