import { UsageError } from '../../src/errors.js';
import { buildReport } from '../../src/report/model.js';
import { checkReport } from '../../src/report/check-report.js';

describe('checkReport', () => {
  test("a report from buildReport passes", () => {
    expect(() => checkReport('renderText', buildReport([]))).not.toThrow();
  });

  test.each([
    [undefined, 'renderText: report must be a report from buildReport, not undefined'],
    [{}, 'renderText: report must be a report from buildReport, not an empty object'],
    [{ inputs: [], summary: {} }, 'renderText: report must be a report from buildReport, not an object with keys inputs, summary'],
  ])('%p is a UsageError naming the export and the argument', (value, message) => {
    expect(() => checkReport('renderText', value)).toThrow(new UsageError(message));
  });
});
