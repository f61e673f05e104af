import { checkArgument, isObject } from '../util/check-argument.js';

/** A Map, from this realm or another (a splat that came through structured cloning, or from a vm context). */
function isMap(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Map]';
}

/**
 * `fn`'s `splat` must be a splat as the Segmenter gives it (kind, title, its site, its registers, frames that are
 * objects, lines), else a UsageError. One without its site or its registers (a Map), or with a frame of null, had
 * been a raw TypeError from inside isVmemmapSplat, readRegisters or signatureOf.
 */
export function checkSplat(fn: string, splat: unknown): void {
  const ok =
    isObject(splat) &&
    typeof splat['kind'] === 'string' &&
    typeof splat['title'] === 'string' &&
    isObject(splat['site']) &&
    isMap(splat['regs']) &&
    Array.isArray(splat['frames']) &&
    splat['frames'].every(isObject) &&
    Array.isArray(splat['lines']);
  checkArgument(ok, fn, 'splat', "a splat (a Segmenter's onSplat, or a cluster's sample)", splat);
}
