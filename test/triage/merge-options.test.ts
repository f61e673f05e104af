import { UsageError } from '../../src/errors.js';
import { checkMergeOptions } from '../../src/triage/merge-options.js';

test.each([
  [{ onwarning: () => undefined }, "unknown option 'onwarning' (did you mean 'onWarning'?)"],
  [{ onWarning: 'stderr' }, "onWarning must be a function, not the string 'stderr'"],
  [null, 'options must be an object, not null'],
])('%p is a usage error', (opts, message) => {
  expect(() => checkMergeOptions(opts)).toThrow(new UsageError(message));
});

test('a function, or none, passes', () => {
  expect(() => checkMergeOptions({ onWarning: () => undefined })).not.toThrow();
  expect(() => checkMergeOptions({})).not.toThrow();
});
