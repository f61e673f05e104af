import type { ClusterReport, HexRange, VmemmapReport } from './model-types.js';
import { humanBytes } from './human-bytes.js';
import { startStepParts } from './start-step.js';
import { notTakenNote } from './constant-register-layout.js';
import { constantRows, layoutRows } from './layout-rows.js';
import { codeSpan, escapeHtmlText, escapeMarkdownText as esc } from './markdown-escape.js';
import { alsoInPhrase } from './identical-findings.js';
import { shapeLabel, shapeOf } from '../layout/hypotheses.js';
import { markdownTable } from './markdown-table.js';
import { opFunction, positionPhrase, vmemmapVerdict, warnArmPhrase } from './vmemmap-phrases.js';
import type { Repeats } from './repeated-sections.js';
import { capEvidence, capTitle } from './markdown-cap.js';

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function rangesTable(v: VmemmapReport): string[] {
  const rows: string[][] = [];
  const add = (label: string, r: HexRange | undefined, note = '') =>
    r && rows.push([label, codeSpan(r.start), codeSpan(r.end), note]);
  add('struct pages', v.pageHull, v.pageRanges.length > 1 ? `hull of ${v.pageRanges.length} ranges` : '');
  add('PFNs', v.pfnHull);
  // physSizeBytes counts the pages the splats cover, not the hull's span: with several ranges they differ.
  const pieces = v.pageRanges.length > 1 ? ` in ${v.pageRanges.length} ranges` : '';
  add('physical', v.physHull, v.physSizeBytes ? `${codeSpan(v.physSizeBytes)} (${humanBytes(v.physSizeBytes)}${pieces})` : '');
  return rows.length === 0 ? [] : ['', ...markdownTable(['Range', 'Start', 'End (exclusive)', 'Note'], rows)];
}

function factList(v: VmemmapReport): string[] {
  const items: string[] = [];
  const add = (label: string, value: string | undefined) => value !== undefined && items.push(`- **${label}:** ${value}`);
  add('Position', v.position && `${codeSpan(v.position)}: ${esc(positionPhrase(v.position))}`);
  add('WARN arm', v.warnArm && codeSpan(warnArmPhrase(v.warnArm)));
  add('Wrapped', v.pageHull && yesNo(v.wrapped));
  add('Above the linear map', v.aboveLinearMap === undefined ? undefined : yesNo(v.aboveLinearMap));
  add('Sections touched', v.sectionsTouched?.toString());
  const step = v.startStep === undefined ? undefined : startStepParts(v.startStep);
  add('Start step', step && `${codeSpan(step.value)} (${step.note})`);
  add('Splats with usable registers', `${v.readCount} of ${v.splatCount}`);
  const ex = v.example;
  if (ex) {
    const regs = `start ${codeSpan(`${ex.startReg} = ${ex.start}`)}, end ${codeSpan(`${ex.endReg} = ${ex.end}`)}`;
    add('Registers', `${regs} (${ex.confidence}): ${esc(ex.reason)}`);
    for (const c of ex.constantRegs) {
      const other = notTakenNote(c, v.layout);
      add('Constant register', `${codeSpan(`${c.reg} = ${c.value}`)} is ${c.constant} (${c.form}) of ${esc(c.layouts.join(', '))}${other ? `: ${esc(other)}` : ''}`);
    }
  }
  add('Path', v.path && esc(v.path));
  add('Driver', v.driver && esc(v.driver));
  add('Family', v.family && esc(v.family));
  add('Consequence', v.consequence && esc(v.consequence));
  add('Confidence', v.confidence);
  return ['', ...items];
}

/** The layout with each number's source, folded: the verdict and next steps are what a ticket's reader needs first. */
function layoutSection(v: VmemmapReport): string[] {
  if (!v.layout) return ['', '_Layout not inferred; give it with `--kernel`, `--va-bits`, `--page-size` and `--memstart`._'];
  const rows = layoutRows(v.layout).map((r) => [
    esc(r.parameter),
    codeSpan(capEvidence(r.value), { inTable: true }),
    r.confidence,
    `${esc(r.source)}${r.evidence ? `: ${codeSpan(capEvidence(r.evidence), { inTable: true })}` : ''}`,
  ]);
  const cell = (text: string) => codeSpan(text, { inTable: true });
  const constants = constantRows(v.layout.constants).map(([name, value]) => [cell(name), cell(value)]);
  return [
    '',
    `<details><summary>Layout: ${escapeHtmlText(shapeLabel(shapeOf(v.layout)))}, where each number came from</summary>`,
    '',
    ...markdownTable(['Parameter', 'Value', 'Confidence', 'Source'], rows),
    '',
    ...markdownTable(['Constant', 'Value'], constants),
    ...bulletList('Assumptions', v.layout.assumptions, false),
    '',
    '</details>',
  ];
}

function bulletList(title: string, items: readonly string[], numbered: boolean): string[] {
  if (items.length === 0) return [];
  return ['', `**${title}**`, '', ...items.map((item, i) => `${numbered ? `${i + 1}.` : '-'} ${esc(item)}`)];
}

/**
 * One vmemmap finding: verdict, the later boots that saw the same (`alsoIn`), next steps, diagnosis, ranges, WARN arm,
 * and the layout with provenance.
 */
export function renderMarkdownVmemmap(c: ClusterReport, v: VmemmapReport, repeats: Repeats = {}, alsoIn: readonly number[] = []): string[] {
  const again = alsoInPhrase(alsoIn);
  return [
    '',
    `### ${esc(opFunction(v.op))}: ${codeSpan(capTitle(c.title))} (${codeSpan(c.id)})`,
    '',
    `**Verdict.** ${esc(vmemmapVerdict(v))}`,
    ...(again === undefined ? [] : ['', `**Seen again.** ${esc(again)}`]),
    ...(repeats.nextSteps === undefined ? bulletList('Next steps', v.nextSteps, true) : ['', `**Next steps:** as for ${esc(repeats.nextSteps)} above.`]),
    '',
    `**Diagnosis.** ${esc(v.diagnosis)}`,
    ...rangesTable(v),
    ...factList(v),
    ...(repeats.layout === undefined ? layoutSection(v) : ['', `**Layout:** as for ${esc(repeats.layout)} above.`]),
    ...bulletList('Notes', v.notes, false),
  ];
}
