import type { BootFacts } from '../parse/types.js';
import { find52BitVaFeature } from './cpu-features.js';
import { inferred } from './inferred.js';
import { pgtableGeometry } from './pgtable-geometry.js';
import type { Era, Inferred } from './types.js';

/**
 * vabits_actual, the VA bits a 52-bit kernel runs with, when the log tells it: the `pgtable:` line prints it, and
 * from 6.9 (E4) the `52-bit Virtual Addressing` capability line is there exactly when the CPU has them (before, its
 * absence says nothing). Undefined for a kernel of VA_BITS_MIN bits, and when nothing tells.
 */
export function vaBitsActualFromLog(boot: BootFacts | undefined, era: Era, vaBits: number, vaBitsMin: number): Inferred<number> | undefined {
  if (vaBits === vaBitsMin) return undefined;
  const pgtable = pgtableGeometry(boot);
  if (pgtable && boot?.pgtable) {
    const { lineNo, text } = boot.pgtable;
    return inferred(pgtable.vaBits < vaBits ? vaBitsMin : vaBits, 'log', 'high', { lineNo, text });
  }
  if (era !== 'E4' || boot === undefined || boot.cpuFeatures.length === 0) return undefined;
  const feature = find52BitVaFeature(boot);
  if (feature) return inferred(vaBits, 'log', 'high', { lineNo: feature.lineNo, text: feature.text });
  return inferred(vaBitsMin, 'log', 'medium', { text: `no \`52-bit Virtual Addressing\` among the ${boot.cpuFeatures.length} CPU feature lines` });
}
