import { UsageError } from '../../src/errors.js';
import { checkAnalyzeOptions } from '../../src/analyze/check-options.js';
import { analyzeText } from '../../src/api.js';

describe('checkAnalyzeOptions', () => {
  test.each([
    [{ maxLineBytes: 0 }, 'maxLineBytes must be a whole number of at least 1, not 0'],
    [{ maxLineBytes: 1.5 }, 'maxLineBytes must be a whole number of at least 1, not 1.5'],
    [{ maxSplatLines: Number.NaN }, 'maxSplatLines must be a whole number of at least 1, not NaN'],
    [{ maxSplatLines: -1 }, 'maxSplatLines must be a whole number of at least 1, not -1'],
    [{ threads: 2.5 }, 'threads must be a whole number of at least 1, not 2.5'],
    [{ layout: { kernel: 'banana' } }, "layout.kernel must look like 6.1 or 5.15.0-91, not 'banana'"],
  ])('%o is a usage error', (opts, message) => {
    expect(() => checkAnalyzeOptions(opts)).toThrow(new UsageError(message));
  });

  test('good values and absent ones pass', () => {
    expect(() => checkAnalyzeOptions({ maxLineBytes: 65536, maxSplatLines: 400, threads: 2, layout: { kernel: '6.1' } })).not.toThrow();
    expect(() => checkAnalyzeOptions({})).not.toThrow();
  });

  test('the library entry points check them: a usage error, not an input error on the result', async () => {
    await expect(analyzeText('x\n', { maxLineBytes: 0 })).rejects.toThrow(UsageError);
  });
});
