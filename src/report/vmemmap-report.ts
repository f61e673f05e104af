import type { AddressRange, RegisterReading, VmemmapFinding } from '../analyze/types.js';
import type { HexRange, RegisterReadingReport, VmemmapReport } from './model-types.js';
import { compact } from './compact.js';
import { toHex, toHexOpt, toSignedHex } from './hex.js';
import { layoutReport } from './layout-report.js';

function range(r: AddressRange): HexRange {
  return { start: toHex(r.start), end: toHex(r.end) };
}

function readingReport(r: RegisterReading): RegisterReadingReport {
  return {
    start: toHex(r.start),
    end: toHex(r.end),
    startReg: r.startReg,
    endReg: r.endReg,
    constantRegs: r.constantRegs.map((c) => ({ reg: c.reg, constant: c.constant, form: c.form, value: toHex(c.value), layouts: [...c.layouts] })),
    confidence: r.confidence,
    reason: r.reason,
  };
}

export function vmemmapReport(f: VmemmapFinding): VmemmapReport {
  return compact({
    op: f.op,
    bootIndex: f.bootIndex,
    splatCount: f.splatCount,
    readCount: f.readCount,
    pageRanges: f.pageRanges.map(range),
    pageHull: f.pageHull && range(f.pageHull),
    pfnHull: f.pfnHull && range(f.pfnHull),
    physHull: f.physHull && range(f.physHull),
    physSizeBytes: toHexOpt(f.physSizeBytes),
    sectionsTouched: f.sectionsTouched,
    ...(f.startStep !== undefined && { startStep: toSignedHex(f.startStep) }),
    position: f.position,
    warnArm: f.warnArm,
    wrapped: f.wrapped,
    aboveLinearMap: f.aboveLinearMap,
    layout: f.layout && layoutReport(f.layout),
    example: f.example && readingReport(f.example),
    confidence: f.confidence,
    diagnosis: f.diagnosis,
    path: f.path,
    driver: f.driver,
    family: f.family,
    consequence: f.consequence,
    nextSteps: [...f.nextSteps],
    notes: [...f.notes],
  });
}
