/** Offsets and sizes repeat across frames and splats; a bounded memo of their values saves a BigInt parse. */
const MEMO_LIMIT = 4096;
const memo = new Map<string, bigint>();
/** Hex digits beyond which a value may not be exact in a double (16^13 = 2^52). */
const EXACT_HEX_DIGITS = 13;
/** Hex digits of a 64-bit register: such a value is built from two 32-bit halves. */
const WORD_HEX_DIGITS = 16;
const WORD = new DataView(new ArrayBuffer(8));

/** A char code of `0-9a-f`: the digits the kernel prints addresses and register values with. */
export function isLowerHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}

function hexDigitValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
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
export function hexSpanToBigInt(text: string, from: number, to: number): bigint {
  const n = to - from;
  if (n <= EXACT_HEX_DIGITS) return BigInt(sumHex(text, from, to));
  if (n > WORD_HEX_DIGITS) return BigInt(`0x${text.slice(from, to)}`);
  WORD.setUint32(0, sumHex(text, from, to - 8));
  WORD.setUint32(4, sumHex(text, to - 8, to));
  return WORD.getBigUint64(0);
}

/** hexToBigInt for short values that recur (`func+0x44/0x194`): memoized, the memo cleared when it fills. */
export function recurringHexToBigInt(digits: string): bigint {
  let value = memo.get(digits);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = hexToBigInt(digits);
    memo.set(digits, value);
  }
  return value;
}
