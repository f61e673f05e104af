import { neg64, orderBase2, toS64, u64 } from '../../src/layout/u64.js';

test('u64 wraps mod 2^64', () => {
  expect(u64(1n << 64n)).toBe(0n);
  expect(u64(-1n)).toBe(0xffff_ffff_ffff_ffffn);
});

test('neg64 is two\'s-complement negation', () => {
  expect(neg64(1n << 30n)).toBe(0xffff_ffff_c000_0000n);
  expect(neg64(0n)).toBe(0n);
});

test('toS64 reads the sign bit', () => {
  expect(toS64(0xfff1_0000_8000_0000n)).toBe(0x8000_0000n - ((1n << 52n) - (1n << 48n)));
  expect(toS64(0x8000_0000n)).toBe(0x8000_0000n);
});

test.each([
  [64, 6],
  [65, 7],
  [128, 7],
  [56, 6],
])('order_base_2(%i) = %i', (n, s) => {
  expect(orderBase2(n)).toBe(s);
});
