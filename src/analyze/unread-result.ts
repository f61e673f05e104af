import type { AnalysisResult } from './types.js';

/** The result of an input that could not be opened: nothing read and its error kept, so that a report lists it. */
export function unreadResult(source: string, error: string): AnalysisResult {
  return {
    source,
    stats: { lines: 0, bytes: 0, boots: 0, splats: 0, truncatedLines: 0, cappedSplats: 0 },
    boots: [],
    clusters: [],
    arch: 'unknown',
    warnings: [],
    inputError: error,
  };
}
