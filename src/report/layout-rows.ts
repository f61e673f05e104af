import type { InferredReport, LayoutConstantsReport, LayoutReport } from './model-types.js';
import { humanBytes } from './human-bytes.js';

export interface LayoutRow {
  parameter: string;
  value: string;
  /** Where the value came from, without the evidence text: `log, line 12`, `register x1`, `version-default`. */
  source: string;
  /** The evidence (a log line, a flag) or explanation; untrusted when it quotes the log. */
  evidence?: string;
  confidence: string;
}

function row(parameter: string, i: InferredReport<string | number>, show = (v: string | number) => String(v)): LayoutRow {
  const { kind, lineNo, reg, text } = i.source;
  const source = `${kind}${reg ? ` ${reg}` : ''}${lineNo !== undefined ? `, line ${lineNo}` : ''}`;
  const evidence = text !== undefined ? { evidence: text } : {};
  return { parameter, value: show(i.value), source, ...evidence, confidence: i.confidence };
}

/** One row per layout parameter, with its provenance; in the order a reader checks them. */
export function layoutRows(l: LayoutReport): LayoutRow[] {
  return [
    ...(l.release ? [row('kernel release', l.release)] : []),
    row('layout era', l.era),
    row('page size', l.pageShift, (v) => `${humanBytes(1n << BigInt(v))} (PAGE_SHIFT ${v})`),
    row('VA_BITS', l.vaBits),
    row('sizeof(struct page)', l.structPageSize, (v) => `${v} bytes`),
    row('memstart_addr', l.memstart),
    row('SECTION_SIZE_BITS', l.sectionShift),
    ...(l.vaBitsActual ? [row('vabits_actual', l.vaBitsActual)] : []),
    ...(l.kasan ? [row('KASAN', l.kasan)] : []),
  ];
}

/** The derived constants as name/value pairs, kernel macro names where there is one. */
export function constantRows(c: LayoutConstantsReport): [string, string][] {
  return [
    ['PAGE_OFFSET', c.pageOffset],
    ['PAGE_END', c.pageEnd],
    ['VA_BITS_MIN', String(c.vaBitsMin)],
    ['VMEMMAP_START', c.vmemmapStart],
    ['VMEMMAP_END', c.vmemmapEnd],
    ['VMEMMAP_SIZE', `${c.vmemmapSize} (${humanBytes(c.vmemmapSize)})`],
    ['vmemmap (struct page of pfn 0)', c.vmemmapBase],
    ['PAGES_PER_SECTION', String(c.pagesPerSection)],
    ['PAGES_PER_SUBSECTION', String(c.pagesPerSubsection)],
    ['memmap bytes per section', `${c.memmapBytesPerSection} (${humanBytes(c.memmapBytesPerSection)})`],
    ['memmap bytes per subsection', `${c.memmapBytesPerSubsection} (${humanBytes(c.memmapBytesPerSubsection)})`],
  ];
}
