import type { LogRecord } from './types.js';
import { stripAnsi } from './prefix-ansi.js';
import { PREFIX_RULES } from './prefix-rules.js';
import { byFirstChar } from '../util/first-char-table.js';
import { afterBlanks, isBlankCode } from '../util/blanks.js';
import { afterJournalKernelTag, journalHost, mayBeEpochStamp, readPrintkTime, takePrintkTime } from './prefix-printk-time.js';
import { checkArgument } from '../util/check-argument.js';
import { isDigitCode } from './fields/hex-bigint.js';

/** A physical line with every transport prefix removed, and what the prefixes said. */
export type StrippedLine = Pick<LogRecord, 'text' | 'ts' | 'wallTime' | 'level' | 'caller' | 'host' | 'fromDmesg' | 'foreign'>;

/** Looked up twice for every line: by table, where a Map's hashing had been half of stripPrefixes' own time. */
const rulesFor = byFirstChar(PREFIX_RULES, 'prefix rules');

/** The rules a text may still match after a printk time. */
const rulesAfterPrintkTime = byFirstChar(PREFIX_RULES.filter((rule) => rule.neverAfterPrintkTime !== true), 'prefix rules after a printk time');

/** The printk time is the rule tried first on a `[`: what the shortcut in stripPrefixes relies on. */
const PRINTK_TIME_FIRST = rulesFor(0x5b)?.[0]?.strip === takePrintkTime;

/**
 * stripPrefixes of the commonest line by far, `[    1.234567] message` with no escape and nothing left to strip after
 * the time, made as one object of two fields; undefined for every other line. The general path adds the time to
 * `{ text }` after the fact, a second allocation for its field, and looks the rules up twice.
 */
function onlyPrintkTime(line: string): StrippedLine | undefined {
  if (!PRINTK_TIME_FIRST) return undefined;
  const time = readPrintkTime(line);
  if (time === undefined) return undefined;
  // An epoch-range time may be tio's stamp before a printk time, which only the rule reads (takePrintkTime).
  if (line.includes('\x1b') || mayBeEpochStamp(time.ts)) return undefined;
  const ts = time.ts;
  const tagEnd = afterJournalKernelTag(line, time.rest);
  let start = tagEnd < 0 ? time.rest : tagEnd;
  // The caller id (5.1+) that follows the time on every line of a kernel built with CONFIG_PRINTK_CALLER.
  const caller = readCallerId(line, start) ? line.slice(CALLER_ID.idStart, CALLER_ID.idEnd) : undefined;
  if (caller !== undefined) start = CALLER_ID.rest;
  const next = line.charCodeAt(start);
  const text = line.slice(start);
  // A blank has a rule of its own (indentation before a stamp), which a call trace frame's blank never needs.
  if (isBlankCode(next) ? mayBeIndentedStamp(line, start + 1) : rulesAfterPrintkTime(next) !== undefined && stripsMore(text)) {
    return undefined;
  }
  const host = tagEnd < 0 ? undefined : journalHost(line, time.rest, tagEnd);
  if (caller === undefined) return host === undefined ? { text, ts } : { text, ts, host };
  return host === undefined ? { text, ts, caller } : { text, ts, host, caller };
}

/** Where readCallerId found the id and the text after it; one object, reused (the per-line path allocates nothing). */
const CALLER_ID = { idStart: 0, idEnd: 0, rest: 0 };
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;
const CAPITAL_T = 0x54;
const CAPITAL_C = 0x43;

/**
 * A printk caller id at `at`, `[  T123] ` or `[    C1]`, as the caller-id rule (prefix-rules.ts) reads it: without
 * this, every line of a kernel with CONFIG_PRINTK_CALLER went rule by rule, allocating at each rule it tried (a log of
 * 64 CPUs' interleaved WARNINGs had six times the scavenges of the bench's storm log).
 */
function readCallerId(line: string, at: number): boolean {
  if (line.charCodeAt(at) !== OPEN_BRACKET) return false;
  let i = at + 1;
  while (line.charCodeAt(i) === SPACE) i++;
  const kind = line.charCodeAt(i);
  if (kind !== CAPITAL_T && kind !== CAPITAL_C) return false;
  const idStart = i++;
  const digits = i;
  while (isDigitCode(line.charCodeAt(i))) i++;
  if (i === digits || line.charCodeAt(i) !== CLOSE_BRACKET) return false;
  CALLER_ID.idStart = idStart;
  CALLER_ID.idEnd = i++;
  CALLER_ID.rest = line.charCodeAt(i) === SPACE ? i + 1 : i;
  return true;
}

/**
 * A rule strips more off the text after a printk time. Most lines whose first letter starts some rule match none
 * (`WARNING:` is no weekday, `Modules linked in:` no month, `---[ end trace` no LAVA line): 9 % of the lines of a
 * storm had gone the general way for their first letter alone.
 */
function stripsMore(text: string): boolean {
  return stripOne(text, { text: '' }, false, true) !== undefined;
}
/**
 * Blanks from `at` and then `[` or `<`, where the indentation rule may match, or `(`, where MediaTek's task prefix may
 * (see prefix-rules.ts).
 */
function mayBeIndentedStamp(line: string, at: number): boolean {
  const c = line.charCodeAt(afterBlanks(line, at));
  return c === 0x5b || c === 0x3c || c === 0x28;
}

/** What stripOne took: its rest, and whether the rule was the printk time's. */
interface Stripped {
  rest: string;
  printkTime: boolean;
}

/** The first rule that strips something off `text`; after a printk time, only the rules that may follow one. */
function stripOne(text: string, into: StrippedLine, quotingOnly: boolean, afterPrintkTime: boolean): Stripped | undefined {
  const code = text.charCodeAt(0);
  const rules = afterPrintkTime ? rulesAfterPrintkTime(code) : rulesFor(code);
  if (!rules) return undefined;
  for (const rule of rules) {
    if (quotingOnly && !rule.quoting) continue;
    let rest: string | undefined;
    if (rule.strip) {
      rest = rule.strip(text, into);
    } else {
      const m = rule.re.exec(text);
      if (!m) continue;
      rest = rule.take(m, into);
    }
    // Every prefix is at least one character, so the loop in stripToFixpoint ends.
    if (rest !== undefined && rest.length < text.length) return { rest, printkTime: rule.strip === takePrintkTime };
  }
  return undefined;
}

/**
 * Strips rule after rule until none applies. Once a printk time is off, a stamp that only ever starts a line is
 * message text, as onlyPrintkTime leaves it: `[ 1.0] Okt 27 …` and `[ 1.0] GJan 10 …` had come out differently,
 * as 'O' starts other rules and 'G' none.
 */
function stripToFixpoint(line: string, into: StrippedLine, quotingOnly: boolean): string {
  let text = stripAnsi(line);
  let afterPrintkTime = false;
  for (let next = stripOne(text, into, quotingOnly, false); next !== undefined; next = stripOne(text, into, quotingOnly, afterPrintkTime)) {
    text = next.rest;
    afterPrintkTime ||= next.printkTime;
  }
  return text;
}

/**
 * Strips transport prefixes (printk time, level, caller id, dmesg/syslog/journal/kmsg/LAVA headers, mail quoting,
 * ANSI escapes) until none is left, so stripping `.text` again changes nothing, with one exception: a stamp that
 * only ever starts a line (`neverAfterPrintkTime`: a syslog month in another locale, logcat's) is kept after a
 * printk time, where it is message text, and stripped from the same text on its own. A kernel message's own brackets
 * (`[drm]`, `[<ffff000008081234>]`, `[ cut here ]`) match no rule and stay.
 */
export function stripPrefixes(line: string): StrippedLine {
  checkArgument(typeof line === 'string', 'stripPrefixes', 'line', 'a string (one line of the log)', line);
  return stripPrefixesUnchecked(line);
}

/** `stripPrefixes` without the check of its argument: the per-line path's, whose lines are strings. */
export function stripPrefixesUnchecked(line: string): StrippedLine {
  return stripPrintkTimeOnly(line) ?? stripByRules(line);
}

/**
 * `stripPrefixesUnchecked` of the commonest line, `[    1.234567] message` with nothing else to strip, in one step;
 * undefined for every other line. Its text never holds a newline: only a rule that decodes (kmsg, journal, rsyslog)
 * can put one there, which RecordAssembler then asks about the other lines alone.
 */
export function stripPrintkTimeOnly(line: string): StrippedLine | undefined {
  return onlyPrintkTime(line);
}

/** `stripPrefixesUnchecked` of a line `stripPrintkTimeOnly` did not take: rule after rule. */
export function stripByRules(line: string): StrippedLine {
  const out: StrippedLine = { text: '' };
  out.text = stripToFixpoint(line, out, false);
  return out;
}

/** The line with only ANSI escapes and mail quoting removed: what is left of a line that carried no stamp. */
export function stripQuoting(line: string): string {
  return stripToFixpoint(line, { text: '' }, true);
}
