import { UsageError } from '../errors.js';
import { describeValue } from '../util/describe-value.js';
import { checkOptionsObject, optionKeys } from '../util/option-keys.js';

/** Options of `mergeSummaries`. */
export interface MergeOptions {
  /**
   * Called with each warning about the merge, without a `warning:` prefix: that the same log is in more than one
   * summary (a summary merged with itself doubles every total), and that the summaries come from different shardings
   * (shards of 3 and of 2, or shards beside a whole run). The merged summary is the same with or without it.
   */
  onWarning?: (message: string) => void;
}

/** The keys of `MergeOptions`: any other is a UsageError. */
const MERGE_OPTION_KEYS = optionKeys<MergeOptions>()(['onWarning']);

/** `mergeSummaries`' options: an object of its keys, `onWarning` a function, else a UsageError. */
export function checkMergeOptions(opts: unknown): asserts opts is MergeOptions {
  checkOptionsObject(opts, MERGE_OPTION_KEYS);
  const { onWarning } = opts as MergeOptions;
  if (onWarning !== undefined && typeof onWarning !== 'function') throw new UsageError(`onWarning must be a function, not ${describeValue(onWarning)}`);
}
