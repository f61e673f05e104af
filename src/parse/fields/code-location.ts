import type { CodeLocation } from '../types.js';

const LOCATION =
  /^(?<func>[A-Za-z_$][\w.$]*)\+0x(?<off>[0-9a-f]+)\/0x(?<size>[0-9a-f]+)(?: \[(?<module>[^\]\s]+)\])?(?:\(\))?/;
const SOURCE = /^\s+(?<file>[\w./+-]+\.[A-Za-z]+):(?<line>\d+)/;

/**
 * Parses `func+0x44/0x194 [module]` with an optional symbolized ` file:line` after it (syzkaller and
 * decode_stacktrace.sh print one). 4.1 kernels append `()` to the function in WARNING headers.
 * Returns the location and the text left after it, or undefined when the text does not start with one.
 */
export function parseCodeLocation(text: string): { loc: CodeLocation; rest: string } | undefined {
  const m = LOCATION.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const loc: CodeLocation = { func: g.func, off: BigInt(`0x${g.off}`), size: BigInt(`0x${g.size}`) };
  if (g.module !== undefined) loc.module = g.module;
  let rest = text.slice(m[0].length);
  const src = SOURCE.exec(rest);
  if (src?.groups) {
    loc.file = src.groups.file;
    loc.line = Number(src.groups.line);
    rest = rest.slice(src[0].length);
  }
  return { loc, rest };
}

/** A bare hex address as printed in register and PC lines (`0xffff...`, `ffff...`). */
export function parseAddress(text: string): bigint | undefined {
  const m = /^(?:0x)?([0-9a-f]{1,16})$/.exec(text.trim());
  return m?.[1] === undefined ? undefined : BigInt(`0x${m[1]}`);
}
