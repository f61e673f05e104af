import { UsageError } from '../errors.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { checkLayoutOverrides } from '../layout/check-overrides.js';
import { describeValue } from '../util/describe-value.js';
import { checkCallbacks, type CallbackOptions } from './check-callbacks.js';
import { checkOptionKeys } from '../util/option-keys.js';
import { isObject } from '../util/check-argument.js';
import { checkBoolean, checkWholeNumber } from '../util/option-values.js';

/** The options `checkAnalyzeOptions` looks at: those of `analyzeFile`, the widest entry point. */
type CheckedOptions = AnalyzeOptions & CallbackOptions & { threads?: number; youngGenerationCapBytes?: number; partsEvenly?: boolean };

/**
 * The library's options, checked as the CLI checks its flags: a bad value is a UsageError (exit 2), not a run that
 * reads nothing and reports an input error, or one that quietly ignores the value. So is a key none of `known` (the
 * entry point's options: `maxSplatLine` had been ignored); `name` spells a key as the caller does (`analyze.threads`).
 */
export function checkAnalyzeOptions(opts: CheckedOptions, known: readonly string[], name?: (key: string) => string): void {
  // `as unknown`: isObject would narrow opts to a record of unknowns, and its option types are wanted below.
  if (!isObject(opts as unknown)) throw new UsageError(`options must be an object, not ${describeValue(opts)}`);
  checkOptionKeys(opts, known, name);
  checkCallbacks(opts);
  const spelled = name ?? ((key: string) => key);
  for (const key of ['maxLineBytes', 'maxSplatLines', 'maxDecompressedBytes', 'threads', 'youngGenerationCapBytes'] as const) {
    checkWholeNumber(spelled(key), opts[key], 1);
  }
  checkBoolean(spelled('partsEvenly'), opts.partsEvenly);
  if (opts.layout !== undefined) {
    if (!isObject(opts.layout)) throw new UsageError(`${spelled('layout')} must be an object of layout overrides, not ${describeValue(opts.layout)}`);
    checkLayoutOverrides(opts.layout, (field) => `${spelled('layout')}.${field}`);
  }
}
