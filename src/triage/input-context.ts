import type { AnalyzeOptions } from '../analyze/analyze-options.js';

/** What a worker (or the in-process runner) needs to analyse one top-level input. Structured-cloneable. */
export interface InputContext {
  analyze: Omit<AnalyzeOptions, 'name'>;
  maxBufferedZipBytes: number;
  outDir?: string;
  fileTimes: boolean;
}
