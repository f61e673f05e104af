import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ownCopy } from '../../src/util/own-copy.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap still used after 16 strings of 40 characters, each cut from its own 1 MiB string, are kept through `keep`. */
function heldBy(keep: (text: string) => string): number {
  gc();
  const before = getHeapStatistics().used_heap_size;
  const kept = Array.from({ length: 16 }, (_, i) => keep(`${i}:`.padEnd(1 << 20, 'x').slice(0, 40)));
  gc();
  const held = getHeapStatistics().used_heap_size - before;
  expect(kept.map((text) => text.length)).toEqual(Array.from({ length: 16 }, () => 40));
  return held;
}

test('the copy has the same text', () => {
  for (const text of ['', 'a', ' leading space', 'x'.repeat(5000), '\u00e9\u{1F600}']) expect(ownCopy(text)).toBe(text);
});

test('a slice keeps its whole parent alive, and the copy of one keeps none of it', () => {
  expect(heldBy((text) => text)).toBeGreaterThan(8 * 2 ** 20);
  expect(heldBy(ownCopy)).toBeLessThan(2 ** 20);
});
