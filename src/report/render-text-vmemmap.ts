import type { ClusterReport, VmemmapReport } from './model-types.js';
import type { Palette } from './colour.js';
import { clipText } from './clip-text.js';
import { humanBytes } from './human-bytes.js';
import { startStepParts } from './start-step.js';
import { notTakenNote } from './constant-register-layout.js';
import { constantRows, layoutRows } from './layout-rows.js';
import { formatTable, formatTableRows } from './text-table.js';
import type { Repeats } from './repeated-sections.js';
import { alsoInPhrase } from './identical-findings.js';
import { wrapText, wrapWithTail } from './text-wrap.js';
import { formatRange, opFunction, positionPhrase, vmemmapVerdict, warnArmPhrase } from './vmemmap-phrases.js';

/** Code points of one layout row's evidence: a log line, a register reading, or the reasoning that decided it. */
const MAX_EVIDENCE = 400;
const EVIDENCE_INDENT = '      ';
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function facts(v: VmemmapReport): [string, string][] {
  const rows: [string, string][] = [];
  const add = (label: string, value: string | undefined) => value !== undefined && rows.push([label, value]);
  const hullOf = v.pageRanges.length > 1 ? ` (hull of ${v.pageRanges.length} ranges)` : '';
  add('struct pages', v.pageHull && `${formatRange(v.pageHull)}${hullOf}`);
  add('PFNs', v.pfnHull && formatRange(v.pfnHull));
  // physSizeBytes counts the pages the splats cover, not the hull's span: with several ranges they differ.
  const pieces = v.pageRanges.length > 1 ? ` in ${v.pageRanges.length} ranges` : '';
  add('physical', v.physHull && `${formatRange(v.physHull)}${v.physSizeBytes ? ` (${humanBytes(v.physSizeBytes)}${pieces})` : ''}`);
  add('sections touched', v.sectionsTouched?.toString());
  const step = v.startStep === undefined ? undefined : startStepParts(v.startStep);
  add('start step', step && `${step.value} (${step.note})`);
  add('position', v.position && `${v.position}: ${positionPhrase(v.position)}`);
  add('WARN arm', v.warnArm && warnArmPhrase(v.warnArm));
  // With no range read, there is nothing that could have wrapped: the row would read as a finding.
  add('wrapped', v.pageHull && yesNo(v.wrapped));
  add('above linear map', v.aboveLinearMap === undefined ? undefined : yesNo(v.aboveLinearMap));
  add('splats read', `${v.readCount} of ${v.splatCount}`);
  const ex = v.example;
  if (ex) {
    add('registers', `start ${ex.startReg} = ${ex.start}, end ${ex.endReg} = ${ex.end} (${ex.confidence}): ${ex.reason}`);
    for (const c of ex.constantRegs) {
      const other = notTakenNote(c, v.layout);
      add('', `${c.reg} = ${c.value} is ${c.constant} (${c.form}) of ${c.layouts.join(', ')}${other ? `: ${other}` : ''}`);
    }
  }
  add('path', v.path);
  add('driver', v.driver);
  add('family', v.family);
  add('consequence', v.consequence);
  add('confidence', v.confidence);
  return rows;
}

function list(title: string, items: readonly string[], numbered: boolean, p: Palette, width: number): string[] {
  if (items.length === 0) return [];
  const out = ['', `  ${p.bold(title)}`];
  items.forEach((item, i) => {
    const bullet = numbered ? `${i + 1}. ` : '- ';
    const [first = '', ...rest] = wrapText(item, width - 4 - bullet.length);
    out.push(`    ${bullet}${first}`, ...rest.map((l) => `    ${' '.repeat(bullet.length)}${l}`));
  });
  return out;
}

/**
 * The layout table, each row's evidence quoted and wrapped on the lines under it: as a column it ran the table to
 * 156 columns, and cut to fit, it lost the clause that justified the value.
 */
function layoutSection(v: VmemmapReport, p: Palette, width: number): string[] {
  if (!v.layout) return boldLead('Layout', ': not inferred; give it with --kernel, --va-bits, --page-size and --memstart.', p, width);
  const rows = layoutRows(v.layout);
  const table = formatTableRows(
    ['PARAMETER', 'VALUE', 'CONFIDENCE', 'SOURCE'],
    rows.map((r) => [r.parameter, r.value, r.confidence, r.source]),
    { indent: '    ', styleHeader: p.dim, width },
  );
  // Rows that one reading decided (era, page size and VA_BITS from one register) share one quote, after the last.
  const evidence = (i: number) => {
    const text = rows[i]?.evidence;
    if (!text || rows[i + 1]?.evidence === text) return [];
    return wrapText(`"${clipText(text, MAX_EVIDENCE)}"`, width, EVIDENCE_INDENT).map(p.dim);
  };
  return [
    '',
    `  ${p.bold('Layout')} (where each number came from)`,
    ...table.header,
    ...table.rows.flatMap((row, i) => [...row, ...evidence(i)]),
    '',
    `  ${p.bold('Derived constants')}`,
    ...formatTable(['CONSTANT', 'VALUE'], constantRows(v.layout.constants), { indent: '    ', styleHeader: p.dim, width }),
    ...list('Assumptions', v.layout.assumptions, false, p, width),
  ];
}

/** A blank line, then `  Label: rest` wrapped at the width, the label bold. */
function boldLead(label: string, rest: string, p: Palette, width: number): string[] {
  const [first = '', ...more] = wrapText(`${label}${rest}`, width, '  ', '    ');
  return ['', `  ${p.bold(label)}${first.slice(2 + label.length)}`, ...more];
}

/** The explanation of one vmemmap finding of a cluster: verdict, ranges, WARN arm, layout with provenance, next steps. */
export function renderTextVmemmap(
  c: ClusterReport,
  v: VmemmapReport,
  p: Palette,
  width = 100,
  repeats: Repeats = {},
  alsoIn: readonly number[] = [],
): string[] {
  const again = alsoInPhrase(alsoIn);
  const factRows = facts(v);
  const labelWidth = Math.max(...factRows.map(([l]) => l.length));
  const hanging = ' '.repeat(2 + labelWidth + 2);
  const factLines = factRows.flatMap(([label, value]) => {
    const [first = '', ...rest] = wrapText(value, width - hanging.length);
    return [`  ${label.padEnd(labelWidth)}  ${first}`, ...rest.map((l) => hanging + l)];
  });
  return [
    '',
    ...wrapWithTail(`-- ${opFunction(v.op)}: ${c.title}`, `[${c.id}] --`, width, '', '   ').map((l) => p.red(p.bold(l))),
    ...wrapText(vmemmapVerdict(v), width, '  '),
    ...(again === undefined ? [] : wrapText(again, width, '  ')),
    '',
    ...wrapText(`Diagnosis: ${v.diagnosis}`, width, '  '),
    '',
    ...factLines,
    ...(repeats.layout === undefined ? layoutSection(v, p, width) : boldLead('Layout', `: as for ${repeats.layout} above.`, p, width)),
    ...(repeats.nextSteps === undefined ? list('Next steps', v.nextSteps, true, p, width) : boldLead('Next steps', `: as for ${repeats.nextSteps} above.`, p, width)),
    ...list('Notes', v.notes, false, p, width),
  ];
}
