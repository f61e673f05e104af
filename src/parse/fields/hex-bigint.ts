import { BoundedMemo } from '../../util/bounded-memo.js';

/** Offsets and sizes repeat across frames and splats; a bounded memo of their values saves a BigInt parse. */
const memo = new BoundedMemo<bigint>(4096);
/** Hex digits beyond which a value may not be exact in a double (16^13 = 2^52). */
const EXACT_HEX_DIGITS = 13;
/** Hex digits of a 64-bit register: such a value is built from two 32-bit halves. */
const WORD_HEX_DIGITS = 16;
const WORD = new DataView(new ArrayBuffer(8));

/** Value of each char code of `0-9a-f`, -1 for every other code below 128. */
const LOWER_HEX_VALUES = Int8Array.from({ length: 128 }, (_, c) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1,
);

/** A char code of `0-9`. */
export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A char code of `0-9a-f`: the digits the kernel prints addresses and register values with. */
export function isLowerHexCode(c: number): boolean {
  return lowerHexValue(c) >= 0;
}

/**
 * The value of a char code of `0-9a-f`, else -1. A table, not comparisons: register values are random digits, and
 * the branches of a range test mispredicted on a third of them (measured: twice the cost per 16-digit value).
 */
export function lowerHexValue(c: number): number {
  return c < 128 ? LOWER_HEX_VALUES[c]! : -1;
}

/** The value of a char code of `0-9a-fA-F`, without a branch (see lowerHexValue): `c & 15` is the digit, or the
 *  letter's place after `9`, and bit 6 is set for letters only. */
function hexDigitValue(c: number): number {
  return (c & 15) + 9 * (c >> 6);
}

function sumHex(digits: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 16 + hexDigitValue(digits.charCodeAt(i));
  return value;
}

/**
 * `BigInt('0x' + digits)` for a non-empty run of hex digits. Register-width values are summed as two 32-bit halves
 * and read back as one 64-bit word, and shorter ones in a double: half the cost of BigInt's string parse, which only
 * values wider than 64 bits still take.
 */
export function hexToBigInt(digits: string): bigint {
  return hexSpanToBigInt(digits, 0, digits.length);
}

/** hexToBigInt of `text.slice(from, to)`, without the slice. */
function hexSpanToBigInt(text: string, from: number, to: number): bigint {
  const n = to - from;
  if (n <= EXACT_HEX_DIGITS) return BigInt(sumHex(text, from, to));
  if (n > WORD_HEX_DIGITS) return BigInt(`0x${text.slice(from, to)}`);
  return wordToBigInt(sumHex(text, from, to - 8), sumHex(text, to - 8, to));
}

/** The 64-bit value whose upper and lower 32 bits are `high` and `low`. */
export function wordToBigInt(high: number, low: number): bigint {
  WORD.setUint32(0, high);
  WORD.setUint32(4, low);
  return WORD.getBigUint64(0);
}

/** hexToBigInt for short values that recur (`func+0x44/0x194`): memoized, the memo cleared when it fills. */
export function recurringHexToBigInt(digits: string): bigint {
  let value = memo.get(digits);
  if (value === undefined) {
    value = hexToBigInt(digits);
    memo.set(digits, value);
  }
  return value;
}
