import type { AnalyzeOptions } from '../analyze/analyze-options.js';

/** What a worker (or the in-process runner) needs to analyse one top-level input. Structured-cloneable. */
export interface InputContext {
  analyze: Omit<AnalyzeOptions, 'name'>;
  maxBufferedZipBytes: number;
  outDir?: string;
  fileTimes: boolean;
  /** Where each thread's V8 young generation stops growing (util/heap-policy.ts); the CLI sets it, embedders need not. */
  youngGenerationCapBytes?: number;
}
