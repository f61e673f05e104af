import { lowerHexValue, wordToBigInt } from './hex-bigint.js';
import type { RegisterLine, RegisterValue } from './registers.js';

/** Digits of an arm64 register value, and of each of its 32-bit halves. */
const VALUE_DIGITS = 16;
const HALF_DIGITS = 8;
/** `x0`..`x99`: the names are taken from here, not cut from every line. */
const NAMES: readonly string[] = Array.from({ length: 100 }, (_, n) => `x${n}`);

const SPACE = 0x20;
const COLON = 0x3a;
const X = 0x78;

/** What the last scanArm64RegisterRow found, pair by pair: the name's number and the value's two 32-bit halves. */
const rowNames: number[] = [];
const rowHighs: number[] = [];
const rowLows: number[] = [];

function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The value of the 8 digits at `at` when all are `0-9a-f`, else a negative number. */
function halfAt(text: string, at: number): number {
  let value = 0;
  let bad = 0;
  for (let k = at; k < at + HALF_DIGITS; k++) {
    const d = lowerHexValue(text.charCodeAt(k));
    bad |= d;
    value = value * 16 + d;
  }
  return bad < 0 ? -1 : value;
}

/**
 * How many pairs the row `text` holds when it is an arm64 row as `__show_regs` prints it, else 0. The pairs are
 * left in rowNames/rowHighs/rowLows: the row is walked once, its digits read as they are checked, and nothing is
 * allocated before it is known to be a row.
 */
function scanArm64RegisterRow(text: string): number {
  let count = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== X) return 0;
    const first = digitAt(text, i + 1);
    if (first === -1) return 0;
    const second = digitAt(text, i + 2);
    // `x05` is no name the kernel prints; the general reader keeps it as written.
    if (second !== -1 && first === 0) return 0;
    let at = second === -1 ? i + 2 : i + 3;
    while (text.charCodeAt(at) === SPACE) at++;
    if (text.charCodeAt(at) !== COLON || text.charCodeAt(at + 1) !== SPACE) return 0;
    at += 2;
    while (text.charCodeAt(at) === SPACE) at++;
    const end = at + VALUE_DIGITS;
    if (end > text.length) return 0;
    const high = halfAt(text, at);
    const low = halfAt(text, at + HALF_DIGITS);
    if (high < 0 || low < 0) return 0;
    rowNames[count] = second === -1 ? first : first * 10 + second;
    rowHighs[count] = high;
    rowLows[count] = low;
    count++;
    i = end;
    if (i < text.length && text.charCodeAt(i) !== SPACE) return 0;
    while (text.charCodeAt(i) === SPACE) i++;
  }
  return count;
}

/** The text scanArm64RegisterRow read last and its answer, which rowNames/rowHighs/rowLows still hold. */
let scannedText: string | undefined;
let scannedCount = 0;

/**
 * scanArm64RegisterRow, the answer kept for the same text asked again: the line wrapper, the needle screen and the
 * register store all ask about each row, one after the other. Every other line is told by its first character,
 * without touching what is kept.
 */
function scanOnce(text: string): number {
  if (text.charCodeAt(0) !== X) return 0;
  if (text !== scannedText) {
    scannedCount = scanArm64RegisterRow(text);
    scannedText = text;
  }
  return scannedCount;
}

/**
 * `text` is a whole arm64 register row as `__show_regs` prints it (see readArm64RegisterRow): `x`, decimal digits,
 * `:`, lowercase hex digits and spaces, nothing else. Read once for the callers that ask in turn about one row.
 */
export function isArm64RegisterRow(text: string): boolean {
  return scanOnce(text) > 0;
}

/**
 * A row of an arm64 register dump as `__show_regs` prints it, `x29: ffff800012343d30 x28: 0000000000000000 ...`,
 * read by hand: register rows are a fifth of every report, and the general reader's regexes were its costliest
 * part. Returns undefined for every other shape (tabs, other names, other widths, garbled values), which the
 * general reader in registers.ts then reads; on the rows this does read, the two agree (a property test checks).
 */
export function readArm64RegisterRow(text: string): RegisterLine | undefined {
  const count = scanOnce(text);
  if (count === 0) return undefined;
  const regs: RegisterValue[] = [];
  for (let p = 0; p < count; p++) {
    regs.push({ name: NAMES[rowNames[p]!]!, value: wordToBigInt(rowHighs[p]!, rowLows[p]!) });
  }
  return { regs, garbled: [] };
}

/** Called with a register's name, the value kept and the other value a row gave it. */
export type RegisterConflict = (name: string, kept: bigint, other: bigint) => void;

/**
 * readArm64RegisterRow straight into a dump's registers: each value whose name `regs` lacks is added, in row order
 * (the first value of a name wins; `onConflict` hears of another value). True when `text` is such a row; false, with
 * `regs` untouched, when it is not. The row's objects and the values of names already read are never made: this is
 * most of a storm's lines.
 */
export function storeArm64RegisterRow(text: string, regs: Map<string, bigint>, onConflict?: RegisterConflict): boolean {
  const count = scanOnce(text);
  for (let p = 0; p < count; p++) {
    const name = NAMES[rowNames[p]!]!;
    const kept = regs.get(name);
    if (kept === undefined) regs.set(name, wordToBigInt(rowHighs[p]!, rowLows[p]!));
    else if (onConflict !== undefined) {
      const other = wordToBigInt(rowHighs[p]!, rowLows[p]!);
      if (other !== kept) onConflict(name, kept, other);
    }
  }
  return count > 0;
}
