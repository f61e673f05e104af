import type { Summary } from './summary-types.js';
import { checkSummary } from './check-summary.js';

/** The summary as JSON (schema/summary.schema.json): 64-bit values are already `0x` hex strings. */
export function renderSummaryJson(summary: Summary): string {
  checkSummary('renderSummaryJson', 'summary', summary);
  return `${JSON.stringify(summary, null, 2)}\n`;
}
