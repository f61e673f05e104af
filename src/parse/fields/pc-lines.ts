import type { CodeLocation } from '../types.js';
import { parseAddress, parseCodeLocation } from './code-location.js';
import { byFirstChar } from '../../util/first-char-table.js';
import { SYMBOL_NAME } from './symbol-name.js';

/** What one PC/LR/SP/pstate line says. */
export interface PcLine {
  pc?: CodeLocation;
  lr?: CodeLocation;
  sp?: bigint;
  pstate?: string;
}

const SYMBOL_ONLY = new RegExp(String.raw`^${SYMBOL_NAME}$`);

function location(text: string): CodeLocation | undefined {
  const trimmed = text.trim();
  if (/\[inline\]\s*$/.test(trimmed)) return undefined;
  const parsed = parseCodeLocation(trimmed);
  if (parsed) return parsed.loc;
  const addr = parseAddress(trimmed.replace(/^\[<([0-9a-f]+)>\]$/, '$1'));
  if (addr !== undefined) return { addr };
  // A name alone: the offset removed by whoever mailed the log (`pc : __lock_acquire`).
  return SYMBOL_ONLY.test(trimmed) ? { func: trimmed } : undefined;
}

/** ASCII white space that `\s` matches; other characters it matches are looked for by regex. */
const ASCII_SPACE = ' \t\n\v\f\r';

/** `firstChars`: what a line the rule matches can start with. */
const RULES: readonly { firstChars: string; re: RegExp; read: (m: RegExpExecArray) => PcLine | undefined }[] = [
  // 4.x arm64 and arm32: `pc : [<ffffffc000d394c4>] lr : [<ffffffc000d394c4>] pstate: 200001c5` (`psr:` on arm32).
  {
    firstChars: 'p',
    re: /^pc : \[<([0-9a-f]+)>\]\s+lr : \[<([0-9a-f]+)>\]\s+(?:pstate|psr): ([0-9a-f]+)/,
    read: (m) => ({ pc: { addr: BigInt(`0x${m[1]}`) }, lr: { addr: BigInt(`0x${m[2]}`) }, pstate: m[3] ?? '' }),
  },
  // arm64 since 4.16: `pc : func+0x44/0x194 [mod]`; riscv `epc : func+off/size`.
  { firstChars: 'ep', re: /^e?pc ?: (.+)$/, read: (m) => optional({ pc: location(m[1] ?? '') }) },
  { firstChars: `lr${ASCII_SPACE}`, re: /^\s*(?:lr|ra) ?: (.+)$/, read: (m) => optional({ lr: location(m[1] ?? '') }) },
  // Old arm64 and arm32: `PC is at func+0x184/0x2b0`, `LR is at ...`.
  { firstChars: 'P', re: /^PC is at (.+)$/, read: (m) => optional({ pc: location(m[1] ?? '') }) },
  { firstChars: 'L', re: /^LR is at (.+)$/, read: (m) => optional({ lr: location(m[1] ?? '') }) },
  // x86: `RIP: 0010:func+0x4/0x10`; 4.4-4.8 print the address first, twice (`RIP: 0010:[<ffff…>]  [<ffff…>] func+…`,
  // __show_regs then printk_address). A user code segment (`RIP: 0033:` 64-bit, `0023:` 32-bit) is where the task was
  // in user space, in the regs of a syscall: not the kernel's PC (syzkaller's linuxUserSegmentRe).
  {
    firstChars: 'R',
    re: /^RIP: (?!0033:|0023:)[0-9a-f]{4}:(?:\[<([0-9a-f]+)>\]\s+(?:\[<[0-9a-f]+>\]\s*)?)?(.+)$/,
    read: (m) => optional({ pc: withAddress(location(m[2] ?? ''), m[1]) }),
  },
  { firstChars: 's', re: /^sp : ([0-9a-f]{8,16})$/, read: (m) => ({ sp: BigInt(`0x${m[1]}`) }) },
  { firstChars: 'p', re: /^pstate: (.+)$/, read: (m) => ({ pstate: (m[1] ?? '').trim() }) },
];

type Rule = (typeof RULES)[number];

/** The rules a line may match by its first character, in RULES order: a `pstate:` line tries three of the eight,
 *  an `sp :` line one, a register row none. */
const rulesByFirstChar = byFirstChar(RULES, 'pc-line rules');
/** The rules of a line that starts with white space outside ASCII (`\s` matches it too). */
const SPACE_RULES = RULES.filter((rule) => rule.firstChars.includes(' '));

function rulesFor(text: string): readonly Rule[] | undefined {
  const c = text.charCodeAt(0);
  if (c < 128) return rulesByFirstChar(c);
  return /^\s/.test(text) ? SPACE_RULES : undefined;
}

/** A location with the address its line printed before it (`[<ffff…>]`), which the location itself may lack. */
function withAddress(loc: CodeLocation | undefined, hex: string | undefined): CodeLocation | undefined {
  if (hex === undefined) return loc;
  const addr = BigInt(`0x${hex}`);
  return loc === undefined ? { addr } : { ...loc, addr: loc.addr ?? addr };
}

function optional(line: PcLine): PcLine | undefined {
  return line.pc === undefined && line.lr === undefined ? undefined : line;
}

/** Parses a program-counter, link-register, stack-pointer or pstate line of a register dump. */
export function parsePcLine(text: string): PcLine | undefined {
  for (const rule of rulesFor(text) ?? []) {
    const m = rule.re.exec(text);
    if (m) return rule.read(m);
  }
  return undefined;
}
