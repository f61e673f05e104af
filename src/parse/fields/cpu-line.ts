import type { Taint } from '../types.js';
import { decodeTaint } from './taint.js';

export interface CpuLine {
  cpu: number;
  pid?: number;
  comm?: string;
  taint: Taint;
  release?: string;
  build?: string;
}

// `CPU: 0 PID: 452 Comm: modprobe Tainted: G        W  O      6.1.0 #1`; 6.11+ add `UID: 0` before PID and may
// append `PREEMPT(full)` after the build. With a crash kernel loaded, dump_stack_print_info() prints
// `Kdump: loaded ` between the comm and the taint.
// The flags are one column each, adjacent when set side by side (`G    BU`); the last is followed by a blank or the
// line's end, so that a release starting with a capital (`Custom-6.6.0`) stays the release.
const TAINT = String.raw`(?:(?<clean>Not tainted)|Tainted: (?<taint>[A-Z ]*[A-Z])(?=\s|$))`;
// A line that ends at its taint flags (cut by whoever pasted it, or wrapped by a mail client) has no release: the last
// flag must not be taken for one, so TAINT takes every flag there is. Not every release starts with a digit: syzbot's
// 2025 kernels print `Not tainted syzkaller #0`.
const MODERN = new RegExp(
  String.raw`^CPU: (?<cpu>\d+)(?: UID: \d+)? PID: (?<pid>\d+) Comm: (?<comm>.*?)(?: Kdump: loaded)? ${TAINT}` +
    String.raw`(?:\s+(?<release>\S+)(?: #(?<build>\S+))?)?`,
);
// 2.6/3.x: `CPU: 0    Not tainted  (2.6.32-17-ridgerun #22)`.
const OLD = new RegExp(String.raw`^CPU: (?<cpu>\d+)\s+${TAINT}\s+\((?<release>\S+)(?: #(?<build>\S+))?\)`);

/** A storm repeats one CPU line in report after report: the last line read and what it said (600 ns by regex). */
let last: { text: string; line: CpuLine | undefined } | undefined;

/** Parses the `CPU: ... Comm: ... <taint> <release> #<build>` line that every report prints. */
export function parseCpuLine(text: string): CpuLine | undefined {
  if (!text.startsWith('CPU: ')) return undefined;
  if (last?.text !== text) last = { text, line: readCpuLine(text) };
  // A copy each time: a caller keeps the taint and may add the flags a later line names.
  return last.line && { ...last.line, taint: { raw: last.line.taint.raw, flags: [...last.line.taint.flags] } };
}

function readCpuLine(text: string): CpuLine | undefined {
  const m = MODERN.exec(text) ?? OLD.exec(text);
  const g = m?.groups;
  if (!g) return undefined;
  const line: CpuLine = { cpu: Number(g.cpu), taint: decodeTaint(g.clean ?? g.taint ?? '') };
  if (g.pid !== undefined) line.pid = Number(g.pid);
  if (g.comm !== undefined) line.comm = g.comm;
  if (g.release !== undefined) line.release = g.release;
  if (g.build !== undefined) line.build = g.build;
  return line;
}
