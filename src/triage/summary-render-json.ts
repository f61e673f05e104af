import type { Summary } from './summary-types.js';

/** The summary as JSON (schema/summary.schema.json): 64-bit values are already `0x` hex strings. */
export function renderSummaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
