import { stat } from 'node:fs/promises';
import { inodeKey } from '../util/inode-key.js';

/**
 * The inputs with each file once: `analyze s.log s.log` (or `s.log ./s.log`, or a hard link) had counted every splat
 * twice, with the same cluster listed under both. `onRepeat` hears of each one left out and the first that named it.
 * What cannot be looked up (missing, `-`, a FIFO) is kept as named: its read reports it.
 */
export async function distinctInputs(specs: readonly string[], onRepeat: (spec: string, first: string) => void): Promise<string[]> {
  const firstOf = new Map<string, string>();
  const out: string[] = [];
  for (const spec of specs) {
    const info = spec === '-' ? undefined : await stat(spec).catch(() => undefined);
    if (info === undefined || !info.isFile() || info.ino === 0) {
      out.push(spec);
      continue;
    }
    const key = inodeKey(info);
    const first = firstOf.get(key);
    if (first !== undefined) {
      onRepeat(spec, first);
      continue;
    }
    firstOf.set(key, spec);
    out.push(spec);
  }
  return out;
}
