import type { InputTask } from './input-task.js';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

/** Shards past this many would all be empty: a task's shard comes from a 32-bit hash. */
export const MAX_SHARDS = 2 ** 32;

/** FNV-1a (32-bit) over UTF-8: stable across runs, machines and Node versions. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Shard (1-based) a task belongs to, from its path relative to its argument (an archive stays whole). */
export function shardOf(task: Pick<InputTask, 'rel'>, count: number): number {
  return (stableHash(task.rel) % count) + 1;
}

export function selectShard<T extends Pick<InputTask, 'rel'>>(tasks: readonly T[], shard: ShardSpec | undefined): T[] {
  if (!shard) return [...tasks];
  return tasks.filter((t) => shardOf(t, shard.count) === shard.index);
}
