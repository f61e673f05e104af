import { checkCallbacks } from '../../src/analyze/check-callbacks.js';
import { UsageError } from '../../src/errors.js';
import { analyzeFile, analyzeText } from '../../src/api.js';

const PLAIN = new URL('../../samples/logs/plain-boot-6.6-unrelated-warning.log', import.meta.url).pathname;

// Found by an API audit: `signal: 'x'` came back as the inputError `read failed: signal.addEventListener is not a
// function`, and `onBytes: 5` threw a raw TypeError once the first chunk was read.
test.each([
  [{ signal: 'x' }, "signal must be an AbortSignal, not the string 'x'"],
  [{ signal: null }, 'signal must be an AbortSignal, not null'],
  [{ signal: { aborted: false } }, 'signal must be an AbortSignal, not an object'],
  [{ onBytes: 5 }, 'onBytes must be a function, not the number 5'],
  [{ onSplit: 'log' }, "onSplit must be a function, not the string 'log'"],
  [{ name: 5 }, 'name must be a string, not the number 5'],
])('%o is a usage error', (opts, message) => {
  expect(() => checkCallbacks(opts)).toThrow(new UsageError(message));
});

test('an AbortSignal, functions, a name and absent ones pass', () => {
  expect(() => checkCallbacks({ signal: new AbortController().signal, onBytes: () => undefined, onSplit: () => undefined, name: 'dmesg' })).not.toThrow();
  expect(() => checkCallbacks({ signal: AbortSignal.timeout(1000) })).not.toThrow();
  expect(() => checkCallbacks({})).not.toThrow();
});

test('analyzeText and analyzeFile reject them up front, as UsageErrors', async () => {
  await expect(analyzeText('x\n', { signal: 'x' as never })).rejects.toThrow(UsageError);
  await expect(analyzeFile(PLAIN, { onBytes: 5 as never })).rejects.toThrow(new UsageError('analyzeFile: onBytes must be a function, not the number 5'));
});
