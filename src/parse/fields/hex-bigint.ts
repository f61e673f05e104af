/** Offsets and sizes repeat across frames and splats; a bounded memo of their values saves a BigInt parse. */
const MEMO_LIMIT = 4096;
const memo = new Map<string, bigint>();
/** Hex digits beyond which a value may not be exact in a double (16^13 = 2^52). */
const EXACT_HEX_DIGITS = 13;

function hexDigitValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 32) - 87;
}

/**
 * `BigInt('0x' + digits)` for a non-empty run of hex digits. A value below 2^52 is summed in a double first:
 * cheaper than BigInt's string parse, which only values of 14 or more significant digits still take.
 */
export function hexToBigInt(digits: string): bigint {
  const leading = digits.length - EXACT_HEX_DIGITS;
  for (let i = 0; i < leading; i++) if (digits.charCodeAt(i) !== 48) return BigInt(`0x${digits}`);
  let value = 0;
  for (let i = 0; i < digits.length; i++) value = value * 16 + hexDigitValue(digits.charCodeAt(i));
  return BigInt(value);
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
