import type { Report } from './model-types.js';
import { checkReport } from './check-report.js';

/** Pretty JSON (2-space indent) with a trailing newline; key order is the model's, so output is byte-stable. */
export function renderJson(report: Report): string {
  checkReport('renderJson', report);
  return `${JSON.stringify(report, null, 2)}\n`;
}
