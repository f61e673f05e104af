import type { Frame } from '../types.js';
import { parseCodeLocation } from './code-location.js';

/** Lines that open a call trace: arm64 `Call trace:`, x86/riscv `Call Trace:`, arm32 `Backtrace:`. */
export function isTraceStart(text: string): boolean {
  return /^(?:Call [Tt]race:|Backtrace:)/.test(text);
}

const ADDR_PREFIX = /^\s*(?:\[<(?<addr>[0-9a-f]+)>\]\s*){1,2}/;
// arm32 unwinder: `[<8015df40>] (migrate_task_rq_fair) from [<801559ec>] (set_task_cpu+0x4c/0xf8)`; older kernels
// print `(func+0x58/0xa8)` in the first parentheses too.
const ARM32 = new RegExp(
  String.raw`^\s*\[<(?<addr>[0-9a-f]+)>\] \((?<func>[A-Za-z_$][\w.$]*)` +
    String.raw`(?:\+0x(?<off>[0-9a-f]+)\/0x(?<size>[0-9a-f]+))?\) from \[<`,
);
// Symbolizer output for an inlined call: `nfc_llcp_find_local net/nfc/llcp_core.c:286 [inline]`.
const INLINE = /^\s*(?<func>[A-Za-z_$][\w.$]*) (?<file>[\w./+-]+):(?<line>\d+) \[inline\]\s*$/;
const RAW_ADDRESS = /^0x([0-9a-f]+)\s*$/;

function arm32Frame(text: string, lineNo: number): Frame | undefined {
  const g = ARM32.exec(text)?.groups;
  if (!g) return undefined;
  const frame: Frame = { func: g.func, addr: BigInt(`0x${g.addr}`), lineNo };
  if (g.off !== undefined && g.size !== undefined) {
    frame.off = BigInt(`0x${g.off}`);
    frame.size = BigInt(`0x${g.size}`);
  }
  return frame;
}

/**
 * Parses one call-trace line: ` func+0x44/0x194 [mod]`, `[<ffff...>] func+0x../0x..`, ` ? func+...` (unreliable),
 * unwinder markers ` (P)` (6.13+), symbolized ` file:line` and `[inline]` frames, arm32 `(func) from` frames and
 * raw `[<addr>] 0xffff...` frames. Returns undefined for any other line.
 */
export function parseFrame(text: string, lineNo: number): Frame | undefined {
  const arm32 = arm32Frame(text, lineNo);
  if (arm32) return arm32;
  const inline = INLINE.exec(text)?.groups;
  if (inline) return { func: inline.func, file: inline.file, line: Number(inline.line), inline: true, lineNo };
  const prefix = ADDR_PREFIX.exec(text);
  let rest = prefix ? text.slice(prefix[0].length) : text.replace(/^\s+/, '');
  const frame: Frame = { lineNo };
  if (prefix?.groups?.addr !== undefined) frame.addr = BigInt(`0x${prefix.groups.addr}`);
  if (rest.startsWith('? ')) {
    frame.unreliable = true;
    rest = rest.slice(2).trimStart();
  }
  const parsed = parseCodeLocation(rest);
  if (!parsed) {
    const raw = prefix ? RAW_ADDRESS.exec(rest) : null;
    return raw?.[1] === undefined ? undefined : frame;
  }
  Object.assign(frame, parsed.loc);
  let tail = parsed.rest;
  const marker = /^\s+\(([A-Z])\)/.exec(tail);
  if (marker?.[1] !== undefined) {
    frame.marker = marker[1];
    tail = tail.slice(marker[0].length);
  }
  if (/^\s+\[inline\]/.test(tail)) {
    frame.inline = true;
    tail = tail.replace(/^\s+\[inline\]/, '');
  }
  return tail.trim() === '' ? frame : undefined;
}
