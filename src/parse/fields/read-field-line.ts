import type { CodeLocation, Splat } from '../types.js';
import { parseCpuLine } from './cpu-line.js';
import { parseTaintNamesLine } from './taint.js';
import { parseHardwareLine } from './hardware.js';
import { parseModulesLine } from './modules.js';
import { parseCodeLine } from './code-bytes.js';
import { parsePcLine } from './pc-lines.js';
import { readRegisterPairs } from './registers.js';
import { storeArm64RegisterRow } from './arm64-register-row.js';

/** `x`: what arm64 register rows start with, and no other field line (CPU, taint, hardware, modules, code, PC). */
const X = 0x78;

/**
 * Adds to `next` what `known` lacks without mixing two functions: `PC is at func` and `pc : [<addr>]` describe the
 * same PC; a second named PC (an escalation's own dump) only contributes an address.
 */
function mergeLocation(known: CodeLocation | undefined, next: CodeLocation): CodeLocation {
  if (known?.func === undefined) return { ...next, ...known };
  return known.addr === undefined && next.addr !== undefined ? { ...known, addr: next.addr } : known;
}

/**
 * Reads one non-frame line of a report into the splat: the CPU/taint line, `Hardware name:`, `Modules linked in:`,
 * `Code:`, PC/LR/SP/pstate lines and register dumps. The first value of each field wins (later ones come from
 * escalations and other CPUs' dumps); registers are read only while `registers` is true.
 */
export function readFieldLine(s: Splat, text: string, opts: { registers: boolean; garbled: Set<string> }): void {
  // Register rows are a fifth of a storm's lines: they skip the other readers and are stored as they are read.
  if (text.charCodeAt(0) === X && (!opts.registers || storeArm64RegisterRow(text, s.regs))) return;
  const cpuLine = parseCpuLine(text);
  if (cpuLine) {
    // hung_task.c prints no CPU for the blocked task: a CPU line in its report is khungtaskd's panic or another's.
    if (s.kind !== 'hung-task') s.cpu ??= cpuLine.cpu;
    if (cpuLine.pid !== undefined) s.pid ??= cpuLine.pid;
    if (cpuLine.comm !== undefined) s.comm ??= cpuLine.comm;
    s.taint ??= cpuLine.taint;
    if (cpuLine.release !== undefined) s.release ??= cpuLine.release;
    if (cpuLine.build !== undefined) s.build ??= cpuLine.build;
    return;
  }
  const named = parseTaintNamesLine(text);
  if (named && s.taint) s.taint.flags = [...new Set([...s.taint.flags, ...named])];
  s.hardware ??= parseHardwareLine(text);
  s.modules ??= parseModulesLine(text);
  s.code ??= parseCodeLine(text);
  const pc = parsePcLine(text);
  if (pc) {
    if (pc.pc) s.pc = mergeLocation(s.pc, pc.pc);
    if (pc.lr) s.lr = mergeLocation(s.lr, pc.lr);
    if (pc.sp !== undefined) s.sp ??= pc.sp;
    if (pc.pstate !== undefined) s.pstate ??= pc.pstate;
    return;
  }
  const regs = opts.registers ? readRegisterPairs(text) : undefined;
  if (!regs) return;
  for (const { name, value } of regs.regs) if (!s.regs.has(name)) s.regs.set(name, value);
  for (const name of regs.garbled) opts.garbled.add(name);
  if (s.sp === undefined && s.regs.has('sp')) s.sp = s.regs.get('sp');
}
