import type { CodeLocation } from '../types.js';
import { hexToBigInt, recurringHexToBigInt } from './hex-bigint.js';
import { SYMBOL_NAME } from './symbol-name.js';

// Numbered groups: named ones cost an extra object per match, and this runs on every frame of every trace.
// 1 func, 2 off, 3 size, 4 module. A trace of a kernel built with CONFIG_STACKTRACE_BUILD_ID (5.14+, `%pSb`) names
// a module's build ID after it, 20 bytes in hex: `__mhi_pm_resume+0x284/0x410 [mhi 75aba2ea…9c9e]`.
const LOCATION = new RegExp(
  String.raw`^(${SYMBOL_NAME})\+0x([0-9a-f]+)\/0x([0-9a-f]+)(?: \[([^\]\s]+)(?: [0-9a-f]{40})?\])?(?:\(\))?`,
);
// 1 file, 2 line. decode_stacktrace.sh writes it in parentheses, with a discriminator at times.
const SOURCE = /^\s+(?:([\w./+-]+\.[A-Za-z]+):(\d+)|\(([\w./+-]+\.[A-Za-z]+):(\d+)(?: \(discriminator \d+\))?\))/;
// decode_stacktrace.sh of recent kernels drops the offset: `foo_check (drivers/misc/foo.c:77 (discriminator 1))`,
// as LKFT and KernelCI mail their traces. 1 func, 2 file, 3 line.
const DECODED = new RegExp(String.raw`^(${SYMBOL_NAME}) \(([\w./+-]+\.[A-Za-z]+):(\d+)(?: \(discriminator \d+\))?\)`);

/**
 * parseCodeLocation that writes the fields into `into` (a frame, say) instead of a new object. Returns the text
 * left after the location, or undefined, with `into` untouched, when the text does not start with one.
 */
export function readCodeLocation(text: string, into: CodeLocation): string | undefined {
  const m = LOCATION.exec(text);
  if (!m) return readDecoded(text, into);
  into.func = m[1]!;
  into.off = recurringHexToBigInt(m[2]!);
  into.size = recurringHexToBigInt(m[3]!);
  if (m[4] !== undefined) into.module = m[4];
  let rest = m[0].length === text.length ? '' : text.slice(m[0].length);
  const src = rest === '' ? null : SOURCE.exec(rest);
  if (src) {
    into.file = (src[1] ?? src[3])!;
    into.line = Number(src[2] ?? src[4]);
    rest = rest.slice(src[0].length);
  }
  return rest;
}

/** `func (file:line)` without an offset; undefined, with `into` untouched, for any other text. */
function readDecoded(text: string, into: CodeLocation): string | undefined {
  // The parenthesis first: it spares the regex every line that is no location at all.
  if (!text.includes(' (')) return undefined;
  const m = DECODED.exec(text);
  if (!m) return undefined;
  into.func = m[1]!;
  into.file = m[2]!;
  into.line = Number(m[3]);
  return text.slice(m[0].length);
}

/**
 * Parses `func+0x44/0x194 [module]` with an optional symbolized ` file:line` after it (syzkaller and
 * decode_stacktrace.sh print one). 4.1 kernels append `()` to the function in WARNING headers.
 * Returns the location and the text left after it, or undefined when the text does not start with one.
 */
export function parseCodeLocation(text: string): { loc: CodeLocation; rest: string } | undefined {
  const loc: CodeLocation = {};
  const rest = readCodeLocation(text, loc);
  return rest === undefined ? undefined : { loc, rest };
}

/** A bare hex address as printed in register and PC lines (`0xffff...`, `ffff...`). */
export function parseAddress(text: string): bigint | undefined {
  const m = /^(?:0x)?([0-9a-f]{1,16})$/.exec(text.trim());
  return m?.[1] === undefined ? undefined : hexToBigInt(m[1]);
}
