import type { CodeLocation, Splat, SplatKind } from '../types.js';
import { parseCpuLine } from './cpu-line.js';
import { parseTaintNamesLine } from './taint.js';
import { parseHardwareLine } from './hardware.js';
import { parseModulesLine } from './modules.js';
import { parseCodeLine } from './code-bytes.js';
import { parsePcLine } from './pc-lines.js';
import { readRegisterPairs } from './registers.js';
import { storeArm64RegisterRow, type RegisterConflict } from './arm64-register-row.js';

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

/** What readFieldLine needs besides the splat, one object for every line of a report. */
export interface FieldReadState {
  /** Register rows are still read (the report's first call trace has not ended). */
  registers: boolean;
  /** Registers whose values were garbled. */
  garbled: Set<string>;
  /**
   * Set (once) when the lines read before the call trace show a second task's report mixed into this one: why.
   * Two CPUs that WARN at once, on a console without printk caller ids, print their reports line by line into
   * each other; the registers then cannot be told apart.
   */
  otherTask?: string;
  /**
   * The line is in the report's body, before its call trace: what is noted in `otherTask` is looked for there only.
   * arm32 traces print each frame's saved registers (` r10:844f6698 r9:…`), and a report whose trace has ended may
   * take the lines of another that follows (its registers are read no more by then).
   */
  beforeTrace?: boolean;
  /**
   * Notes a register's second value in `otherTask`. fieldReadState makes it for a report of one task (ONE_TASK_KINDS)
   * alone: only there is another task's CPU line or register value before the trace noted.
   */
  onConflict?: RegisterConflict;
}

/** Reports of one task, whose lines before the call trace describe that task alone (not hung-task or stall reports). */
const ONE_TASK_KINDS: ReadonlySet<SplatKind> = new Set(['warning', 'bug', 'oops', 'kasan', 'kfence', 'ubsan']);

/** The state to read a report of `kind` with. */
export function fieldReadState(kind: SplatKind, garbled: Set<string>): FieldReadState {
  const state: FieldReadState = { registers: true, garbled, beforeTrace: true };
  if (!ONE_TASK_KINDS.has(kind)) return state;
  state.onConflict = (name, kept, other) => {
    state.otherTask ??= `two values of ${name} (0x${kept.toString(16)} and 0x${other.toString(16)})`;
  };
  return state;
}

/** What storeArm64RegisterRow is to tell of a register's second value: nothing once one has been noted. */
export function conflictWatch(opts: FieldReadState): RegisterConflict | undefined {
  return opts.otherTask === undefined && opts.beforeTrace === true ? opts.onConflict : undefined;
}

/**
 * Reads one non-frame line of a report into the splat: the CPU/taint line, `Hardware name:`, `Modules linked in:`,
 * `Code:`, PC/LR/SP/pstate lines and register dumps. The first value of each field wins (later ones come from
 * escalations and other CPUs' dumps); registers are read only while `registers` is true. A CPU line of another PID
 * gives no CPU, PID or comm.
 */
export function readFieldLine(s: Splat, text: string, opts: FieldReadState): void {
  // Register rows are a fifth of a storm's lines: they skip the other readers and are stored as they are read.
  if (text.charCodeAt(0) === X && (!opts.registers || storeArm64RegisterRow(text, s.regs, conflictWatch(opts)))) return;
  const cpuLine = parseCpuLine(text);
  if (cpuLine) {
    const otherPid = s.pid !== undefined && cpuLine.pid !== undefined && cpuLine.pid !== s.pid;
    if (otherPid && opts.beforeTrace === true && opts.onConflict !== undefined) opts.otherTask ??= `a CPU line of PID ${cpuLine.pid} in the report of PID ${s.pid}`;
    if (!otherPid) {
      // hung_task.c prints no CPU for the blocked task: a CPU line in its report is khungtaskd's panic or another's.
      if (s.kind !== 'hung-task') s.cpu ??= cpuLine.cpu;
      if (cpuLine.pid !== undefined) s.pid ??= cpuLine.pid;
      if (cpuLine.comm !== undefined) s.comm ??= cpuLine.comm;
    }
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
  const watch = conflictWatch(opts);
  for (const { name, value } of regs.regs) {
    const had = s.regs.get(name);
    if (had === undefined) s.regs.set(name, value);
    else if (had !== value) watch?.(name, had, value);
  }
  for (const name of regs.garbled) opts.garbled.add(name);
  if (s.sp === undefined && s.regs.has('sp')) s.sp = s.regs.get('sp');
}

