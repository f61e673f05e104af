import { checkArgument, hasArray, isObject } from '../util/check-argument.js';

/** `fn`'s `report` argument must be a report as buildReport makes it (tool, summary, inputs), else a UsageError. */
export function checkReport(fn: string, report: unknown): void {
  const ok = hasArray(report, 'inputs') && isObject((report as { summary: unknown }).summary) && isObject((report as { tool: unknown }).tool);
  checkArgument(ok, fn, 'report', 'a report from buildReport', report);
}
