import { pageShiftOfDentryHash } from '../../src/layout/dentry-hash-page-size.js';

// Numbers from the lines real boots print (../shared/corpus): `524288 (order: 10, 4194304 bytes, linear)` is 2^22
// bytes at order 10, a 2^12-byte page; a 64K kernel's table of 2^21 bytes is order 5 (21 - 16).
test('PAGE_SHIFT is log2(bytes) - order', () => {
  expect(pageShiftOfDentryHash({ order: 10, bytes: 2 ** 22 })).toBe(12);
  expect(pageShiftOfDentryHash({ order: 7, bytes: 2 ** 21 })).toBe(14);
  expect(pageShiftOfDentryHash({ order: 5, bytes: 2 ** 21 })).toBe(16);
});

test('order 0 or below tells nothing (get_order prints 0 for any table up to a page); nor does a size no power of two', () => {
  expect(pageShiftOfDentryHash({ order: 0, bytes: 4096 })).toBeUndefined();
  expect(pageShiftOfDentryHash({ order: -1, bytes: 32768 })).toBeUndefined();
  expect(pageShiftOfDentryHash({ order: 4, bytes: 3 * 2 ** 15 })).toBeUndefined();
});

test('a page size arm64 does not have is no answer', () => {
  expect(pageShiftOfDentryHash({ order: 1, bytes: 2 ** 14 })).toBeUndefined(); // PAGE_SHIFT 13
  expect(pageShiftOfDentryHash({ order: 2, bytes: 2 ** 32 })).toBeUndefined();
});
