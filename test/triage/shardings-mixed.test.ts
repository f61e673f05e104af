import { shardingsMixedWarning } from '../../src/triage/shardings-mixed.js';

const of = (count?: number) => (count === undefined ? {} : { shards: { count, indices: [1] } });

test('one sharding, or none at all: no warning', () => {
  expect(shardingsMixedWarning([of(3), of(3)])).toBeUndefined();
  expect(shardingsMixedWarning([of(), of()])).toBeUndefined();
  expect(shardingsMixedWarning([])).toBeUndefined();
});

test('different counts, or shards beside a whole run: each sharding named once, smallest count first', () => {
  expect(shardingsMixedWarning([of(3), of(2), of(3)])).toBe(
    'the summaries come from different shardings (shards of 2; shards of 3): the merge cannot tell whether any shard is missing',
  );
  expect(shardingsMixedWarning([of(), of(4)])).toBe(
    'the summaries come from different shardings (shards of 4; no sharding (a whole run or a complete merge)): the merge cannot tell whether any shard is missing',
  );
});
