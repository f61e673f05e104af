import type { Report } from './model-types.js';
import { crashCounts } from './crashes.js';
import { notRead, plural } from './report-facts.js';
import { checkReport } from './check-report.js';

/**
 * `N splats in M clusters, K vmemmap` (`, 1 Oops`) (`; 1 input not read`): the one-line form for progress and quiet
 * mode, and the text report's first line. A crash is named there: it is what a reader must not miss.
 */
export function renderSummaryLine(report: Report): string {
  checkReport('renderSummaryLine', report);
  const s = report.summary;
  const unread = report.inputs.filter(notRead).length;
  const crashes = crashCounts(report.inputs.flatMap((i) => i.clusters));
  const crash = crashes === undefined ? '' : `, ${crashes}`;
  const note = unread > 0 ? `; ${plural(unread, 'input')} not read` : '';
  return `${plural(s.splats, 'splat')} in ${plural(s.clusters, 'cluster')}, ${s.vmemmapClusters} vmemmap${crash}${note}`;
}
