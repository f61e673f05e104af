import { parseByteSize } from '../../src/cli/byte-size.js';
import { UsageError } from '../../src/errors.js';

test.each([
  ['64KiB', 65536],
  ['64k', 65536],
  ['200MiB', 200 * 1024 * 1024],
  ['4GiB', 4 * 1024 ** 3],
  ['65536', 65536],
  ['1.5k', 1536],
  ['5TiB', 5 * 1024 ** 4],
])('%s = %i bytes', (text, bytes) => {
  expect(parseByteSize(text, '--x')).toBe(bytes);
});

test.each(['', 'lots', '-1k', '0', '12 parsecs'])('rejects %p', (text) => {
  expect(() => parseByteSize(text, '--x')).toThrow(UsageError);
});

// Found by an adversarial run: `1.5` was floored to a limit of 1 byte, and a 22-digit count was taken as given.
test.each([
  ['1.5', "--x must be a whole number of bytes, not '1.5'"],
  ['0.5KiB', undefined],
  ['9999999999999999999999', "--x is too large: '9999999999999999999999'"],
  ['0.0001', "--x must be a whole number of bytes, not '0.0001'"],
])('%s', (text, message) => {
  if (message === undefined) expect(parseByteSize(text, '--x')).toBe(512);
  else expect(() => parseByteSize(text, '--x')).toThrow(new UsageError(message));
});
