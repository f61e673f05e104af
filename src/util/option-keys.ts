import { UsageError } from '../errors.js';
import { closestKey } from './closest-key.js';
import { describeValue } from './describe-value.js';
import { isObject } from './check-argument.js';

/** The keys of `T` that `K` leaves out. */
type Unlisted<T, K extends readonly PropertyKey[]> = Exclude<keyof T, K[number]>;

/**
 * Every key of the options type `T`, listed once beside it: `optionKeys<TextOptions>()(['colour', 'width'])`. A key
 * not of `T` fails typecheck, and so does a list that leaves one of `T`'s keys out (the error names it), so that an
 * option added to the type cannot be missing from the keys `checkOptionKeys` accepts.
 */
export function optionKeys<T extends object>() {
  return <const K extends readonly (keyof T & string)[]>(keys: K & ([Unlisted<T, K>] extends [never] ? unknown : { unlisted: Unlisted<T, K> })): K => keys;
}

/**
 * An options object's own keys that are none of `known` are a UsageError naming the first, with the known key it is
 * likely a slip for (`color` for `colour`, `pageSize` for `pageSizeBytes`): TypeScript catches these, a JavaScript
 * caller had got the defaults without a word. `name` says how the caller spells a key (`layout.pageSizeBytes`).
 */
export function checkOptionKeys(opts: object, known: readonly string[], name: (key: string) => string = (key) => key): void {
  const unknown = Object.keys(opts).find((key) => !known.includes(key));
  if (unknown === undefined) return;
  const near = closestKey(unknown, known);
  const hint = near !== undefined ? `did you mean '${name(near)}'?` : `known: ${known.map(name).join(', ')}`;
  throw new UsageError(`unknown option '${name(unknown)}' (${hint})`);
}

/**
 * An options argument: an object (not null nor an array) whose keys are all of `known`, else a UsageError.
 * `what` names it in the message (`options`, `hooks`).
 */
export function checkOptionsObject(opts: unknown, known: readonly string[], what = 'options'): asserts opts is object {
  if (!isObject(opts)) throw new UsageError(`${what} must be an object, not ${describeValue(opts)}`);
  checkOptionKeys(opts, known);
}
