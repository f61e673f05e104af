import { UsageError } from '../../src/errors.js';
import { analyzeText } from '../../src/api.js';
import { checkResult, checkResults } from '../../src/analyze/check-result.js';

const RESULT_FROM = 'an analysis result (from analyzeFile, analyzeStream or analyzeText)';

describe('check-result', () => {
  test('a result of analyzeText passes, alone and in an array', async () => {
    const result = await analyzeText('[    0.000000] Linux version 6.1.0 (gcc) #1 SMP\n');
    expect(() => checkResult('layoutBoot', result)).not.toThrow();
    expect(() => checkResults('buildReport', [result, result])).not.toThrow();
  });

  test('a result without its boots, and an array holding one, are UsageErrors naming where', () => {
    expect(() => checkResult('layoutBoot', { clusters: [] })).toThrow(new UsageError(`layoutBoot: result must be ${RESULT_FROM}, not an object with keys clusters`));
    expect(() => checkResults('buildReport', [{ clusters: [], boots: [] }, null])).toThrow(new UsageError(`buildReport: results[1] must be ${RESULT_FROM}, not null`));
    expect(() => checkResults('buildReport', undefined)).toThrow(new UsageError('buildReport: results must be an array of analysis results, not undefined'));
  });
});
