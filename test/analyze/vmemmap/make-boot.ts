import type { BootFacts } from '../../../src/parse/types.js';

/** Boot facts as the collector records them for `Linux version <release>` and one `Early memory node ranges` entry. */
export function makeBoot(release: string, dram?: { start: bigint; end: bigint }): BootFacts {
  const fact = <T>(value: T, lineNo: number, text: string) => ({ value, lineNo, text });
  return {
    index: 0,
    firstLine: 1,
    release: fact(release, 2, `Linux version ${release} (builder@host)`),
    zoneRanges: [],
    nodeRanges: dram ? [fact({ node: 0, range: dram }, 14, 'node   0: [mem ...]')] : [],
    virtualLayout: [],
    cpuFeatures: [],
    kaslr: fact(false, 18, 'KASLR disabled on command line'),
  };
}
