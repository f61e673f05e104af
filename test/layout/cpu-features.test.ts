import { find52BitVaFeature } from '../../src/layout/cpu-features.js';
import type { BootFacts } from '../../src/parse/types.js';

function bootWith(features: string[]): BootFacts {
  const cpuFeatures = features.map((value, i) => ({ value, lineNo: i + 1, text: `CPU features: detected: ${value}` }));
  return { index: 0, firstLine: 1, zoneRanges: [], nodeRanges: [], virtualLayout: [], cpuFeatures };
}

test.each([
  [['52-bit Virtual Addressing (LVA)'], 1],
  [['Spectre-v4', '52-bit Virtual Addressing (LPA2)'], 2],
  [['52-bit Virtual Addressing for KVM (LPA2)'], undefined],
  [[], undefined],
])('%j → line %s', (features, lineNo) => {
  expect(find52BitVaFeature(bootWith(features))?.lineNo).toBe(lineNo);
});
