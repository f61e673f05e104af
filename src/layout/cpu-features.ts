import type { BootFacts, Fact } from '../parse/types.js';

/** `52-bit Virtual Addressing (LVA)` / `(LPA2)` (cpufeature.c); the `for KVM` variant says nothing about the host. */
const VA52_FEATURE = /^52-bit Virtual Addressing(?! for KVM)/;

export function find52BitVaFeature(boot: BootFacts | undefined): Fact<string> | undefined {
  return boot?.cpuFeatures.find((f) => VA52_FEATURE.test(f.value));
}
