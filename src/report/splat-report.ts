import type { CodeLocation, Frame, LogRecord, Splat } from '../parse/types.js';
import type { FrameReport, LineReport, LocationReport, SplatReport } from './model-types.js';
import { compact } from './compact.js';
import { toHex, toHexOpt } from './hex.js';
import { registerOrder } from './register-order.js';

function locationReport(loc: CodeLocation): LocationReport {
  return compact({
    func: loc.func,
    off: toHexOpt(loc.off),
    size: toHexOpt(loc.size),
    module: loc.module,
    addr: toHexOpt(loc.addr),
    file: loc.file,
    line: loc.line,
  });
}

function frameReport(frame: Frame): FrameReport {
  return compact({
    ...locationReport(frame),
    unreliable: frame.unreliable,
    marker: frame.marker,
    inline: frame.inline,
    lineNo: frame.lineNo,
  });
}

function lineReport(rec: LogRecord): LineReport {
  return compact({
    lineNo: rec.lineNo,
    text: rec.text,
    ts: rec.ts,
    wallTime: rec.wallTime,
    caller: rec.caller,
    truncated: rec.truncated,
  });
}

export function registersReport(regs: ReadonlyMap<string, bigint>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of registerOrder(regs.keys())) {
    const value = regs.get(name);
    if (value !== undefined) out[name] = toHex(value);
  }
  return out;
}

export function splatReport(s: Splat): SplatReport {
  return compact({
    kind: s.kind,
    title: s.title,
    header: s.header,
    site: locationReport(s.site),
    cpu: s.cpu,
    pid: s.pid,
    comm: s.comm,
    taint: s.taint && { raw: s.taint.raw, flags: [...s.taint.flags] },
    release: s.release,
    build: s.build,
    hardware: s.hardware,
    pstate: s.pstate,
    pc: s.pc && locationReport(s.pc),
    lr: s.lr && locationReport(s.lr),
    sp: toHexOpt(s.sp),
    registers: registersReport(s.regs),
    frames: s.frames.map(frameReport),
    modules: s.modules && [...s.modules],
    code: s.code,
    bootIndex: s.bootIndex,
    firstLine: s.firstLine,
    lastLine: s.lastLine,
    ts: s.ts,
    wallTime: s.wallTime,
    caller: s.caller,
    corrupted: s.corrupted,
    escalations: s.escalations && [...s.escalations],
    lines: s.lines.map(lineReport),
    droppedLines: s.droppedLines,
  });
}
