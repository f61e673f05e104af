import type { Summary } from './summary-types.js';
import type { IgnoreList } from './ignore-list.js';
import { isKnown } from './ignore-list.js';

/** Marks the clusters the ignore list knows about; renderers list them apart and `failOn` skips them. */
export function markKnown(summary: Summary, list: IgnoreList): Summary {
  return { ...summary, clusters: summary.clusters.map((c) => ({ ...c, known: c.known || isKnown(c, list) })) };
}
