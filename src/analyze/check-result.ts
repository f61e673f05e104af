import { checkArgument, checkArrayOf, hasArray } from '../util/check-argument.js';

const ANALYSIS_RESULT = 'an analysis result (from analyzeFile, analyzeStream or analyzeText)';

/** An analysis result by its kind: its clusters and boots. */
function isAnalysisResult(value: unknown): boolean {
  return hasArray(value, 'clusters') && hasArray(value, 'boots');
}

/** `fn`'s `result` must be an analysis result, else a UsageError naming both. */
export function checkResult(fn: string, result: unknown): void {
  checkArgument(isAnalysisResult(result), fn, 'result', ANALYSIS_RESULT, result);
}

/** `fn`'s `results` must be an array of analysis results, else a UsageError naming it or its first of another kind. */
export function checkResults(fn: string, results: unknown): void {
  checkArrayOf(isAnalysisResult, fn, 'results', results, 'an array of analysis results', ANALYSIS_RESULT);
}
