import { shardIndicesProblem } from '../../src/cli/shard-indices.js';

// Found by a review of the CLI: merge took `"shards": {"count": 3, "indices": [7]}` and said "shard 7 of 3".
test('an index past the count is named; indices within it, or no shards, are fine', () => {
  expect(shardIndicesProblem({ shards: { count: 3, indices: [1, 7] } })).toBe('/shards/indices: shard 7 is past shards.count 3');
  expect(shardIndicesProblem({ shards: { count: 3, indices: [1, 3] } })).toBeUndefined();
  expect(shardIndicesProblem({})).toBeUndefined();
});
