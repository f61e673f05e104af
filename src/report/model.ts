import type { AnalysisResult, Cluster } from '../analyze/types.js';
import type { ClusterReport, InputReport, Report, ReportSummary, ToolInfo } from './model-types.js';
import { REPORT_SCHEMA_VERSION } from './model-types.js';
import { bootReport } from './boot-report.js';
import { compact } from './compact.js';
import { splatReport } from './splat-report.js';
import { packageToolInfo } from './tool-info.js';
import { vmemmapReport } from './vmemmap-report.js';
import { checkOptionsObject, optionKeys } from '../util/option-keys.js';
import { checkResults } from '../analyze/check-result.js';
import { checkArgument, inFunction, isObject } from '../util/check-argument.js';

/** Options of `buildReport`. */
export interface BuildReportOptions {
  /** The `tool` the report names as its writer; defaults to this package's name and version. */
  tool?: ToolInfo;
}

/** The keys of `BuildReportOptions`: any other is a UsageError. */
const BUILD_REPORT_OPTION_KEYS = optionKeys<BuildReportOptions>()(['tool']);

function clusterReport(c: Cluster): ClusterReport {
  return compact({
    id: c.id,
    signature: c.signature,
    kind: c.kind,
    title: c.title,
    count: c.count,
    firstLine: c.firstLine,
    lastLine: c.lastLine,
    firstTs: c.firstTs,
    lastTs: c.lastTs,
    firstWallTime: c.firstWallTime,
    lastWallTime: c.lastWallTime,
    cpus: [...c.cpus],
    pids: [...c.pids],
    releases: [...c.releases],
    hardware: [...c.hardware],
    truncatedLists: c.truncatedLists && [...c.truncatedLists],
    corruptedCount: c.corruptedCount,
    panickedCount: c.panickedCount,
    example: splatReport(c.example),
    vmemmap: c.vmemmap.map(vmemmapReport),
  });
}

function inputReport(r: AnalysisResult): InputReport {
  const { lines, bytes, boots, splats, truncatedLines, cappedSplats } = r.stats;
  return {
    source: r.source,
    arch: r.arch,
    stats: { lines, bytes, boots, splats, truncatedLines, cappedSplats },
    warnings: [...r.warnings],
    ...(r.inputError !== undefined && { inputError: r.inputError }),
    ...(r.interrupted === true && { interrupted: true }),
    boots: r.boots.map(bootReport),
    clusters: r.clusters.map(clusterReport),
  };
}

function summarize(inputs: InputReport[]): ReportSummary {
  const clusters = inputs.flatMap((i) => i.clusters);
  return {
    inputs: inputs.length,
    splats: inputs.reduce((n, i) => n + i.stats.splats, 0),
    clusters: clusters.length,
    vmemmapClusters: clusters.filter((c) => c.vmemmap.length > 0).length,
    corruptedSplats: clusters.reduce((n, c) => n + c.corruptedCount, 0),
  };
}

/**
 * The JSON-ready report of `results`, in input order. Deterministic: the same results give the same object. An
 * option key other than `tool` is a UsageError.
 */
export function buildReport(results: AnalysisResult[], opts: BuildReportOptions = {}): Report {
  checkResults('buildReport', results);
  inFunction('buildReport', () => checkOptionsObject(opts, BUILD_REPORT_OPTION_KEYS));
  // A tool of another shape had given `"tool": {}`, which the report schema rejects.
  const given = opts.tool;
  checkArgument(
    given === undefined || (isObject(given) && typeof given.name === 'string' && typeof given.version === 'string'),
    'buildReport',
    'tool',
    'an object with a string name and version',
    given,
  );
  const tool = given ?? packageToolInfo();
  const inputs = results.map(inputReport);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: tool.name, version: tool.version },
    summary: summarize(inputs),
    inputs,
  };
}
