import { SECTION_SHIFT_ASSUMPTION } from '../layout/constants.js';
import type { MemstartDependentValue } from '../layout/convert.js';
import { MEMSTART_UNKNOWN_ASSUMPTION } from '../layout/infer-memstart.js';
import { warnOriginText } from '../layout/vmemmap-warn-history.js';
import type { Explanation, ValueKind } from '../layout/explain.js';
import { layoutReport } from './layout-report.js';
import { toHex } from './hex.js';
import { formatTable } from './text-table.js';
import { checkValueKind } from '../layout/explain.js';
import { checkBigint, checkLayout } from '../layout/check-layout.js';
import { checkArgument, isObject } from '../util/check-argument.js';

// What lies beyond the window depends on the era (the linear map above it before 5.4, PCI I/O and the fixmap above
// it from 6.9): the notes name the region.
const POSITION_TEXT: Record<Explanation['position'], string> = {
  inside: 'inside the vmemmap window',
  'below-window': 'below the vmemmap window',
  'above-window': 'above the vmemmap window',
  'wraps-to-user': 'wrapped past 2^64 into the user half',
  straddles: 'straddles the window edge',
};

const ARM_TEXT: Record<Explanation['warnArm'], string> = {
  'start-below': 'WARN fires: start < VMEMMAP_START',
  'end-above': 'WARN fires: end > VMEMMAP_END',
  none: 'no WARN: the page is inside the window',
};

const CHECK_TEXT: Record<Explanation['warnArm'], string> = {
  'start-below': 'start < VMEMMAP_START',
  'end-above': 'end > VMEMMAP_END',
  none: 'the page is inside the window',
};

function warnText(e: Explanation): string {
  if (e.warnArm === 'none' || e.warnInEra === 'yes') return ARM_TEXT[e.warnArm];
  if (e.warnInEra === 'free-only') {
    return `vmemmap_free warns from ${warnOriginText('free')} (${CHECK_TEXT[e.warnArm]}); vmemmap_populate only from ${warnOriginText('populate')}`;
  }
  return `no WARN in these kernels (${CHECK_TEXT[e.warnArm]}; the check came with memory hot-remove, ${warnOriginText('free')})`;
}

const DEPENDENT_NAMES: Record<MemstartDependentValue, string> = {
  page: 'struct page',
  pfn: 'pfn',
  phys: 'phys',
  linearVa: 'linear-map VA',
  vmemmapBase: 'vmemmap (pfn 0)',
  position: 'position, WARN',
};

/** The unknown-memstart assumption as it holds for this explanation: which of its values depend on memstart. */
function memstartAssumption(e: Explanation): string {
  const names = e.memstartDependent.map((v) => DEPENDENT_NAMES[v]).join(', ');
  return `memstart (PHYS_OFFSET) is unknown, taken as ${toHex(e.layout.memstart.value)}; what depends on it: ${names}; the rest is exact`;
}

/**
 * `vmemwarn explain` as text: the value under each layout, one block each (page, pfn, phys, linear-map VA, the vmemmap
 * window, where the page lies against it and which arm of the WARN fires), then its notes and assumptions.
 * `explanations` come from `explainValue`; the CLI gives it `plausibleLayouts`.
 */
export function renderExplainText(kind: ValueKind, value: bigint, explanations: readonly Explanation[]): string {
  checkExplainArguments('renderExplainText', kind, value, explanations);
  const out = [`${kind === 'addr' ? 'struct page' : kind} ${toHex(value)}`];
  if (explanations.length > 1) out.push(`No kernel version known: the answer under each era that has the WARN.`);
  for (const e of explanations) {
    const c = e.layout.constants;
    out.push('', `Under ${e.label}:`);
    // Found by review: relative pfns read as absolute ones when the caveat came only at the end. Found by a review:
    // only the values that depend on memstart are marked, by the direction of the conversion (a pfn or physical
    // address given is exact; up to 4.4 vmemmap is indexed by absolute pfn).
    const unknown = e.layout.memstart.source.kind === 'default';
    const mark = (value: MemstartDependentValue, text: string): string => {
      if (!unknown || !e.memstartDependent.includes(value)) return text;
      const taken = toHex(e.layout.memstart.value);
      return value === 'pfn' || value === 'phys' ? `${text} (relative: memstart unknown, taken as ${taken})` : `${text} (depends on memstart: unknown, taken as ${taken})`;
    };
    const rows: [string, string][] = [
      ['struct page', mark('page', toHex(e.page))],
      ['pfn', mark('pfn', toHex(e.pfn))],
      ['phys', mark('phys', toHex(e.phys))],
      ['linear-map VA', mark('linearVa', e.linearVa === undefined ? '(not in the linear map)' : toHex(e.linearVa))],
      ['vmemmap window', `${toHex(c.vmemmapStart)} - ${toHex(c.vmemmapEnd)}`],
      ['vmemmap (pfn 0)', mark('vmemmapBase', toHex(c.vmemmapBase))],
      ['position', mark('position', POSITION_TEXT[e.position])],
      ['WARN', mark('position', warnText(e))],
    ];
    out.push(...formatTable(['', ''], rows, { indent: '  ' }).slice(1));
    for (const label of e.labels) out.push(`  note: ${label}`);
    for (const p of [e.layout.vaBits, e.layout.pageShift]) if (p.source.kind === 'default' && p.source.text !== undefined) out.push(`  assumed: ${p.source.text}`);
    // SECTION_SIZE_BITS plays no part in one value's answer.
    for (const assumption of e.layout.assumptions) {
      if (assumption === SECTION_SHIFT_ASSUMPTION) continue;
      // That assumption says pfns and physical addresses are relative, which holds for a struct page given from 4.5 on.
      out.push(`  assumed: ${assumption === MEMSTART_UNKNOWN_ASSUMPTION ? memstartAssumption(e) : assumption}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The `schemaVersion` of `explain --format json` (schema/explain.schema.json): a minor bump adds keys, a major one
 * changes or removes them.
 */
export const EXPLAIN_SCHEMA_VERSION = '1.1.0';

/**
 * `vmemwarn explain --format json`: `{ schemaVersion: EXPLAIN_SCHEMA_VERSION, input, explanations }`, each value a 0x-prefixed hex
 * string, each layout as the report's. Validates against schema/explain.schema.json
 * (`vmemwarn/schema/explain.schema.json`).
 */
export function renderExplainJson(kind: ValueKind, value: bigint, explanations: readonly Explanation[]): string {
  checkExplainArguments('renderExplainJson', kind, value, explanations);
  const body = {
    schemaVersion: EXPLAIN_SCHEMA_VERSION,
    input: { kind, value: toHex(value) },
    explanations: explanations.map((e) => ({
      label: e.label,
      page: toHex(e.page),
      pfn: toHex(e.pfn),
      phys: toHex(e.phys),
      exact: e.exact,
      ...(e.linearVa !== undefined && { linearVa: toHex(e.linearVa) }),
      position: e.position,
      wrapped: e.wrapped,
      warnArm: e.warnArm,
      warnInEra: e.warnInEra,
      memstartDependent: e.memstartDependent,
      labels: e.labels,
      layout: layoutReport(e.layout),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** The arguments of both renderers: a ValueKind, a bigint and explainValue's array, else a UsageError naming the renderer. */
function checkExplainArguments(fn: string, kind: unknown, value: unknown, explanations: unknown): void {
  checkValueKind(fn, kind);
  checkBigint(fn, 'value', value);
  checkArgument(Array.isArray(explanations), fn, 'explanations', 'an array of explanations (from explainValue)', explanations);
  (explanations as unknown[]).forEach((e, i) => {
    checkArgument(isObject(e), fn, `explanations[${i}]`, 'an explanation (from explainValue)', e);
    checkLayout(fn, `explanations[${i}].layout`, (e as { layout: unknown }).layout);
  });
}
