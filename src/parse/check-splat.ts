import { checkArgument, isObject } from '../util/check-argument.js';

/** `fn`'s `splat` must be a splat as the Segmenter gives it (kind, title, frames, lines), else a UsageError. */
export function checkSplat(fn: string, splat: unknown): void {
  const ok = isObject(splat) && typeof splat['kind'] === 'string' && typeof splat['title'] === 'string' && Array.isArray(splat['frames']) && Array.isArray(splat['lines']);
  checkArgument(ok, fn, 'splat', "a splat (a Segmenter's onSplat, or a cluster's sample)", splat);
}
