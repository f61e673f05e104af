import type { PrefixFields } from './prefix-rules.js';
import { epochWallTime } from './prefix-wall-time.js';

/** The printk time prefix `[    1.234567] `; `takePrintkTime` is this regex and its rule's `take`, by hand. */
export const PRINTK_TIME = /^\[ *(\d+\.\d+)\] ?/;

/** Powers of ten as literals, each exact in a double. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Up to 15 digits the digits as an integer are exact in a double, and so is their quotient by a power of ten
 *  (one correctly rounded division): the same double as `Number` of the decimal text. */
const EXACT_DIGITS = 15;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const POINT = 0x2e;
const SPACE = 0x20;
const ZERO = 0x30;

/** A printk time prefix as readPrintkTime found it: the time, and where the text after the prefix starts. */
export interface PrintkTime {
  ts: number;
  rest: number;
}

/** readPrintkTime's answer, reused: no object per line. */
const found: PrintkTime = { ts: 0, rest: 0 };

/**
 * Reads `[ *\d+\.\d+\] ?` at the start of `text`, as PRINTK_TIME and its rule's `take` would: the time as `Number`
 * of its digits, and where the rest starts. Returns undefined when the text does not start with the prefix, else
 * an object that the next call overwrites. Every line of a printk log has one; the regex match and `Number` cost
 * more than the prefix is worth.
 */
export function readPrintkTime(text: string): Readonly<PrintkTime> | undefined {
  if (text.charCodeAt(0) !== OPEN) return undefined;
  // Each character is read once (`d`): a second read of a character cost more than the arithmetic.
  let i = 1;
  let c = text.charCodeAt(i);
  while (c === SPACE) c = text.charCodeAt(++i);
  const start = i;
  let digits = 0;
  let d = c - ZERO;
  while (d >= 0 && d <= 9) {
    digits = digits * 10 + d;
    d = text.charCodeAt(++i) - ZERO;
  }
  if (i === start || d !== POINT - ZERO) return undefined;
  const point = i;
  d = text.charCodeAt(++i) - ZERO;
  while (d >= 0 && d <= 9) {
    digits = digits * 10 + d;
    d = text.charCodeAt(++i) - ZERO;
  }
  const end = i;
  if (end === point + 1 || d !== CLOSE - ZERO) return undefined;
  i++;
  if (text.charCodeAt(i) === SPACE) i++;
  const digitCount = end - start - 1;
  found.ts = digitCount <= EXACT_DIGITS ? digits / POW10[end - point - 1]! : Number(text.slice(start, end));
  found.rest = i;
  return found;
}

/**
 * Strips `[ *\d+\.\d+\] ?` from the start of `text` and records the time in `into.ts` (when unset), as the printk
 * time rule does with PRINTK_TIME. Returns the rest of the text, or undefined when the text does not start with
 * the prefix.
 */
export function takePrintkTime(text: string, into: PrefixFields): string | undefined {
  const time = readPrintkTime(text);
  if (time === undefined) return undefined;
  if (mayBeEpochStamp(time.ts)) {
    const rest = time.rest;
    if (readPrintkTime(text.slice(rest)) !== undefined) return takeEpochStamp(text, rest, into);
  }
  into.ts ??= time.ts;
  const tagEnd = afterJournalKernelTag(text, time.rest);
  if (tagEnd < 0) return text.slice(time.rest);
  const host = journalHost(text, time.rest, tagEnd);
  if (host !== undefined) into.host ??= host;
  return text.slice(tagEnd);
}

/**
 * More seconds than any uptime (31 years), as many as every epoch time from 2001 to 2286: a time in this range before a
 * printk time is a capture stamp, tio's `--timestamp-format epoch` (`[1795942812.800] [   12.800010] …`).
 */
const EPOCH_SECONDS = 1e9;
const EPOCH_SECONDS_END = 1e10;

/** A time that may be tio's epoch stamp rather than a printk time (takePrintkTime then looks at what follows). */
export function mayBeEpochStamp(ts: number): boolean {
  return ts >= EPOCH_SECONDS && ts < EPOCH_SECONDS_END;
}

/** tio's epoch stamp, from the start of `text` to `rest`: the capture host's wall time, no printk time. */
function takeEpochStamp(text: string, rest: number, into: PrefixFields): string {
  const m = /^\[ *(\d+)\.(\d+)\]/.exec(text);
  if (m) into.wallTime ??= epochWallTime(m[1]!, m[2]);
  return text.slice(rest);
}

/** What `journalctl -o short-monotonic` puts between the time and a kernel message, after the host name. */
const KERNEL_TAG = ' kernel: ';
/** The tag alone, as `journalctl --no-hostname -o short-monotonic` prints it. */
const HOSTLESS_KERNEL_TAG = 'kernel: ';
/** Longer than any host name journalctl prints (HOST_NAME_MAX is 64). */
const MAX_HOST_CHARS = 64;

/**
 * `journalctl -k -o short-monotonic` prints `[   14.200024] honeycomb kernel: WARNING: ...`: the printk time, then
 * the host and the `kernel:` tag; with `--no-hostname`, `[   14.200024] kernel: WARNING: ...`. Where the message
 * starts after `host kernel: ` or `kernel: ` at `from`, or -1 when the text there is no single word followed by that
 * tag, nor the tag alone (a plain dmesg line). Every line of a printk log comes here.
 */
export function afterJournalKernelTag(text: string, from: number): number {
  // One char before the full test, as below.
  if (text.charCodeAt(from) === LOWER_K && text.startsWith(HOSTLESS_KERNEL_TAG, from)) return from + HOSTLESS_KERNEL_TAG.length;
  // A char loop over the first word, then one char before the full test: a call to indexOf and startsWith on
  // every line had cost 5 % of a storm log.
  const limit = Math.min(text.length, from + MAX_HOST_CHARS + 1);
  let space = from;
  while (space < limit && text.charCodeAt(space) !== SPACE) space++;
  if (space === from || space === limit || text.charCodeAt(space + 1) !== LOWER_K || !text.startsWith(KERNEL_TAG, space)) return -1;
  return space + KERNEL_TAG.length;
}

const LOWER_K = 0x6b;

/** The host before the tag that afterJournalKernelTag found, from `from` to `tagEnd`; undefined when there was none. */
export function journalHost(text: string, from: number, tagEnd: number): string | undefined {
  const end = tagEnd - KERNEL_TAG.length;
  return end > from ? text.slice(from, end) : undefined;
}
