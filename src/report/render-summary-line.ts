import type { Report } from './model-types.js';
import { plural } from './report-facts.js';

/** `N splats in M clusters, K vmemmap`: the one-line form for progress and quiet mode. */
export function renderSummaryLine(report: Report): string {
  const s = report.summary;
  return `${plural(s.splats, 'splat')} in ${plural(s.clusters, 'cluster')}, ${s.vmemmapClusters} vmemmap`;
}
