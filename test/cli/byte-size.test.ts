import { parseByteSize } from '../../src/cli/byte-size.js';
import { UsageError } from '../../src/errors.js';

test.each([
  ['64KiB', 65536],
  ['64k', 65536],
  ['200MiB', 200 * 1024 * 1024],
  ['4GiB', 4 * 1024 ** 3],
  ['65536', 65536],
  ['1.5k', 1536],
])('%s = %i bytes', (text, bytes) => {
  expect(parseByteSize(text, '--x')).toBe(bytes);
});

test.each(['', 'lots', '-1k', '0', '12 parsecs'])('rejects %p', (text) => {
  expect(() => parseByteSize(text, '--x')).toThrow(UsageError);
});
