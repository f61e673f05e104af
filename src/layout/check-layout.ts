import { checkArgument, checkArrayOf, isObject } from '../util/check-argument.js';

const LAYOUT_FROM = 'a layout (from inferLayout, candidateLayouts or plausibleLayouts)';

/** A layout as inferLayout makes it: its era, and its constants. */
function isLayout(value: unknown): boolean {
  return isObject(value) && isObject(value['era']) && isObject(value['constants']);
}

/** `fn`'s argument `arg` must be one layout, else a UsageError naming both. */
export function checkLayout(fn: string, arg: string, value: unknown): void {
  checkArgument(isLayout(value), fn, arg, LAYOUT_FROM, value);
}

/** `fn`'s argument `arg` must be an array of layouts, else a UsageError naming the first that is none. */
export function checkLayouts(fn: string, arg: string, value: unknown): void {
  checkArrayOf(isLayout, fn, arg, value, 'an array of layouts (from candidateLayouts or plausibleLayouts)', LAYOUT_FROM);
}

/** `fn`'s `c` must be a layout's constants (computeConstants, or a layout's `constants`), else a UsageError. */
export function checkConstants(fn: string, value: unknown): void {
  const ok = isObject(value) && typeof value['vmemmapBase'] === 'bigint' && typeof value['vmemmapStart'] === 'bigint';
  checkArgument(ok, fn, 'c', "a layout's constants (computeConstants, or a layout's constants)", value);
}

/** `fn`'s argument `arg` must be a bigint, else a UsageError (a number had mixed BigInt and other types). */
export function checkBigint(fn: string, arg: string, value: unknown): void {
  checkArgument(typeof value === 'bigint', fn, arg, 'a bigint (0x80000000n)', value);
}
