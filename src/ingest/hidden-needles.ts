import { ANSI_ESCAPE_IN_LINES } from '../util/ansi-escape-pattern.js';

/** How much of an input's start is looked at for wrappers that hide the needles. */
export const HEAD_BYTES = 64 * 1024;

/** A `journalctl -o json` entry on any line of the head (after a json-seq record separator too). */
const JOURNAL_ENTRY = /^[\x1e \t\r]*\{.*"MESSAGE"\s*:/m;
/** An entry's host. */
const JOURNAL_HOST = /"_HOSTNAME"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g;

/**
 * logcat's time with its `-v` modifiers (year, usec, nsec, zone; epoch and monotonic seconds), then a space: as
 * LOGCAT_TIME of parse/prefix-capture-stamps.ts, loosely.
 */
const LOGCAT_TIME = String.raw`(?:(?:\d{4}-)?\d\d-\d\d \d\d:\d\d:\d\d\.\d{3,9}(?: [+-]\d{4})?| *\d+\.\d{3,9}) `;

/**
 * A line of `logcat -v threadtime` (a user before the pid with `-v uid`), or of `-v time` and `-v brief`, anywhere in
 * the text: a bug report or a capture may hold a header of any length before its logcat lines.
 */
const LOGCAT_LINE = new RegExp(
  String.raw`^(?:${LOGCAT_TIME} *(?:(?:[a-z_][\w.-]*|\d+) +)?\d+ +\d+ [VDIWEFA] |(?:${LOGCAT_TIME})?[VDIWEFA]\/[^(\n]{0,64}\((?: *[\w.-]+:)? *\d+\): )`,
  'm',
);

/**
 * logd splits a kernel line's leading `word:` off as its tag and prints the tag padded, or before `(pid)`:
 * `Memory  : 8053000K/…`, `W/Machine model(    0): …`. The needles `Memory:` and `Machine model:` are then not in
 * the bytes, only in the text once the prefix is stripped. Any line of the head tells (one regex over it, 50 µs).
 */
function looksLikeLogcat(text: string): boolean {
  return LOGCAT_LINE.test(text);
}

/**
 * Needles the fast path also looks for in journal entries:
 * - a MESSAGE journald could not store as text (control bytes, such as colour codes, or bytes that are no UTF-8):
 *   `journalctl -o json` prints it as an array of bytes, which hides any needle; spaced as journalctl, as some
 *   versions space it, and as Python's json.dumps;
 * - a rule of `=`, the opener of KASAN and lockdep reports, which the fast path finds in a line ending in `==`
 *   (LineFeeder), where a journal line ends in `"}`.
 * Otherwise JSON leaves a needle in plain sight: it escapes none of their characters. Other tools than journalctl
 * may escape characters inside a MESSAGE that is a string (`\u001b` for a colour code, `\/`), which may then stand
 * between a needle's characters: a head that shows such an escape is read line by line (headReading). As needles
 * they cost more than they find: journal lines are full of digits, and each window of `\u001b` holds two.
 */
export const JOURNAL_NEEDLES: readonly string[] = ['"MESSAGE":[', '"MESSAGE": [', '"MESSAGE" : [', '"MESSAGE" :[', '===='];

/** An escape inside a JSON string that may split a needle (JOURNAL_NEEDLES). */
const JSON_ESCAPE_IN_NEEDLE = /\\(?:u001[bB]|\/)/;

/** How the fast path reads an input, from the wrappers its start shows (headReading). */
export interface HeadReading {
  /** Every line decoded and read, where the wrapper comes off. */
  everyLine: boolean;
  /** Needles to look for besides the analyzer's. */
  moreNeedles?: readonly string[];
}

/**
 * How the fast path, which looks for needles in the raw bytes, must read an input whose start is `head` (colour codes
 * taken off, as AnsiStripper takes them off the input):
 * - Android logcat, whose tag column takes a kernel line's leading `word:` apart (looksLikeLogcat): every line;
 * - journal entries (`journalctl -o json`) of one host: JOURNAL_NEEDLES besides the analyzer's;
 * - entries of several hosts: every line, so that the analysis sees where one host's lines follow another's
 *   (HostRuns), as it did when every journal was read so; and entries whose strings escape a colour code or `/`.
 * Decided once, on the input's first bytes: as needles these cost every plain log 3–4 % each.
 */
export function headReading(head: Buffer): HeadReading {
  const view = head.length > HEAD_BYTES ? head.subarray(0, HEAD_BYTES) : head;
  const raw = view.toString('latin1');
  const text = raw.includes('\x1b') ? raw.replace(ANSI_ESCAPE_IN_LINES, '') : raw;
  if (looksLikeLogcat(text)) return { everyLine: true };
  if (!JOURNAL_ENTRY.test(text)) return { everyLine: false };
  if (JSON_ESCAPE_IN_NEEDLE.test(text)) return { everyLine: true };
  const hosts = new Set<string>();
  for (const m of text.matchAll(JOURNAL_HOST)) {
    hosts.add(m[1]!);
    if (hosts.size > 1) return { everyLine: true };
  }
  return { everyLine: false, moreNeedles: JOURNAL_NEEDLES };
}

/** Whether the start of an input shows a wrapper that hides needles (headReading). */
export function hidesNeedles(head: Buffer): boolean {
  const reading = headReading(head);
  return reading.everyLine || reading.moreNeedles !== undefined;
}
