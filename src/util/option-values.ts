import { UsageError } from '../errors.js';
import { describeValue } from './describe-value.js';

/**
 * An option's value of the wrong kind, when given, is a UsageError that names the option (as the caller spells it:
 * `analyze.maxLineBytes`) and the value; `inFunction` puts the export's name before it. One rule per kind, shared by
 * every export's options: a boolean given as `'no'` had been read as true, a width of `'x'` as none.
 */

/** A numeric option, when given, as a whole number of at least `least`. */
export function checkWholeNumber(name: string, value: unknown, least: number): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= least)) {
    throw new UsageError(`${name} must be a whole number of at least ${least}, not ${describeValue(value)}`);
  }
}

/** A switch, when given, as `true` or `false`: a string such as `'no'` is truthy and had turned the switch on. */
export function checkBoolean(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') throw new UsageError(`${name} must be a boolean, not ${describeValue(value)}`);
}

/** A string option, when given, as a string. */
export function checkString(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') throw new UsageError(`${name} must be a string, not ${describeValue(value)}`);
}

/** A callback, when given, as a function. */
export function checkFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw new UsageError(`${name} must be a function, not ${describeValue(value)}`);
}

/** An option, when given, as one of `choices`. */
export function checkChoice(name: string, value: unknown, choices: readonly string[]): void {
  if (value !== undefined && !(choices as readonly unknown[]).includes(value)) {
    throw new UsageError(`${name} must be one of ${choices.join(', ')}, not ${describeValue(value)}`);
  }
}
