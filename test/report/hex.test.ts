import { toHex, toHexOpt } from '../../src/report/hex.js';

test.each([
  [0n, '0x0'],
  [0xffff_fc00_0000_0000n, '0xfffffc0000000000'],
  // memstart_addr is an s64: -0x80000000 is printed as its u64 two's complement 2^64 - 0x80000000.
  [-0x8000_0000n, '0xffffffff80000000'],
  [-1n, '0xffffffffffffffff'],
])('toHex(%p) = %s', (v, hex) => {
  expect(toHex(v)).toBe(hex);
});

test('toHexOpt passes undefined through', () => {
  expect(toHexOpt(undefined)).toBeUndefined();
  expect(toHexOpt(0xabn)).toBe('0xab');
});
