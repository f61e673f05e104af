import type { AnalysisResult } from '../analyze/types.js';
import type { LayoutEvidence } from '../layout/infer.js';

/**
 * Layout evidence from an analyzed log: the boot of the first vmemmap cluster (else the last boot that printed a
 * release), a release from any splat, and the registers of vmemmap splats (constants may sit in them).
 */
export function evidenceFromResult(result: AnalysisResult): LayoutEvidence {
  const vmemmap = result.clusters.find((c) => c.vmemmap.length > 0);
  const bootIndex = vmemmap?.example.bootIndex;
  const boot =
    (bootIndex !== undefined ? result.boots[bootIndex] : undefined) ??
    [...result.boots].reverse().find((b) => b.release !== undefined) ??
    result.boots[0];
  const splatRelease = result.clusters.find((c) => c.example.release !== undefined)?.example.release;
  const registerValues = vmemmap
    ? [...vmemmap.example.regs].map(([reg, value]) => ({ reg, value, lineNo: vmemmap.example.firstLine }))
    : [];
  return {
    ...(boot && { boot }),
    ...(splatRelease !== undefined && { splatRelease }),
    ...(registerValues.length > 0 && { registerValues }),
  };
}
