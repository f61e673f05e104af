import type { Inferred, Layout, LayoutConstants } from '../layout/types.js';
import type { InferredReport, LayoutConstantsReport, LayoutReport } from './model-types.js';
import { compact } from './compact.js';
import { toHex } from './hex.js';

function inferred<T, U = T>(i: Inferred<T>, map: (v: T) => U = (v) => v as unknown as U): InferredReport<U> {
  const { kind, lineNo, reg, text } = i.source;
  return { value: map(i.value), source: compact({ kind, lineNo, reg, text }), confidence: i.confidence };
}

function constantsReport(c: LayoutConstants): LayoutConstantsReport {
  return {
    pageOffset: toHex(c.pageOffset),
    pageEnd: toHex(c.pageEnd),
    vaBitsMin: c.vaBitsMin,
    vmemmapStart: toHex(c.vmemmapStart),
    vmemmapEnd: toHex(c.vmemmapEnd),
    vmemmapSize: toHex(c.vmemmapSize),
    vmemmapBase: toHex(c.vmemmapBase),
    // Page counts per (sub)section are at most 2^(SECTION_SIZE_BITS - PAGE_SHIFT): safe as numbers.
    pagesPerSection: Number(c.pagesPerSection),
    pagesPerSubsection: Number(c.pagesPerSubsection),
    memmapBytesPerSection: toHex(c.memmapBytesPerSection),
    memmapBytesPerSubsection: toHex(c.memmapBytesPerSubsection),
  };
}

export function layoutReport(l: Layout): LayoutReport {
  return compact({
    release: l.release && inferred(l.release),
    era: inferred(l.era),
    pageShift: inferred(l.pageShift),
    vaBits: inferred(l.vaBits),
    structPageSize: inferred(l.structPageSize),
    memstart: inferred(l.memstart, toHex),
    sectionShift: inferred(l.sectionShift),
    kasan: l.kasan && inferred(l.kasan),
    vaBitsActual: l.vaBitsActual && inferred(l.vaBitsActual),
    constants: constantsReport(l.constants),
    assumptions: [...l.assumptions],
  });
}
