import type { BootFacts } from '../parse/types.js';
import { find52BitVaFeature } from './cpu-features.js';
import { pgtableGeometry } from './pgtable-geometry.js';
import type { Era } from './types.js';

/**
 * vabits_actual, the VA bits a 52-bit kernel runs with, when the log tells it: the `pgtable:` line prints it, and
 * from 6.9 (E4) the `52-bit Virtual Addressing` capability line is there exactly when the CPU has them (before, its
 * absence says nothing). A kernel of VA_BITS_MIN or fewer bits runs with VA_BITS. Undefined when nothing tells.
 */
export function vaBitsActualFromLog(boot: BootFacts | undefined, era: Era, vaBits: number, vaBitsMin: number): number | undefined {
  if (vaBits === vaBitsMin) return vaBits;
  const pgtable = pgtableGeometry(boot);
  if (pgtable) return pgtable.vaBits < vaBits ? vaBitsMin : vaBits;
  if (era === 'E4' && boot !== undefined && boot.cpuFeatures.length > 0) return find52BitVaFeature(boot) ? vaBits : vaBitsMin;
  return undefined;
}
