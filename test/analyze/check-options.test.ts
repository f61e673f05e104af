import { UsageError } from '../../src/errors.js';
import { checkAnalyzeOptions } from '../../src/analyze/check-options.js';
import { analyzeStream, analyzeText } from '../../src/api.js';

describe('checkAnalyzeOptions', () => {
  test.each([
    [{ maxLineBytes: 0 }, 'maxLineBytes must be a whole number of at least 1, not 0'],
    [{ maxLineBytes: 1.5 }, 'maxLineBytes must be a whole number of at least 1, not 1.5'],
    [{ maxSplatLines: Number.NaN }, 'maxSplatLines must be a whole number of at least 1, not NaN'],
    [{ maxSplatLines: -1 }, 'maxSplatLines must be a whole number of at least 1, not -1'],
    [{ threads: 2.5 }, 'threads must be a whole number of at least 1, not 2.5'],
    [{ layout: { kernel: 'banana' } }, "layout.kernel must look like 6.1, v6.1 or 5.15.0-91, not 'banana'"],
    // Found by an audit embedding the library: these passed the check and threw raw TypeErrors at the end of a run.
    [null, 'options must be an object, not null'],
    [{ layout: null }, 'layout must be an object of layout overrides, not null'],
    [{ layout: '6.1' }, "layout must be an object of layout overrides, not the string '6.1'"],
  ])('%o is a usage error', (opts, message) => {
    expect(() => checkAnalyzeOptions(opts as never)).toThrow(new UsageError(message));
  });

  test('good values and absent ones pass', () => {
    expect(() => checkAnalyzeOptions({ maxLineBytes: 65536, maxSplatLines: 400, threads: 2, layout: { kernel: '6.1' } })).not.toThrow();
    expect(() => checkAnalyzeOptions({})).not.toThrow();
  });

  test('the library entry points check them: a usage error, not an input error on the result', async () => {
    await expect(analyzeText('x\n', { maxLineBytes: 0 })).rejects.toThrow(UsageError);
  });

  // Found by review: layout overrides were looked at only when a vmemmap cluster needed a layout, so a log without one
  // ignored a bad value and a log with one failed after it had been read whole.
  test('layout overrides are checked up front, on a log with no vmemmap splat too', async () => {
    await expect(analyzeText('[    0.000000] Booting Linux on physical CPU 0x0\n', { layout: { vaBits: 40, pageSizeBytes: 4096 } })).rejects.toThrow(
      new UsageError('layout.vaBits must be one of 36, 39, 42, 47, 48, 52, not 40'),
    );
  });
});

// Found by an audit embedding the library: an impossible config was found so only once a log with a vmemmap cluster
// had been read whole (10.5 s of a 118 MB log, then the analysis lost); the CLI says so before reading anything.
test('an impossible layout.configText is a usage error before the input is read', async () => {
  let read = false;
  const input = (async function* () {
    read = true;
    yield Buffer.from('[    0.000000] Booting Linux on physical CPU 0x0\n');
  })();
  await expect(analyzeStream(input, { layout: { configText: 'CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_VA_BITS=42\n' } })).rejects.toThrow(
    /^layout\.configText is not a possible arm64 config/,
  );
  expect(read).toBe(false);
});
