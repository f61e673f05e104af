import { selectShard, shardOf, stableHash } from '../../src/triage/shard.js';

describe('stableHash', () => {
  // FNV-1a 32-bit reference values: offset basis 0x811c9dc5 for "", and "a" = (0x811c9dc5 ^ 0x61) * 0x01000193 mod 2^32.
  test.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j', (text, hash) => {
    expect(stableHash(text)).toBe(hash);
  });
});

describe('selectShard', () => {
  const tasks = Array.from({ length: 200 }, (_, i) => ({ rel: `dir/log-${i}.txt` }));

  test('the shards partition the inputs', () => {
    const parts = [1, 2, 3].map((index) => selectShard(tasks, { index, count: 3 }));
    expect(parts.flat().map((t) => t.rel).sort()).toEqual(tasks.map((t) => t.rel).sort());
    for (const part of parts) expect(part.length).toBeGreaterThan(0);
  });

  test('membership depends only on the relative path', () => {
    expect(shardOf({ rel: 'a/b.log' }, 5)).toBe(shardOf({ rel: 'a/b.log' }, 5));
    expect(selectShard(tasks, undefined)).toEqual(tasks);
  });
});
