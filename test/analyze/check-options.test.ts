import { UsageError } from '../../src/errors.js';
import { checkAnalyzeOptions } from '../../src/analyze/check-options.js';
import { analyzeFile, analyzeStream, analyzeText, FILE_OPTION_KEYS } from '../../src/api.js';
import { ANALYZE_OPTION_KEYS } from '../../src/analyze/analyze-options.js';

describe('checkAnalyzeOptions', () => {
  test.each([
    [{ maxLineBytes: 0 }, 'maxLineBytes must be a whole number of at least 1, not the number 0'],
    [{ maxLineBytes: 1.5 }, 'maxLineBytes must be a whole number of at least 1, not the number 1.5'],
    [{ maxSplatLines: Number.NaN }, 'maxSplatLines must be a whole number of at least 1, not the number NaN'],
    [{ maxSplatLines: -1 }, 'maxSplatLines must be a whole number of at least 1, not the number -1'],
    [{ threads: 2.5 }, 'threads must be a whole number of at least 1, not the number 2.5'],
    [{ layout: { kernel: 'banana' } }, "layout.kernel must look like 6.1, v6.1 or 5.15.0-91, not 'banana'"],
    // Found by an audit embedding the library: these passed the check and threw raw TypeErrors at the end of a run.
    [null, 'options must be an object, not null'],
    [{ layout: null }, 'layout must be an object of layout overrides, not null'],
    [{ layout: '6.1' }, "layout must be an object of layout overrides, not the string '6.1'"],
    // Found by an audit embedding the library: a negative or fractional cap was accepted.
    [{ youngGenerationCapBytes: -1 }, 'youngGenerationCapBytes must be a whole number of at least 1, not the number -1'],
    [{ youngGenerationCapBytes: 4.5 }, 'youngGenerationCapBytes must be a whole number of at least 1, not the number 4.5'],
    // Found by an audit embedding the library: a misspelt key was ignored, and the option left at its default.
    [{ maxSplatLine: 100 }, "unknown option 'maxSplatLine' (did you mean 'maxSplatLines'?)"],
    // One wording with runTriage's own numbers (`not the number -1`), and a string said to be one ('4G' had read `not 4G`).
    [{ maxDecompressedBytes: '4G' }, "maxDecompressedBytes must be a whole number of at least 1, not the string '4G'"],
    [{ layout: { pageSize: 4096 } }, "unknown option 'layout.pageSize' (did you mean 'layout.pageSizeBytes'?)"],
  ])('%o is a usage error', (opts, message) => {
    expect(() => checkAnalyzeOptions(opts as never, FILE_OPTION_KEYS)).toThrow(new UsageError(message));
  });

  test('good values and absent ones pass', () => {
    expect(() => checkAnalyzeOptions({ maxLineBytes: 65536, maxSplatLines: 400, threads: 2, layout: { kernel: '6.1' } }, FILE_OPTION_KEYS)).not.toThrow();
    expect(() => checkAnalyzeOptions({}, FILE_OPTION_KEYS)).not.toThrow();
  });

  test('the library entry points check them: a usage error, not an input error on the result', async () => {
    await expect(analyzeText('x\n', { maxLineBytes: 0 })).rejects.toThrow(UsageError);
  });

  // Found by review: layout overrides were looked at only when a vmemmap cluster needed a layout, so a log without one
  // ignored a bad value and a log with one failed after it had been read whole.
  test('layout overrides are checked up front, on a log with no vmemmap splat too', async () => {
    await expect(analyzeText('[    0.000000] Booting Linux on physical CPU 0x0\n', { layout: { vaBits: 40, pageSizeBytes: 4096 } })).rejects.toThrow(
      new UsageError('analyzeText: layout.vaBits must be one of 36, 39, 42, 47, 48, 52, not 40'),
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
    /^analyzeStream: layout\.configText is not a possible arm64 config/,
  );
  expect(read).toBe(false);
});

describe('the keys each entry point takes', () => {
  test('a key of analyzeFile alone is unknown to analyzeStream and analyzeText', async () => {
    await expect(analyzeText('x\n', { threads: 2 } as never)).rejects.toThrow(new UsageError("analyzeText: unknown option 'threads' (known: name, maxSplatLines, maxLineBytes, maxDecompressedBytes, layout, signal, onBytes)"));
    await expect(analyzeStream((async function* () {})(), { onSplit: () => undefined } as never)).rejects.toThrow(/^analyzeStream: unknown option 'onSplit'/);
  });

  test('analyzeFile takes its own, and passes them on without its stream check refusing them', async () => {
    const plain = new URL('../../samples/logs/plain-boot-6.6-unrelated-warning.log', import.meta.url).pathname;
    const result = await analyzeFile(plain, { threads: 1, partsEvenly: false, onSplit: () => undefined, maxSplatLines: 10 });
    expect(result.stats.lines).toBeGreaterThan(0);
    await expect(analyzeFile(plain, { thread: 2 } as never)).rejects.toThrow(new UsageError("analyzeFile: unknown option 'thread' (did you mean 'threads'?)"));
  });

  test('a spelling of the caller names the key', () => {
    expect(() => checkAnalyzeOptions({ maxSplatLine: 1 } as never, ANALYZE_OPTION_KEYS, (key) => `analyze.${key}`)).toThrow(
      new UsageError("unknown option 'analyze.maxSplatLine' (did you mean 'analyze.maxSplatLines'?)"),
    );
  });
});
