import { checkArgument, checkArrayOf, hasArray, isObject } from '../util/check-argument.js';

const ANALYSIS_RESULT = 'an analysis result (from analyzeFile, analyzeStream or analyzeText)';

/**
 * An analysis result by its kind: its stats, its boots (objects) and its clusters (objects, each with its example and
 * vmemmap findings), which layoutBoot, evidenceFromResult and buildReport read without another look.
 */
function isAnalysisResult(value: unknown): boolean {
  if (!hasArray(value, 'clusters') || !hasArray(value, 'boots') || !isObject((value as Record<string, unknown>)['stats'])) return false;
  const { clusters, boots } = value as { clusters: unknown[]; boots: unknown[] };
  return boots.every(isObject) && clusters.every((c) => isObject(c) && isObject(c['example']) && Array.isArray(c['vmemmap']));
}

/** `fn`'s `result` must be an analysis result, else a UsageError naming both. */
export function checkResult(fn: string, result: unknown): void {
  checkArgument(isAnalysisResult(result), fn, 'result', ANALYSIS_RESULT, result);
}

/** `fn`'s `results` must be an array of analysis results, else a UsageError naming it or its first of another kind. */
export function checkResults(fn: string, results: unknown): void {
  checkArrayOf(isAnalysisResult, fn, 'results', results, 'an array of analysis results', ANALYSIS_RESULT);
}
