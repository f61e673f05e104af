import type { BootFacts } from '../../src/parse/types.js';

/** A boot's facts with nothing read but `extra`. */
export function bootFacts(extra: Partial<BootFacts> = {}): BootFacts {
  return { index: 0, firstLine: 1, zoneRanges: [], nodeRanges: [], virtualLayout: [], cpuFeatures: [], ...extra };
}
