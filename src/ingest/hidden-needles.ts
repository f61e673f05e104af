/** How much of an input's start is looked at for wrappers that hide the needles. */
export const HEAD_BYTES = 64 * 1024;

const JOURNAL_FIELD = Buffer.from('"MESSAGE"', 'latin1');
const LF = 0x0a;
const OPEN_BRACE = 0x7b;

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
function looksLikeLogcat(view: Buffer): boolean {
  return LOGCAT_LINE.test(view.toString('latin1'));
}

/** What hides needles from the fast path, which looks for them in the raw bytes (needleWrapper). */
export type NeedleWrapper = 'journal' | 'logcat';

/**
 * Needles that find the journal entries whose MESSAGE journald could not store as text (control bytes, such as colour
 * codes, or bytes that are no UTF-8): `journalctl -o json` prints it as an array of bytes, which hides any needle.
 * A MESSAGE that is a string keeps its needles in plain sight (JSON escapes none of their characters). Spaced as
 * journalctl, as some versions space it, and as Python's json.dumps.
 */
export const JOURNAL_BYTES_NEEDLES: readonly string[] = ['"MESSAGE":[', '"MESSAGE": [', '"MESSAGE" : [', '"MESSAGE" :['];

/**
 * The wrapper the start of an input shows that hides needles from the fast path:
 * - journal entries (`journalctl -o json`), whose MESSAGE may be an array of bytes: the fast path also looks for
 *   JOURNAL_BYTES_NEEDLES;
 * - Android logcat, whose tag column takes a kernel line's leading `word:` apart (looksLikeLogcat): every line must be
 *   decoded and read, where the wrapper comes off.
 * Decided once, on the input's first bytes: as needles these cost every plain log 3–4 % each.
 */
export function needleWrapper(head: Buffer): NeedleWrapper | undefined {
  const view = head.length > HEAD_BYTES ? head.subarray(0, HEAD_BYTES) : head;
  if (looksLikeLogcat(view)) return 'logcat';
  let start = 0;
  // A json-seq record separator (0x1e) may come before the entry.
  while (start < view.length && (view[start] === 0x20 || view[start] === 0x09 || view[start] === 0x0d || view[start] === LF || view[start] === 0x1e)) start++;
  if (view[start] !== OPEN_BRACE) return undefined;
  const end = view.indexOf(LF, start);
  const firstLine = view.subarray(start, end === -1 ? view.length : end);
  return firstLine.indexOf(JOURNAL_FIELD) !== -1 ? 'journal' : undefined;
}

/** Whether the start of an input shows a wrapper that hides needles (needleWrapper). */
export function hidesNeedles(head: Buffer): boolean {
  return needleWrapper(head) !== undefined;
}
