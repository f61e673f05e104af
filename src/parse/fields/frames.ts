import type { Frame } from '../types.js';
import { readCodeLocation } from './code-location.js';
import { hexToBigInt, recurringHexToBigInt } from './hex-bigint.js';
import { isRepeatable, recallLine } from '../repeated-lines.js';
import { SYMBOL_NAME } from './symbol-name.js';

const TRACE_START = /^(?:Call [Tt]race:|Backtrace:)/;
const C = 0x43;
const B = 0x42;

/** Lines that open a call trace: arm64 `Call trace:`, x86/riscv `Call Trace:`, arm32 `Backtrace:`. */
export function isTraceStart(text: string): boolean {
  // Asked of every line of a report, twice for most: the first character spares the others a regex call.
  const c = text.charCodeAt(0);
  return (c === C || c === B) && TRACE_START.test(text);
}

// Numbered groups (named ones cost an object per match); the last `[<addr>]` is group 1. x86 4.4-4.8 print the stack
// the unwinder enters on the line of its first frame: ` <IRQ>  [<addr>] func+…` (`<EOI>`, `<NMI>`, `<#DF>`, `<<EOE>>`).
const ADDR_PREFIX = /^\s*(?:<(?:<EOE>|[#A-Z]{2,4})>\s+)?(?:\[<([0-9a-f]+)>\]\s*){1,2}/;
// arm32 unwinder: `[<8015df40>] (migrate_task_rq_fair) from [<801559ec>] (set_task_cpu+0x4c/0xf8)`; older kernels
// print `(func+0x58/0xa8)` in the first parentheses too. 1 addr, 2 func, 3 off, 4 size.
const ARM32 = new RegExp(
  String.raw`^\s*\[<([0-9a-f]+)>\] \((${SYMBOL_NAME})` +
    String.raw`(?:\+0x([0-9a-f]+)\/0x([0-9a-f]+))?\) from \[<[0-9a-f]+>\] \((${SYMBOL_NAME})?`,
);
// arm32 from 5.16 (without CONFIG_BACKTRACE_VERBOSE), `dump_backtrace_entry`'s ` %ps from %pS`: the function by name,
// then its caller with the offset of the call: ` unwind_backtrace from show_stack+0x10/0x14`, either one with its module
// (` wiphy_unregister [cfg80211] from wilc_sdio_remove+0xb0/0x15c [wilc1000_sdio]`). 1 func, 2 module, 3 caller.
const ARM32_NAMES = new RegExp(
  String.raw`^\s*(${SYMBOL_NAME})(?: \[([\w-]+)\])? from (${SYMBOL_NAME})\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[[\w-]+\])?\s*$`,
);
// Symbolizer output for an inlined call: `nfc_llcp_find_local net/nfc/llcp_core.c:286 [inline]`, with 6.13+'s
// unwinder marker after it where the faulting pc is in the inlined function (syzbot's arm64 reports:
// ` __kvm_pgtable_visit arch/arm64/kvm/hyp/pgtable.c:161 [inline] (P)`). 1 func, 2 file, 3 line, 4 marker.
const INLINE = new RegExp(String.raw`^\s*(${SYMBOL_NAME}) ([\w./+-]+):(\d+) \[inline\](?: \(([A-Z])\))?\s*$`);
const RAW_ADDRESS = /^0x([0-9a-f]+)\s*$/;

function arm32Frame(text: string, lineNo: number): Frame | undefined {
  const m = ARM32.exec(text);
  if (!m) return undefined;
  const frame: Frame = { func: m[2]!, addr: hexToBigInt(m[1]!), lineNo };
  if (m[5] !== undefined) frame.from = m[5];
  if (m[3] !== undefined && m[4] !== undefined) {
    frame.off = recurringHexToBigInt(m[3]);
    frame.size = recurringHexToBigInt(m[4]);
  }
  return frame;
}

function arm32NamesFrame(text: string, lineNo: number): Frame | undefined {
  const m = ARM32_NAMES.exec(text);
  if (!m) return undefined;
  const frame: Frame = { func: m[1]!, from: m[3]!, lineNo };
  if (m[2] !== undefined) frame.module = m[2];
  return frame;
}

/**
 * Parses one call-trace line: ` func+0x44/0x194 [mod]`, `[<ffff...>] func+0x../0x..`, ` ? func+...` (unreliable),
 * unwinder markers ` (P)` (6.13+), symbolized ` file:line` and `[inline]` frames, arm32 `(func) from` and `func from` frames and
 * raw `[<addr>] 0xffff...` frames. Returns undefined for any other line.
 */
export function parseFrame(text: string, lineNo: number): Frame | undefined {
  // Without an offset, only `[<addr>]`, `[inline]` and decoded `func (file:line)` frames are left: a `[` or a ` (`.
  // (Register rows have neither, and are most of a report's lines without an offset.)
  if (!isRepeatable(text)) return text.includes('[') || text.includes(' (') ? parseFrameText(text, lineNo) : undefined;
  // The reports of a storm repeat their call trace line for line: each text is parsed once.
  const line = recallLine(text);
  if (line.frame === undefined) {
    // Parsed from the memo's copy, so that the frame's strings keep no more alive than the memo does.
    const frame = parseFrameText(line.text, lineNo);
    line.frame = frame === undefined ? null : { ...frame };
    return frame;
  }
  return line.frame === null ? undefined : { ...line.frame, lineNo };
}

const BARE_NAME = new RegExp(String.raw`^\s+(${SYMBOL_NAME})\s*$`);

/**
 * A frame of a trace whose offsets the reporter removed (` __lock_acquire`, a mailed trace cut to its names): only
 * read inside a call trace, where an indented lone name can be nothing else.
 */
export function parseBareFrame(text: string, lineNo: number): Frame | undefined {
  const m = BARE_NAME.exec(text);
  return m ? { func: m[1]!, lineNo } : undefined;
}

function parseFrameText(text: string, lineNo: number): Frame | undefined {
  // The substring checks are what each regex needs; most lines (` func+0x44/0x194`) have neither.
  const hasAddr = text.includes('[<');
  const arm32 = hasAddr && text.includes(') from [<') ? arm32Frame(text, lineNo) : !hasAddr && text.includes(' from ') ? arm32NamesFrame(text, lineNo) : undefined;
  if (arm32) return arm32;
  const inline = text.includes(' [inline]') ? INLINE.exec(text) : null;
  if (inline) {
    const frame: Frame = { func: inline[1]!, file: inline[2]!, line: Number(inline[3]), inline: true, lineNo };
    if (inline[4] !== undefined) frame.marker = inline[4];
    return frame;
  }
  const prefix = hasAddr ? ADDR_PREFIX.exec(text) : null;
  let rest = prefix ? text.slice(prefix[0].length) : text.trimStart();
  const frame: Frame = { lineNo };
  if (prefix?.[1] !== undefined) frame.addr = hexToBigInt(prefix[1]);
  if (rest.startsWith('? ')) {
    frame.unreliable = true;
    rest = rest.slice(2).trimStart();
  }
  let tail = readCodeLocation(rest, frame);
  if (tail === undefined) {
    const raw = prefix ? RAW_ADDRESS.exec(rest) : null;
    return raw?.[1] === undefined ? undefined : frame;
  }
  if (tail === '') return frame;
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
