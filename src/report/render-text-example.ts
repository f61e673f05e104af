import type { ClusterReport } from './model-types.js';
import type { Palette } from './colour.js';
import { clipText } from './clip-text.js';
import { lineSpan } from './report-facts.js';
import { wrapText } from './text-wrap.js';

export const EXAMPLE_MAX_LINES = 40;
const MAX_LINE_CHARS = 160;
/** Lines kept when a long splat is cut: the faulting instructions and the end of the trace. */
const KEPT_PAST_CUT = /(?:^|[\s\]])(?:Code: |---\[ end )/;

/** The cluster's example splat: who/where in one line, then its first lines with line numbers. */
export function renderTextExample(c: ClusterReport, p: Palette, width = 100): string[] {
  const s = c.example;
  const who = [
    s.cpu !== undefined && `CPU ${s.cpu}`,
    s.pid !== undefined && `PID ${s.pid}`,
    s.comm && `comm ${s.comm}`,
    s.release && `release ${s.release}`,
    s.taint && `taint ${s.taint.flags.length > 0 ? s.taint.flags.join(',') : s.taint.raw.trim()}`,
    s.hardware && `hardware ${s.hardware}`,
  ].filter(Boolean);
  const head = s.lines.slice(0, EXAMPLE_MAX_LINES);
  const tail = s.lines.slice(EXAMPLE_MAX_LINES).filter((l) => KEPT_PAST_CUT.test(l.text));
  const numberWidth = String((tail.at(-1) ?? head.at(-1))?.lineNo ?? 0).length;
  const hidden = s.lines.length - head.length - tail.length + (s.droppedLines ?? 0);
  const row = (l: (typeof s.lines)[number]) => `  ${String(l.lineNo).padStart(numberWidth)} | ${clipText(l.text, MAX_LINE_CHARS)}`;
  const more = hidden > 0 ? [p.dim(`  … ${hidden} more line${hidden === 1 ? '' : 's'}${tail.length > 0 ? ' (the Code: and end-of-trace lines follow)' : ''}`)] : [];
  return [
    '',
    p.bold(`-- Example: ${s.title} (lines ${lineSpan(s)}, boot ${s.bootIndex}) --`),
    ...(who.length > 0 ? wrapText(who.join(', '), width, '  ') : []),
    ...(s.corrupted ? [p.yellow(`  corrupted: ${s.corrupted}`)] : []),
    ...head.map(row),
    ...(tail.length > 0 ? [...more, ...tail.map(row)] : more),
  ];
}
