import { isLowerHexCode } from './fields/hex-bigint.js';
import { isArm64RegisterRow } from './fields/arm64-register-row.js';
import { byFirstChar } from '../util/first-char-table.js';

/**
 * Kernel console lines that a mail client or terminal wrapped onto a second physical line. Each row names the
 * shape of an incomplete line (`head`) and the only shape its continuation may have (`tail`); anything else is
 * two records.
 */
interface WrapJoin {
  readonly name: string;
  /** Characters an incomplete line starts with (the cheap check before `head`). */
  readonly firstChars: string;
  readonly head: RegExp;
  /** A cheaper test that every line `head` matches passes too, run before `head`. */
  readonly mayBeHead?: (text: string) => boolean;
  readonly tail: RegExp;
  /** The joined text, or undefined when head and tail do not fit together after all. */
  readonly join: (head: string, tail: RegExpExecArray) => string | undefined;
}

const SYMBOL = String.raw`[\w.$]+\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[[\w-]+\])?`;
const REG = String.raw`(?:x\d{1,2}|sp) ?:`;
const ARM64_REG_HEX_DIGITS = 16;

/** The function of a 2025+ WARNING header, or the bare address printed for an unknown one. */
const NEW_SITE = String.raw`(?:[\w.$]+\+0x[0-9a-f]+\/0x[0-9a-f]+|0x[0-9a-f]+)`;

/** The joined text when it has the whole shape (the two parts may each hold a piece of it), else undefined. */
function whole(joined: string, shape: RegExp): string | undefined {
  return shape.test(joined) ? joined : undefined;
}

/** Length of the run of lowercase hex digits that ends the text, trailing white space ignored. */
function trailingHexDigits(text: string): number {
  const trimmed = text.trimEnd();
  let i = trimmed.length;
  while (i > 0 && isLowerHexCode(trimmed.charCodeAt(i - 1))) i -= 1;
  return trimmed.length - i;
}

export const WRAP_JOINS: readonly WrapJoin[] = [
  {
    // `WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197` + `vmemmap_populate+0x44/0x194`. Older kernels end
    // the function with `()` (syzkaller report 249, 4.1: `__might_sleep+0x77/0x80()`); the hikey 4.4 log in
    // squad's test data prints `WARNING: at file:line`.
    name: 'WARNING header whose function went to the next line',
    firstChars: 'W',
    head: /^WARNING: (?:CPU: \d+ PID: \d+ )?at \S+:\d+\s*$/,
    tail: new RegExp(String.raw`^\s*(${SYMBOL}(?:\(\))?)\s*$`),
    join: (head, tail) => `${head.trimEnd()} ${tail[1]}`,
  },
  {
    // Mail clients wrap at 72-78 columns: `WARNING: CPU: 2 PID: 35 at` + `drivers/net/…/mvpp2_main.c:449`, the
    // function often on a third line, which the row above then joins.
    name: 'WARNING header whose site went to the next line',
    firstChars: 'W',
    head: /^WARNING: (?:CPU: \d+ PID: \d+ )?at\s*$/,
    tail: new RegExp(String.raw`^\s*(\S+:\d+(?: ${SYMBOL}(?:\(\))?)?)\s*$`),
    join: (head, tail) => `${head.trimEnd()} ${tail[1]}`,
  },
  {
    // 2025+: `WARNING: net/mac80211/tx.c:5024 at` + `__ieee80211_beacon_get+0x1/0x2, CPU#1: kworker/1:3/17677`, or
    // `… at fast_dput+0x334/0x430,` + `CPU#1: syz-executor/5830`.
    name: 'WARNING header (2025+) whose function or CPU went to the next line',
    firstChars: 'W',
    head: new RegExp(String.raw`^WARNING: (?:\[[^\]]*\] )?[\w./+-]+:\d+ at(?: ${NEW_SITE},)?\s*$`),
    tail: new RegExp(String.raw`^\s*((?:${NEW_SITE}, )?CPU#\d+: \S.*?)\s*$`),
    join: (head, tail) => whole(`${head.trimEnd()} ${tail[1]}`, new RegExp(String.raw` at ${NEW_SITE}, CPU#\d+: \S`)),
  },
  {
    // `Unable to handle kernel paging request at virtual address` + `000001ffba000000` (the address the Oops of a
    // wrapped struct page names), or cut before `address` or `virtual`.
    name: 'kernel fault whose address went to the next line',
    firstChars: 'U',
    head: /^Unable to handle kernel [\w -]+ at(?: virtual(?: address)?)?\s*$/,
    tail: /^\s*((?:(?:virtual )?address )?[0-9a-f]{8,16})\s*$/,
    join: (head, tail) => whole(`${head.trimEnd()} ${tail[1]}`, / at virtual address [0-9a-f]{8,16}$/),
  },
  {
    name: '`pc : ` / `lr : ` whose symbol went to the next line',
    firstChars: 'pl',
    head: /^(?:pc|lr) ?:\s*$/,
    tail: new RegExp(String.raw`^\s*(${SYMBOL}|0x[0-9a-f]+|[0-9a-f]{16})\s*$`),
    join: (head, tail) => `${head.trimEnd()} ${tail[1]}`,
  },
  {
    // `x29: ffff8000118eb810 x28:` + `ffff000133646e80`, or cut inside the value: `x28: ffff0001` + `33646e80`.
    name: 'arm64 register line cut inside a name/value pair',
    firstChars: 'xs',
    head: new RegExp(String.raw`^(?:${REG} [0-9a-f]{16} +)*${REG}(?: ([0-9a-f]{0,15}))?\s*$`),
    // A complete dump line ends in a whole value; `head` would backtrack through every pair to find that out. A
    // whole row is the common case, and its scan is kept for the needle screen and the register store after.
    mayBeHead: (text) => !isArm64RegisterRow(text) && trailingHexDigits(text) < ARM64_REG_HEX_DIGITS,
    tail: new RegExp(String.raw`^\s*([0-9a-f]{1,16})((?: +${REG} [0-9a-f]{16})* *)$`),
    join: (head, tail) => {
      const partial = /[0-9a-f]*$/.exec(head.trimEnd())![0];
      const value = tail[1]!;
      const cutInValue = head.trimEnd().endsWith(':') ? '' : partial;
      if (cutInValue.length + value.length !== ARM64_REG_HEX_DIGITS) return undefined;
      const joint = cutInValue ? head.trimEnd() : `${head.trimEnd()} `;
      return `${joint}${value}${tail[2]!.trimEnd()}`;
    },
  },
];

/** The rows a record may be the head of, by its first character, in WRAP_JOINS order; none for most records. */
const joinsByFirstChar = byFirstChar(WRAP_JOINS, 'wrap joins');

function joinsFor(text: string): readonly WrapJoin[] | undefined {
  return joinsByFirstChar(text.charCodeAt(0));
}

/** `text` fits the row's head; its first character is known to be one of the row's. */
function headFits(j: WrapJoin, text: string): boolean {
  return (j.mayBeHead?.(text) ?? true) && j.head.test(text);
}

/** The text may be the first part of a wrapped line. Cheap for ordinary text: one character test. */
export function mayContinue(text: string): boolean {
  const rows = joinsFor(text);
  if (rows === undefined) return false;
  for (const j of rows) if (headFits(j, text)) return true;
  return false;
}

/** The joined line when `next` is the wrapped rest of `head`, else undefined. */
export function joinWrapped(head: string, next: string): string | undefined {
  for (const j of joinsFor(head) ?? []) {
    if (!headFits(j, head)) continue;
    const tail = j.tail.exec(next);
    const joined = tail ? j.join(head, tail) : undefined;
    if (joined !== undefined) return joined;
  }
  return undefined;
}
