import type { PrefixFields } from './prefix-rules.js';

/** The printk time prefix `[    1.234567] `; `takePrintkTime` is this regex and its rule's `take`, by hand. */
export const PRINTK_TIME = /^\[ *(\d+\.\d+)\] ?/;

/** Powers of ten as literals, each exact in a double. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Up to 15 digits the digits as an integer are exact in a double, and so is their quotient by a power of ten
 *  (one correctly rounded division): the same double as `Number` of the decimal text. */
const EXACT_DIGITS = 15;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Strips `[ *\d+\.\d+\] ?` from the start of `text` and records the time in `into.ts` (when unset), as the printk
 * time rule does with PRINTK_TIME. Returns the rest of the text, or undefined when the text does not start with
 * the prefix. Every line of a printk log has one; the regex match and `Number` cost more than the prefix is worth.
 */
export function takePrintkTime(text: string, into: PrefixFields): string | undefined {
  if (text.charCodeAt(0) !== 91) return undefined;
  let i = 1;
  while (text.charCodeAt(i) === 32) i++;
  const start = i;
  let digits = 0;
  while (isDigit(text.charCodeAt(i))) {
    digits = digits * 10 + (text.charCodeAt(i) - 48);
    i++;
  }
  if (i === start || text.charCodeAt(i) !== 46) return undefined;
  const point = i++;
  while (isDigit(text.charCodeAt(i))) {
    digits = digits * 10 + (text.charCodeAt(i) - 48);
    i++;
  }
  const end = i;
  if (end === point + 1 || text.charCodeAt(i) !== 93) return undefined;
  i++;
  if (text.charCodeAt(i) === 32) i++;
  const digitCount = end - start - 1;
  into.ts ??= digitCount <= EXACT_DIGITS ? digits / POW10[end - point - 1]! : Number(text.slice(start, end));
  return text.slice(i);
}
