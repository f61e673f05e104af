import { UsageError } from '../errors.js';
import { describeValue } from '../util/describe-value.js';
import { checkFunction, checkString } from '../util/option-values.js';

/** The options of `analyzeStream` and `analyzeFile` (api.ts) that are no value: the signal, callbacks and the name. */
export interface CallbackOptions {
  name?: unknown;
  signal?: unknown;
  onBytes?: unknown;
  onSplit?: unknown;
}

/**
 * A signal, callback or name of the wrong kind is a UsageError up front: `signal: 'x'` had read nothing and come back
 * as the inputError `read failed: signal.addEventListener is not a function`, and `onBytes: 5` threw a raw TypeError
 * once the first chunk was read.
 */
export function checkCallbacks(opts: CallbackOptions): void {
  checkString('name', opts.name);
  if (opts.signal !== undefined && !isAbortSignal(opts.signal)) throw new UsageError(`signal must be an AbortSignal, not ${describeValue(opts.signal)}`);
  for (const key of ['onBytes', 'onSplit'] as const) checkFunction(key, opts[key]);
}

/** An AbortSignal by what the run uses of it, so that one of another realm or a polyfill passes too. */
export function isAbortSignal(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const signal = value as Partial<Record<'aborted' | 'addEventListener' | 'removeEventListener', unknown>>;
  return typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function' && typeof signal.removeEventListener === 'function';
}
