import type { AnalysisResult } from '../analyze/types.js';
import type { LayoutEvidence } from '../layout/infer.js';
import { xRegisterValues } from '../analyze/vmemmap/register-values.js';
import { readRegisterPair } from '../analyze/vmemmap/read-registers.js';
import { bootByIndex } from '../parse/boot-facts.js';
import { spanOf } from '../layout/physical-fit.js';

/**
 * Layout evidence from an analyzed log: the boot of the first vmemmap cluster (else the last boot that printed a
 * release), a release from any splat, and the registers of vmemmap splats (constants may sit in them) with the range
 * the example's call covered.
 */
export function evidenceFromResult(result: AnalysisResult): LayoutEvidence {
  const vmemmap = result.clusters.find((c) => c.vmemmap.length > 0);
  const bootIndex = vmemmap?.example.bootIndex;
  const boot =
    (bootIndex !== undefined ? bootByIndex(result.boots, bootIndex) : undefined) ??
    [...result.boots].reverse().find((b) => b.release !== undefined) ??
    result.boots[0];
  const splatRelease = result.clusters.find((c) => c.example.release !== undefined)?.example.release;
  const registerValues = vmemmap ? xRegisterValues(vmemmap.example) : [];
  // The example's own range: the Oops of 6.9+ names one struct page, not the range of a call.
  const pair = vmemmap && vmemmap.vmemmap[0]?.op !== 'init-zone-device' ? readRegisterPair(vmemmap.example) : undefined;
  const largestCall = pair && pair.end > pair.start ? pair.end - pair.start : undefined;
  const startStep = pair ? vmemmap?.vmemmap[0]?.startStep : undefined;
  // The struct pages of the boot's findings, against which a page size no evidence states is tested, as analyze
  // tests them (one boot runs one layout).
  const pageSpan = spanOf(result.clusters.flatMap((c) => c.vmemmap.filter((f) => f.bootIndex === bootIndex).map((f) => f.pageHull)));
  // What the analysis read from an Oops' page and pfn registers: explain and layout reach the same memstart.
  const fromRegisters = result.clusters.flatMap((c) => c.vmemmap).find((f) => f.bootIndex === bootIndex && f.layout?.memstart.source.kind === 'register')?.layout;
  const registerMemstart = fromRegisters && {
    memstart: fromRegisters.memstart,
    era: fromRegisters.era.value,
    pageShift: fromRegisters.pageShift.value,
    vaBits: fromRegisters.vaBits.value,
    structPageSize: fromRegisters.structPageSize.value,
  };
  return {
    ...(boot && { boot }),
    ...(splatRelease !== undefined && { splatRelease }),
    ...(registerValues.length > 0 && { registerValues }),
    ...(largestCall !== undefined && pair && { largestCall, largestCallStart: pair.start }),
    ...(pageSpan && { pageSpan }),
    ...(startStep !== undefined && { startStep }),
    ...(registerMemstart && { registerMemstart }),
  };
}
