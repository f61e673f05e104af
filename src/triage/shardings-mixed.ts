import type { Summary } from './summary-types.js';

/**
 * What a merge of these summaries should be warned of, or undefined: summaries of `--shard i/n` runs with different
 * `n`, or beside one of no sharding (a whole run, or a complete merge), leave the merge with no shards to name, so
 * nothing would say that some of them are missing (`merge` of shard 1/3 and shard 1/2 read like a whole run).
 */
export function shardingsMixedWarning(summaries: readonly Pick<Summary, 'shards'>[]): string | undefined {
  const counts = new Set(summaries.map((s) => s.shards?.count));
  if (counts.size < 2) return undefined;
  const named = [...counts]
    .sort((a, b) => (a ?? 0) - (b ?? 0))
    .map((count) => (count === undefined ? 'no sharding (a whole run or a complete merge)' : `shards of ${count}`));
  return `the summaries come from different shardings (${named.join('; ')}): the merge cannot tell whether any shard is missing`;
}
