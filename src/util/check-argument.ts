import { UsageError } from '../errors.js';
import { describeValue } from './describe-value.js';

/**
 * An argument of a library export that is of the wrong kind is a one-line UsageError naming the export, the argument
 * and what it must be (`renderText: report must be a report from buildReport, not an object without inputs`), not a
 * raw TypeError from somewhere inside. Checked once per call, at the entry: never on a per-line path.
 */
export function checkArgument(ok: boolean, fn: string, arg: string, must: string, value: unknown): void {
  if (!ok) throw new UsageError(`${fn}: ${arg} must be ${must}, not ${describeArgument(value)}`);
}

/**
 * `value` must be an array each element of which `isKind` accepts, else a UsageError naming the array (`mustArray`)
 * or its first element of another kind (`arg[i]`, `mustElement`).
 */
export function checkArrayOf(isKind: (element: unknown) => boolean, fn: string, arg: string, value: unknown, mustArray: string, mustElement: string): void {
  checkArgument(Array.isArray(value), fn, arg, mustArray, value);
  const bad = (value as unknown[]).findIndex((element) => !isKind(element));
  if (bad !== -1) checkArgument(false, fn, `${arg}[${bad}]`, mustElement, (value as unknown[])[bad]);
}

/** An object, not null nor an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose `key` is an array: the kind of a report (`inputs`), a summary (`clusters`) or a result (`clusters`). */
export function hasArray(value: unknown, key: string): boolean {
  return isObject(value) && Array.isArray(value[key]);
}

/**
 * Runs `check`, an existing check whose messages name no export, with `fn: ` before the message of its UsageError;
 * returns what `check` returns (a checked path).
 */
export function inFunction<T>(fn: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    // A check that names the export itself (checkArgument) is not named twice.
    if (err instanceof UsageError && !err.message.startsWith(`${fn}: `)) throw new UsageError(`${fn}: ${err.message}`);
    throw err;
  }
}

/** As `describeValue`, and an object that is not of the kind wanted says so. */
function describeArgument(value: unknown): string {
  if (!isObject(value)) return describeValue(value);
  const keys = Object.keys(value);
  return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`;
}
