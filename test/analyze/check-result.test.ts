import { UsageError } from '../../src/errors.js';
import { analyzeText } from '../../src/api.js';
import { checkResult, checkResults } from '../../src/analyze/check-result.js';
import { evidenceFromResult, layoutBoot } from '../../src/analyze/layout-evidence.js';
import { buildReport } from '../../src/report/model.js';

const RESULT_FROM = 'an analysis result (from analyzeFile, analyzeStream or analyzeText)';

describe('check-result', () => {
  test('a result of analyzeText passes, alone and in an array', async () => {
    const result = await analyzeText('[    0.000000] Linux version 6.1.0 (gcc) #1 SMP\n');
    expect(() => checkResult('layoutBoot', result)).not.toThrow();
    expect(() => checkResults('buildReport', [result, result])).not.toThrow();
  });

  test('a result without its boots, and an array holding one, are UsageErrors naming where', () => {
    expect(() => checkResult('layoutBoot', { clusters: [] })).toThrow(new UsageError(`layoutBoot: result must be ${RESULT_FROM}, not an object with keys clusters`));
    expect(() => checkResults('buildReport', [{ clusters: [], boots: [], stats: {} }, null])).toThrow(new UsageError(`buildReport: results[1] must be ${RESULT_FROM}, not null`));
    expect(() => checkResults('buildReport', undefined)).toThrow(new UsageError('buildReport: results must be an array of analysis results, not undefined'));
  });
});

// Found by a review of the library API: a result whose clusters or boots held junk, or that had no stats, passed the
// check, and layoutBoot, evidenceFromResult and buildReport then failed with raw TypeErrors from inside
// (`reading 'length'` in layout-evidence.ts, `Cannot destructure property 'lines' of 'r.stats'` in model.ts).
describe('Found by a review: a result whose clusters, boots or stats are of another kind is refused', () => {
  test.each([
    ['a cluster of junk', { clusters: [{}], boots: [], stats: {} }],
    ['a boot of 5', { clusters: [], boots: [5], stats: {} }],
    ['no stats', { clusters: [], boots: [] }],
  ])('%s', (_what, result) => {
    for (const call of [() => layoutBoot(result as never), () => evidenceFromResult(result as never)]) {
      expect(call).toThrow(UsageError);
      expect(call).toThrow(/^(?:layoutBoot|evidenceFromResult): result must be an analysis result/);
    }
    expect(() => buildReport([result as never])).toThrow(/^buildReport: results\[0\] must be an analysis result/);
  });
});
