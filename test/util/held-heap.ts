import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap still in use, after a full collection, by what `build` returns (kept alive until it is measured). */
export function heapHeldBy(build: () => unknown): number {
  gc();
  const before = getHeapStatistics().used_heap_size;
  const kept = build();
  gc();
  const held = getHeapStatistics().used_heap_size - before;
  if (kept === null) throw new Error('unreachable: keeps `kept` alive through the measurement');
  return held;
}

/**
 * Heap that objects use after a full collection: the code spaces are left out, as the optimizing compiler adds code
 * there for a while after a run starts (100 bytes an input over triage's first thousands).
 */
export function objectHeapAfterGc(): number {
  gc();
  return getHeapSpaceStatistics().filter((s) => !s.space_name.startsWith('code')).reduce((n, s) => n + s.space_used_size, 0);
}

/** `text` cut from a 1 MiB string of its own, as a line is cut from the batch split2 decoded: it keeps that string alive. */
export function cutFromMiB(text: string): string {
  return `${text}\n`.padEnd(1 << 20, 'x').slice(0, text.length);
}
