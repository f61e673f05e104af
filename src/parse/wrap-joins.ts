import { isDigitCode, isLowerHexCode } from './fields/hex-bigint.js';
import { isArm64RegisterRow } from './fields/arm64-register-row.js';
import { byFirstChar } from '../util/first-char-table.js';
import { beforeBlanks } from '../util/blanks.js';
import { parseLayoutLine } from './boot-fact-lines.js';

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
  /** The text a head ends in, trailing blanks ignored: a comparison run before `head`. Data, not a function, so that
   *  the call of `mayBeHead` in headFits stays monomorphic on the hot register rows. */
  readonly endsIn?: string;
  /** The head is a layout row's start: mayBeLayoutRowHead runs before `head` (a direct call, see `endsIn`). */
  readonly layoutRow?: true;
  /** The whole line a head is the start of: a line that is already whole is no head. */
  readonly unlessWhole?: RegExp;
  readonly tail: RegExp;
  /** The joined text, or undefined when head and tail do not fit together after all. */
  readonly join: (head: string, tail: RegExpExecArray) => string | undefined;
}

const SYMBOL = String.raw`[\w.$]+\+0x[0-9a-f]+\/0x[0-9a-f]+(?: \[[\w-]+(?: [0-9a-f]{40})?\])?`;
const REG = String.raw`(?:x\d{1,2}|sp) ?:`;
const ARM64_REG_HEX_DIGITS = 16;

/** A whole 2025+ WARNING header: `WARNING: [cond] file:line at func+0x1/0x2 [mod], CPU#1: comm/pid`. */
const NEW_HEADER = new RegExp(String.raw`^WARNING: (?:\[[^\]]*\] )?[\w./+-]+:\d+ at (?:${SYMBOL}|0x[0-9a-f]+), CPU#\d+: \S.*\/\d+$`);
/** A strict beginning of a 2025+ WARNING header, cut at a space: inside or after its condition, or after its site. */
const NEW_HEADER_START = new RegExp(
  String.raw`^WARNING: (?:\[[^\]]*\]?|(?:\[[^\]]*\] )?[\w./+-]+:\d+(?: at(?: (?:${SYMBOL}|0x[0-9a-f]+),(?: CPU#\d+:)?)?)?)$`,
);
/** A whole arm64 fault line: `Unable to handle kernel paging request at virtual address 000001ffba000000`. */
const FAULT_LINE = /^Unable to handle kernel [\w -]+ at virtual address [0-9a-f]{8,16}$/;
/** A whole stack-protector panic: `Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: f+0x1/0x2`. */
const STACK_PROTECTOR = /^Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: \S+(?: \[[\w-]+\])?$/;
/** A whole KASAN or KFENCE header: `BUG: KASAN: slab-use-after-free in foo+0x3c/0x80` (a source file or module may follow). */
const SANITIZER_HEADER = new RegExp(String.raw`^BUG: K(?:ASAN|FENCE): [\w-]+(?: [\w-]+)* in ${SYMBOL}(?: \S.*)?$`);
/** A whole hung-task header: `INFO: task udevd:5612 blocked in I/O wait for more than 143 seconds.` */
const HUNG_TASK = /^INFO: task \S.*?:\d+ blocked (?:in I\/O wait )?for more than \d+ seconds\.$/;
/** A whole soft lockup header: `watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [syz-executor:1234]`. */
const SOFT_LOCKUP = /^(?:(?:NMI )?watchdog: )?BUG: soft lockup - CPU#\d+ stuck for \d+s! \[.+:\d+\]$/;

/**
 * A whole machine line: a device-tree machine's ends in ` (DT)`; an ACPI machine's in `, BIOS <version> <date>`
 * (dmi_ids_string), the date as the firmware writes it: `04/01/2014`, or `2022/05/24` on some arm64 servers.
 */
const HARDWARE_LINE = /^Hardware name: \S.*(?: \(DT\)|, BIOS .*(?:\d\d\/\d\d\/\d{4}|\d{4}\/\d\d\/\d\d))$/;

/** The rest of a broken line: anything, blanks around it dropped. */
const ANY_REST = /^\s*(\S.*?)\s*$/;

/**
 * A line the kernel prints whole (`shape`), broken by a word wrap anywhere `head` allows: a line that is already
 * whole is no head, and head and tail join only when together they make the whole line.
 */
function brokenLine(name: string, firstChars: string, head: RegExp, shape: RegExp, tail: RegExp = ANY_REST): WrapJoin {
  return {
    name,
    firstChars,
    head,
    unlessWhole: shape,
    tail,
    join: (h, t) => {
      const joined = `${h.trimEnd()} ${t[1]}`;
      return shape.test(joined) ? joined : undefined;
    },
  };
}

/** `text` ends in `word`, trailing blanks ignored, without making a trimmed copy. */
function endsWithBeforeBlanks(text: string, word: string): boolean {
  const end = beforeBlanks(text);
  return end >= word.length && text.startsWith(word, end - word.length);
}

/** Characters of `(%6ld GB` after the parenthesis a row may be cut in. */
const SIZE_CHARS = 10;

/**
 * A row of the `Virtual kernel memory layout:` block (4.x) cut before its size: right after its range, or inside
 * the parentheses (`    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000   (`). O(1) for a call trace frame, which
 * every one of comes here: it ends in `/0x194`, `]` or `(P)`, never in ` 0x` and 16 hex digits, `(` or a unit's `B`.
 * A cut between the size's number and its unit (`(   128` + `MB)`, where a 78-column mail breaks every stamped row)
 * ends in a digit as a frame does; the frame's `x` before its digits ends the look back.
 */
function mayBeLayoutRowHead(text: string): boolean {
  const end = beforeBlanks(text);
  const last = text.charCodeAt(end - 1);
  if (last === 0x28 /* ( */) return true;
  if (last === 0x42 /* B */) return hasOpenParenBefore(text, end);
  if (isDigitCode(last) && opensSizeBefore(text, end)) return true;
  return end > 19 && text.charCodeAt(end - 19) === 0x20 && text.startsWith('0x', end - 18);
}

/** Digits, after blanks, after a `(`, within SIZE_CHARS characters before `end`: `(   128`. */
function opensSizeBefore(text: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && end - i <= SIZE_CHARS && isDigitCode(text.charCodeAt(i))) i--;
  while (i >= 0 && end - i <= SIZE_CHARS && text.charCodeAt(i) === 0x20) i--;
  return i >= 0 && end - i <= SIZE_CHARS && text.charCodeAt(i) === 0x28;
}

/** A `(` with no `)` after it among the last SIZE_CHARS characters before `end`. */
function hasOpenParenBefore(text: string, end: number): boolean {
  for (let i = end - 1; i >= 0 && i >= end - SIZE_CHARS; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x29 /* ) */) return false;
    if (c === 0x28 /* ( */) return true;
  }
  return false;
}

const LAYOUT_ROW_HEAD = /^\s+(?:[.A-Za-z][\w ./]*?\s*:\s*)?0x[0-9a-f]{16}\s*-\s*0x[0-9a-f]{16}(?:\s*\((?:\s*\d+(?:\s*[KMGT]?B)?)?)?\s*$/;
const LAYOUT_ROW_TAIL = /^\s*(\(?\s*(?:\d+\s*)?(?:[KMGT]?B\s*)?(?:(?:maximum|actual)\s*)?\))\s*$/;

/** A row that ends in a one-digit register's name, its colon on the next line. */
const ONE_DIGIT_NAME_AT_END = /(?:^| )x\d$/;

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
  // 2025+: `WARNING: net/mac80211/tx.c:5024 at __ieee80211_beacon_get+0x1a3/0x1f40 [mac80211], CPU#1: kworker/1:3/17677`
  // broken at any space (before `at`, before the module, after `CPU#1:`...).
  // Broken before its site too (`WARNING: [time_after(jiffies, timeout)]` + `io_uring/io_uring.c:3026 at …`), inside
  // the condition, or twice (a 72-column mail of a stamped line): a join that still makes no whole header is kept
  // while it is a strict beginning of one, so the next line can finish it.
  {
    name: 'WARNING header (2025+) broken at a space',
    firstChars: 'W',
    head: /^WARNING: (?:\[.*|(?:\[[^\]]*\] )?[\w./+-]+:\d+(?: .*)?)$/,
    unlessWhole: NEW_HEADER,
    tail: ANY_REST,
    join: (h, t) => {
      const joined = `${h.trimEnd()} ${t[1]}`;
      return NEW_HEADER.test(joined) || NEW_HEADER_START.test(joined) ? joined : undefined;
    },
  },
  // `Unable to handle kernel paging request at virtual address` + `000001ffba000000` (the address the Oops of a
  // wrapped struct page names), or broken earlier: `Unable to handle kernel` + `paging request at virtual address …`.
  // The tail is `^\s*([\w -]+?)\s*$` written so that no blank can go to both the group and the blanks around it
  // (that had backtracked in cubic time: 16 s for a line of 6 KB): the same matches and group.
  brokenLine('kernel fault broken before its address', 'U', /^Unable to handle kernel(?: [\w -]*)?$/, FAULT_LINE, /^\s*([\w-](?:[\w -]*[\w-])?|[ ])\s*$/),
  // `watchdog: BUG: soft` + `lockup - CPU#0 stuck for 22s! [syz-executor:1234]`.
  brokenLine('soft lockup header broken at a space', 'wBN', /^(?:(?:NMI )?watchdog: )?BUG: soft(?: .*)?$/, SOFT_LOCKUP),
  // `BUG: KASAN: invalid-access in` + `__list_add_valid+0x10/0x90`: the bug class titled without its function.
  brokenLine('KASAN or KFENCE header broken at a space', 'B', /^BUG: K(?:ASAN|FENCE):(?: .*)?$/, SANITIZER_HEADER),
  // `INFO: task udevd:5612 blocked for more` + `than 143 seconds.`: the hung task's report had been lost.
  brokenLine('hung-task header broken at a space', 'I', /^INFO: task \S.*$/, HUNG_TASK),
  // `Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in:` + `ffffffffc0c88942`, or broken at
  // another space.
  brokenLine('stack-protector panic broken at a space', 'K', /^Kernel panic - not syncing: stack-protector:(?: .*)?$/, STACK_PROTECTOR),
  // `Hardware name: Raspberry Pi 4 Model B` + `Rev 1.1 (DT)`, or `…, BIOS` + `1.16.0-1 04/01/2014`: the machine
  // named in every cluster it appears in, which had been cut at the wrap and named as a second machine.
  brokenLine('machine line broken at a space', 'H', /^Hardware name: \S/, HARDWARE_LINE),
  {
    // lockdep's `hardirqs last disabled at (83253):` + `[<ffffa00010004ac0>] el1_irq+0x80/0x180`: left apart, the
    // second reads as the first frame of a call trace (a soft lockup titled `in el1_irq`).
    name: 'lockdep irq event whose location went to the next line',
    firstChars: 'hs',
    head: /^(?:hard|soft)irqs last\s+(?:en|dis)abled at \(\d+\):\s*$/,
    tail: new RegExp(String.raw`^\s*(\[<[0-9a-f]+>\] ${SYMBOL})\s*$`),
    join: (head, tail) => `${head.trimEnd()} ${tail[1]}`,
  },
  {
    // `  node   0: [mem` + `0x0000000080000000-0x000000087fffffff]` (also a zone's row): the memory map that gives
    // memstart_addr, lost to a journal or kern.log prefix wrapped at 72-76 columns.
    name: 'memory node or zone range whose addresses went to the next line',
    firstChars: ' ',
    head: /^\s+(?:node\s+\d+:|[A-Za-z][A-Za-z0-9]*)\s+\[mem\s*$/,
    // Every call trace frame starts with a space: one comparison keeps them off the regex.
    endsIn: '[mem',
    tail: /^\s*(0x[0-9a-f]+-0x[0-9a-f]+\])\s*$/,
    join: (head, tail) => `${head.trimEnd()} ${tail[1]}`,
  },
  {
    // A mail wraps the 4.x layout block's rows at 72-78 columns: `    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000   (`
    // + `2 GB maximum)`. The `actual` row gives the first RAM pfn's struct page, and the rows the VA and page sizes.
    name: 'virtual layout row whose size went to the next line',
    firstChars: ' ',
    head: LAYOUT_ROW_HEAD,
    layoutRow: true,
    tail: LAYOUT_ROW_TAIL,
    join: (head, tail) => {
      const h = head.trimEnd();
      const rest = tail[1]!;
      const joint = h.endsWith('(') ? '' : rest.startsWith('(') ? '   ' : ' ';
      const joined = `${h}${joint}${rest}`;
      return parseLayoutLine(joined) === undefined ? undefined : joined;
    },
  },
  {
    // A mail's format=flowed wrap at 72 columns: `CPU: 0 PID: 6700 Comm: syz-executor.0 Not` + `tainted 5.11.0-rc3 #1`
    // (found by a review: the cluster had lost its CPU, PID and release).
    name: 'CPU line cut between `Not` and `tainted`',
    firstChars: 'C',
    head: /^CPU: \d+ (?:UID: \d+ )?PID: \d+ Comm: .* Not\s*$/,
    tail: /^\s*(tainted(?: .*?)?)\s*$/,
    join: (head, tail) => `${head.trimEnd()} ${tail[1]}`,
  },
  {
    // `CPU: 1 PID: 653 Comm: set_robust_list Not tainted` + `6.6.0-rc7-next-20231026 #1` (an LKFT mail), or broken
    // inside the flags: `… Tainted: G    B   W` + `      N 6.4.0-rc2-next-20230517 #1`. The release names the kernel
    // the layout is inferred for. A line cut there by hand is followed by no release-shaped line.
    name: 'CPU line whose release went to the next line',
    firstChars: 'C',
    head: /^CPU: \d+ (?:UID: \d+ )?PID: \d+ Comm: .*(?: Not tainted| Tainted: [A-Z ]*[A-Z])\s*$/,
    tail: /^\s*((?:[A-Z] +)*\d[\w.+~-]*(?: #\S+)?(?: .*?)?)\s*$/,
    join: (head, tail) => `${head.trimEnd()} ${tail[1]}`,
  },
  {
    name: '`pc : ` / `lr : ` whose symbol went to the next line',
    firstChars: 'pl',
    head: /^(?:pc|lr) ?:\s*$/,
    tail: new RegExp(String.raw`^\s*(${SYMBOL}|0x[0-9a-f]+|[0-9a-f]{16})\s*$`),
    join: (head, tail) => `${head.trimEnd()} ${tail[1]}`,
  },
  {
    // `x29: ffff8000118eb810 x28:` + `ffff000133646e80`, or cut inside the value: `x28: ffff0001` + `33646e80`, or
    // between a one-digit name and its colon, where those print a space (`x9 : `) a word wrap breaks at:
    // `… x10: ffff0001689d5aa0 x9` + `: ffff80003a8512d8`. One row, so that mayBeHead's call stays monomorphic.
    name: 'arm64 register line cut inside a name/value pair',
    firstChars: 'xs',
    head: new RegExp(String.raw`^(?:${REG} [0-9a-f]{16} +)*(?:${REG}(?: ([0-9a-f]{0,15}))?|x\d)\s*$`),
    // A complete dump line ends in a whole value; `head` would backtrack through every pair to find that out. A
    // whole row is the common case, and its scan is kept for the needle screen and the register store after.
    mayBeHead: (text) => !isArm64RegisterRow(text) && trailingHexDigits(text) < ARM64_REG_HEX_DIGITS,
    tail: new RegExp(String.raw`^\s*(?:(: )([0-9a-f]{16})|([0-9a-f]{1,16}))((?: +${REG} [0-9a-f]{16})* *)$`),
    join: (head, tail) => {
      const h = head.trimEnd();
      const bareName = ONE_DIGIT_NAME_AT_END.test(h);
      if (tail[1] !== undefined) return bareName ? `${h} : ${tail[2]!}${tail[4]!.trimEnd()}` : undefined;
      if (bareName) return undefined;
      const partial = /[0-9a-f]*$/.exec(h)![0];
      const value = tail[3]!;
      const cutInValue = h.endsWith(':') ? '' : partial;
      if (cutInValue.length + value.length !== ARM64_REG_HEX_DIGITS) return undefined;
      const joint = cutInValue ? h : `${h} `;
      return `${joint}${value}${tail[4]!.trimEnd()}`;
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
  if (j.endsIn !== undefined && !endsWithBeforeBlanks(text, j.endsIn)) return false;
  if (j.layoutRow === true && !mayBeLayoutRowHead(text)) return false;
  if (j.unlessWhole?.test(text) === true) return false;
  return (j.mayBeHead?.(text) ?? true) && j.head.test(text);
}

/**
 * The most characters a part of a wrapped line can have: printk keeps at most 1024 bytes of a record's text
 * (PRINTKRB_RECORD_MAX; LOG_LINE_MAX, 1024 less the prefix, before 5.10), and a wrap only cuts one. Longer text is no
 * head nor tail, which also bounds what the heads' and tails' regexes cost: several backtrack in quadratic time on a
 * long run of blanks (1.5–2 s for a line of 60 KB).
 */
const MAX_PART_CHARS = 1024;

/** The text may be the first part of a wrapped line. Cheap for ordinary text: one character test. */
export function mayContinue(text: string): boolean {
  const rows = joinsFor(text);
  if (rows === undefined || text.length > MAX_PART_CHARS) return false;
  for (const j of rows) if (headFits(j, text)) return true;
  return false;
}

/** A call trace frame, whole: `mod_timer+0x18/0x24`, `? foo+0x1/0x2 [mod]`, with anything after (` (P)`, a file). */
const FRAME_REST = new RegExp(String.raw`^\s*((?:\? )?${SYMBOL}(?: \S.*)?)\s*$`);

/**
 * A stamped line whose text a mail client moved whole to the next line (`[ 1039.677571][    C0] ` +
 * `wg_timers_any_authenticated_packet_traversal+0x68/0x8c`): the frame, as the kernel indents it.
 */
export function frameAfterEmptyStamp(next: string): string | undefined {
  if (next.length > MAX_PART_CHARS) return undefined;
  const m = FRAME_REST.exec(next);
  return m === null ? undefined : ` ${m[1]!}`;
}

/** The joined line when `next` is the wrapped rest of `head`, else undefined. */
export function joinWrapped(head: string, next: string): string | undefined {
  if (head.length > MAX_PART_CHARS || next.length > MAX_PART_CHARS) return undefined;
  for (const j of joinsFor(head) ?? []) {
    if (!headFits(j, head)) continue;
    const tail = j.tail.exec(next);
    const joined = tail ? j.join(head, tail) : undefined;
    if (joined !== undefined) return joined;
  }
  return undefined;
}
