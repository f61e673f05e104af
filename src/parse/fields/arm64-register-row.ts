import { hexSpanToBigInt, isLowerHexCode } from './hex-bigint.js';
import type { RegisterLine, RegisterValue } from './registers.js';

/** Digits of an arm64 register value. */
const VALUE_DIGITS = 16;
/** `x0`..`x99`: the names are taken from here, not cut from every line. */
const NAMES: readonly string[] = Array.from({ length: 100 }, (_, n) => `x${n}`);

const SPACE = 0x20;
const COLON = 0x3a;
const X = 0x78;

function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * A row of an arm64 register dump as `__show_regs` prints it, `x29: ffff800012343d30 x28: 0000000000000000 ...`,
 * read by hand: register rows are a fifth of every report, and the general reader's regexes were its costliest
 * part. Returns undefined for every other shape (tabs, other names, other widths, garbled values), which the
 * general reader in registers.ts then reads; on the rows this does read, the two agree (a property test checks).
 */
export function readArm64RegisterRow(text: string): RegisterLine | undefined {
  const regs: RegisterValue[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== X) return undefined;
    const first = digitAt(text, i + 1);
    if (first === -1) return undefined;
    const second = digitAt(text, i + 2);
    // `x05` is no name the kernel prints; the general reader keeps it as written.
    if (second !== -1 && first === 0) return undefined;
    let at = second === -1 ? i + 2 : i + 3;
    const name = NAMES[second === -1 ? first : first * 10 + second];
    while (text.charCodeAt(at) === SPACE) at++;
    if (text.charCodeAt(at) !== COLON || text.charCodeAt(at + 1) !== SPACE || name === undefined) return undefined;
    at += 2;
    while (text.charCodeAt(at) === SPACE) at++;
    const end = at + VALUE_DIGITS;
    if (end > text.length) return undefined;
    for (let k = at; k < end; k++) if (!isLowerHexCode(text.charCodeAt(k))) return undefined;
    regs.push({ name, value: hexSpanToBigInt(text, at, end) });
    i = end;
    if (i < text.length && text.charCodeAt(i) !== SPACE) return undefined;
    while (text.charCodeAt(i) === SPACE) i++;
  }
  return regs.length > 0 ? { regs, garbled: [] } : undefined;
}
