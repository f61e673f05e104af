import type { LayoutOverrides } from '../layout/types.js';
import { optionKeys } from '../util/option-keys.js';

/** Options of every analysis entry point; bad values throw UsageError (check-options.ts). */
export interface AnalyzeOptions {
  /** Name of the input in reports (path, `-`, `archive.tgz:member`). */
  name?: string;
  /**
   * Lines kept per splat (default 400): a report still before the end of its call trace is then closed as truncated,
   * one past it whole, with the lines it did not keep counted in `droppedLines`.
   */
  maxSplatLines?: number;
  /** Physical line cap in bytes (default 64 KiB); longer lines keep their head and are flagged. */
  maxLineBytes?: number;
  /** Limit on decompressed bytes of one input (gzip bomb guard). */
  maxDecompressedBytes?: number;
  /** Layout parameters given by the user: they beat anything inferred from the log. */
  layout?: LayoutOverrides;
}

/** The keys of `AnalyzeOptions`: any other is a UsageError (check-options.ts). */
export const ANALYZE_OPTION_KEYS = optionKeys<AnalyzeOptions>()(['name', 'maxSplatLines', 'maxLineBytes', 'maxDecompressedBytes', 'layout']);

/**
 * The `AnalyzeOptions` of a wider, already checked options object (analyzeFile's): what `new LogAnalyzer` takes, which
 * refuses any other key. Picked once per analysis, never per line.
 */
export function analyzeOptionsOf(opts: AnalyzeOptions): AnalyzeOptions {
  const picked: Record<string, unknown> = {};
  for (const key of ANALYZE_OPTION_KEYS) if (opts[key] !== undefined) picked[key] = opts[key];
  return picked as AnalyzeOptions;
}
