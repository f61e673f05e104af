import type { PrefixFields } from './prefix-rules.js';
import { stripAnsi } from './prefix-ansi.js';

interface LavaLogLine {
  dt?: unknown;
  lvl?: unknown;
  msg?: unknown;
}

/**
 * One LAVA `output.yaml` entry, `- {"dt": "...", "lvl": "target", "msg": "..."}`: the flow mapping is JSON.
 * Only `lvl: target` is the device's console; every other level is LAVA's own output. Returns the message, or
 * undefined when the mapping is not valid JSON (then the line is left alone).
 */
export function takeLavaLine(mapping: string, into: PrefixFields): string | undefined {
  let entry: LavaLogLine;
  try {
    entry = JSON.parse(mapping) as LavaLogLine;
  } catch {
    return undefined;
  }
  if (entry === null || typeof entry !== 'object' || !('msg' in entry)) return undefined;
  if (typeof entry.dt === 'string') into.wallTime ??= entry.dt;
  if (entry.lvl !== 'target') into.foreign = true;
  const msg = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry.msg);
  return stripAnsi(msg);
}
