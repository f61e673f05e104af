import type { CodeLocation } from '../types.js';
import { parseAddress, parseCodeLocation } from './code-location.js';

/** What one PC/LR/SP/pstate line says. */
export interface PcLine {
  pc?: CodeLocation;
  lr?: CodeLocation;
  sp?: bigint;
  pstate?: string;
}

function location(text: string): CodeLocation | undefined {
  const trimmed = text.trim();
  if (/\[inline\]\s*$/.test(trimmed)) return undefined;
  const parsed = parseCodeLocation(trimmed);
  if (parsed) return parsed.loc;
  const addr = parseAddress(trimmed.replace(/^\[<([0-9a-f]+)>\]$/, '$1'));
  return addr === undefined ? undefined : { addr };
}

const RULES: readonly { re: RegExp; read: (m: RegExpExecArray) => PcLine | undefined }[] = [
  // 4.x arm64 and arm32: `pc : [<ffffffc000d394c4>] lr : [<ffffffc000d394c4>] pstate: 200001c5` (`psr:` on arm32).
  {
    re: /^pc : \[<([0-9a-f]+)>\]\s+lr : \[<([0-9a-f]+)>\]\s+(?:pstate|psr): ([0-9a-f]+)/,
    read: (m) => ({ pc: { addr: BigInt(`0x${m[1]}`) }, lr: { addr: BigInt(`0x${m[2]}`) }, pstate: m[3] ?? '' }),
  },
  // arm64 since 4.16: `pc : func+0x44/0x194 [mod]`; riscv `epc : func+off/size`.
  { re: /^e?pc ?: (.+)$/, read: (m) => optional({ pc: location(m[1] ?? '') }) },
  { re: /^\s*(?:lr|ra) ?: (.+)$/, read: (m) => optional({ lr: location(m[1] ?? '') }) },
  // Old arm64 and arm32: `PC is at func+0x184/0x2b0`, `LR is at ...`.
  { re: /^PC is at (.+)$/, read: (m) => optional({ pc: location(m[1] ?? '') }) },
  { re: /^LR is at (.+)$/, read: (m) => optional({ lr: location(m[1] ?? '') }) },
  // x86: `RIP: 0010:func+0x4/0x10`.
  { re: /^RIP: [0-9a-f]{4}:(.+)$/, read: (m) => optional({ pc: location(m[1] ?? '') }) },
  { re: /^sp : ([0-9a-f]{8,16})$/, read: (m) => ({ sp: BigInt(`0x${m[1]}`) }) },
  { re: /^pstate: (.+)$/, read: (m) => ({ pstate: (m[1] ?? '').trim() }) },
];

/** What every rule's line starts with: one test spares register lines (`x29: ...`) the eight rules. */
const ANY_RULE_START = /^(?:[eplrsPLR]|\s)/;

function optional(line: PcLine): PcLine | undefined {
  return line.pc === undefined && line.lr === undefined ? undefined : line;
}

/** Parses a program-counter, link-register, stack-pointer or pstate line of a register dump. */
export function parsePcLine(text: string): PcLine | undefined {
  if (!ANY_RULE_START.test(text)) return undefined;
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (m) return rule.read(m);
  }
  return undefined;
}
