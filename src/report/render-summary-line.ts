import type { Report } from './model-types.js';
import { notRead, plural } from './report-facts.js';

/** `N splats in M clusters, K vmemmap` (`; 1 input not read`): the one-line form for progress and quiet mode. */
export function renderSummaryLine(report: Report): string {
  const s = report.summary;
  const unread = report.inputs.filter(notRead).length;
  const note = unread > 0 ? `; ${plural(unread, 'input')} not read` : '';
  return `${plural(s.splats, 'splat')} in ${plural(s.clusters, 'cluster')}, ${s.vmemmapClusters} vmemmap${note}`;
}
