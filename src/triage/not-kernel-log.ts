import type { AnalysisResult } from '../analyze/types.js';
import { plural } from '../report/report-facts.js';

/**
 * Why a text read to its end is no kernel log, or undefined when it is one or cannot be told: it has no splat, no
 * boot banner and no kernel line (`sawKernelLine`, kernel-line-watch.ts). A text with a note (empty, blank, decoded
 * from UTF-16...) is left to that note: an empty capture is a failed upload, and a decoded text was watched undecoded.
 * A kernel log with no splat (a clean boot, a dmesg tail) has printk times or a banner and still counts as a log.
 */
export function notKernelLogReason(result: AnalysisResult, sawKernelLine: boolean): string | undefined {
  if (sawKernelLine || result.stats.splats > 0 || result.inputError !== undefined || result.warnings.length > 0) return undefined;
  if (result.boots.some((b) => b.release !== undefined || b.versionLine !== undefined)) return undefined;
  return `not a kernel log: no printk time, log level, kernel syslog tag, boot banner or kernel report in its ${plural(result.stats.lines, 'line')}`;
}
