import type { ClusterReport } from './model-types.js';
import type { Palette } from './colour.js';
import { clipText } from './clip-text.js';
import { lineSpan } from './report-facts.js';
import { wrapText, wrapVerbatim, wrapWithTail } from './text-wrap.js';
import { isDeviceMessage } from './device-message.js';
import { plural } from './report-facts.js';
import { cutExample, type ExampleRow } from './example-cut.js';

export const EXAMPLE_MAX_LINES = 40;
const MAX_LINE_CHARS = 160;
/**
 * Code points of one field of the who line (comm, release, taint, hardware): a DMI hardware name is under 100. Found
 * by a review: a log's 5,000-character Hardware name: had been one line of 5,002 columns, as the title had in the
 * heading; the heading's title is clipped as the example's lines are.
 */
const MAX_FIELD_CHARS = 120;

/** `14 more lines`, `10 more lines (the Code:, end-of-trace and panic lines follow)`. */
function omittedPhrase(r: Extract<ExampleRow, { omitted: number }>): string {
  const more = plural(r.omitted, 'more line');
  if (!r.follows || r.follows.kinds.length === 0) return more;
  const kinds = r.follows.kinds;
  const named = kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)!}`;
  return `${more} (the ${named} ${r.follows.lines === 1 ? 'line follows' : 'lines follow'})`;
}

/**
 * The cluster's example splat: who/where in one line, then its first lines with line numbers; past the cut, its
 * `Code:`, end-of-trace and panic lines, each run of lines left out counted where it was.
 */
export function renderTextExample(c: ClusterReport, p: Palette, width = 100): string[] {
  const s = c.example;
  const field = (text: string) => clipText(text, MAX_FIELD_CHARS);
  const who = [
    s.cpu !== undefined && `CPU ${s.cpu}`,
    s.pid !== undefined && `PID ${s.pid}`,
    s.comm && `comm ${field(s.comm)}`,
    s.release && `release ${field(s.release)}`,
    s.taint && `taint ${field(s.taint.flags.length > 0 ? s.taint.flags.join(',') : s.taint.raw.trim())}`,
    s.hardware && `hardware ${field(s.hardware)}`,
  ].filter(Boolean);
  // A splat too long to show whole leaves out first the device messages of other CPUs printed between its lines: on
  // an interleaved console they had filled the 40 lines, and its own lines were cut.
  const lines = s.lines.length > EXAMPLE_MAX_LINES ? s.lines.filter((l, i) => i === 0 || !isDeviceMessage(l.text)) : s.lines;
  const interleaved = s.lines.length - lines.length;
  const rows = cutExample(lines, EXAMPLE_MAX_LINES, s.droppedLines);
  const shown = rows.flatMap((r) => ('line' in r ? [r.line] : []));
  const numberWidth = String(shown.at(-1)?.lineNo ?? 0).length;
  // A log line wider than the width goes on under its number, its spacing kept: `  1234 | …` then `       : …`.
  const gutter = 2 + numberWidth + 3;
  const row = (r: ExampleRow) => {
    if (!('line' in r)) return wrapText(`… ${omittedPhrase(r)}`, width, '  ', '    ').map(p.dim);
    const [first = '', ...rest] = wrapVerbatim(clipText(r.line.text, MAX_LINE_CHARS), width - gutter);
    return [`  ${String(r.line.lineNo).padStart(numberWidth)} | ${first}`, ...rest.map((piece) => `  ${' '.repeat(numberWidth)} : ${piece}`)];
  };
  const heading = wrapWithTail(`-- Example: ${clipText(s.title, MAX_LINE_CHARS)}`, `(lines ${lineSpan(s)}, boot ${s.bootIndex}) --`, width, '', '   ');
  return [
    '',
    ...heading.map(p.bold),
    ...(who.length > 0 ? wrapText(who.join(', '), width, '  ') : []),
    ...(s.corrupted ? wrapText(`corrupted: ${s.corrupted}`, width, '  ', '    ').map(p.yellow) : []),
    ...(interleaved > 0 ? wrapText(`(${plural(interleaved, 'device message')} of other drivers printed between its lines not shown)`, width, '  ', '   ').map(p.dim) : []),
    ...rows.flatMap(row),
  ];
}
