import fc from 'fast-check';
import { hexToBigInt, isLowerHexCode, lowerHexValue, recurringHexToBigInt, wordToBigInt } from '../../../src/parse/fields/hex-bigint.js';
import { fuzzParams } from '../../fuzz/_fuzz-params.js';

describe('hexToBigInt', () => {
  test.each([
    ['0', 0n],
    ['30', 0x30n],
    ['1fffffffffffff', 0x1f_ffff_ffff_ffffn], // 14 digits: 2^53 - 1, built from two halves
    ['000fffffffffffff', 0xf_ffff_ffff_ffffn], // 16 digits, 13 significant
    ['ffff80000830ab60', 0xffff_8000_0830_ab60n],
    ['0000000000000000', 0n],
    ['FFFF0000', 0xffff_0000n],
    ['1ffff80000830ab60', 0x1_ffff_8000_0830_ab60n], // 17 digits: wider than a word, taken by the string parse
  ])('%s', (digits, value) => {
    expect(hexToBigInt(digits)).toBe(value);
    expect(recurringHexToBigInt(digits)).toBe(value);
  });

  test('agrees with BigInt on any run of hex digits', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789abcdef0000'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(digits, (d) => {
        expect(hexToBigInt(d)).toBe(BigInt(`0x${d}`));
        expect(recurringHexToBigInt(d)).toBe(BigInt(`0x${d}`));
      }),
      fuzzParams(5000),
    );
  });
});

describe('isLowerHexCode', () => {
  test('is true for 0-9 and a-f only', () => {
    const hex = [...Array(128).keys()].filter(isLowerHexCode).map((c) => String.fromCharCode(c)).join('');
    expect(hex).toBe('0123456789abcdef');
  });
});

describe('lowerHexValue', () => {
  test('is the digit value for 0-9 and a-f, -1 for every other code', () => {
    for (let c = 0; c < 0x3000; c++) {
      const ch = String.fromCharCode(c);
      expect(lowerHexValue(c)).toBe(/[0-9a-f]/.test(ch) ? parseInt(ch, 16) : -1);
    }
    expect(lowerHexValue(NaN)).toBe(-1);
  });
});

describe('wordToBigInt', () => {
  test('joins two 32-bit halves', () => {
    expect(wordToBigInt(0xffff_8000, 0x0830_ab60)).toBe(0xffff_8000_0830_ab60n);
    expect(wordToBigInt(0, 0)).toBe(0n);
  });
});
