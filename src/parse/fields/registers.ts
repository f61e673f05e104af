import { hexToBigInt, isLowerHexCode } from './hex-bigint.js';

/** One `name : value` pair of a register dump line. */
export interface RegisterValue {
  name: string;
  value: bigint;
}

// arm64 `x29: ffff...`, arm32 `r10: 80117ea8` / `r9 : 00000000`, and the named registers that share those lines
// (arm32 `sp ip fp`, riscv `gp tp t0-t6 s0-s11 a0-a7`).
const NAME = String.raw`(?:x\d{1,2}|r\d{1,2}|sp|ip|fp|gp|tp|ra|t[0-6]|s\d{1,2}|a[0-7])`;
const LINE_START = new RegExp(String.raw`^\s*${NAME}\s*:\s*\S`);
const PAIR = new RegExp(String.raw`\b(${NAME})\s*:\s*(\S+)`, 'g');

export interface RegisterLine {
  regs: RegisterValue[];
  /** Names whose value was not clean hex of the dump's width (garbled console output). */
  garbled: string[];
}

/** 8 or 16 lowercase hex digits: the width of an arm32/arm64 register value. */
function isDumpHex(value: string): boolean {
  if (value.length !== 8 && value.length !== 16) return false;
  for (let i = 0; i < value.length; i++) if (!isLowerHexCode(value.charCodeAt(i))) return false;
  return true;
}

/**
 * Parses a register dump line, whatever the number of registers per line (kernels print 2 or 3 on arm64,
 * 4 on arm32), by regex: what readArm64RegisterRow must agree with. Values must be 8 or 16 hex digits; anything
 * else is reported as garbled, not guessed. A line without one clean pair (`x86: Booting SMP`) is not a register
 * line.
 */
export function readRegisterPairs(text: string): RegisterLine | undefined {
  if (!LINE_START.test(text)) return undefined;
  const regs: RegisterValue[] = [];
  const garbled: string[] = [];
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) {
    const name = m[1] ?? '';
    const value = m[2] ?? '';
    if (isDumpHex(value)) regs.push({ name, value: hexToBigInt(value) });
    else garbled.push(name);
  }
  return regs.length > 0 ? { regs, garbled } : undefined;
}

/** arm64 registers `x0`..`x29` that a complete dump prints (x30 is printed as `lr`). */
export const ARM64_DUMP_REGISTERS: readonly string[] = Array.from({ length: 30 }, (_, i) => `x${i}`);

/**
 * Registers a dump should have had: the garbled ones, and for an arm64 dump (any `xN` present) every one of
 * x0..x29 that is missing because the console cut the dump.
 */
export function missingRegisters(regs: ReadonlyMap<string, bigint>, garbled: ReadonlySet<string>): string[] {
  // Asked of every report: no list of all the names, and no set when nothing was garbled (the usual case).
  const unreadable = garbled.size === 0 ? [] : [...garbled].filter((name) => !regs.has(name));
  if (!someKey(regs, (name) => /^x\d+$/.test(name))) return unreadable;
  const cut = ARM64_DUMP_REGISTERS.filter((name) => !regs.has(name));
  return unreadable.length === 0 ? cut : [...new Set([...unreadable, ...cut])];
}

function someKey(map: ReadonlyMap<string, unknown>, test: (key: string) => boolean): boolean {
  for (const key of map.keys()) if (test(key)) return true;
  return false;
}
