import type { Summary } from '../triage/summary-types.js';

/**
 * What the schema cannot say is wrong with a summary's shards: an index past their count (`"shards": {"count": 3,
 * "indices": [7]}`), which merge had taken and named "shard 7 of 3". Undefined when there is nothing wrong.
 */
export function shardIndicesProblem(s: Pick<Summary, 'shards'>): string | undefined {
  const shards = s.shards;
  const past = shards?.indices.find((index) => index > shards.count);
  return past === undefined ? undefined : `/shards/indices: shard ${past} is past shards.count ${shards?.count}`;
}
