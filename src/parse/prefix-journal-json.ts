import type { PrefixFields } from './prefix-rules.js';
import { stripAnsi } from './prefix-ansi.js';
import { epochMsIso } from './prefix-wall-time.js';

interface JournalEntry {
  MESSAGE?: unknown;
  _TRANSPORT?: unknown;
  SYSLOG_IDENTIFIER?: unknown;
  _HOSTNAME?: unknown;
  _SOURCE_MONOTONIC_TIMESTAMP?: unknown;
  __REALTIME_TIMESTAMP?: unknown;
}

/** A line that is one JSON object with a MESSAGE key (journalctl spaces the separators in some versions). */
export const JOURNAL_JSON_LINE = /^\{(?=.*"MESSAGE"\s*:).*\}\s*$/;
const MESSAGE_KEY = /"MESSAGE"\s*:/;
/** What `.` does not match. A physical line holds no LF, but the text after an outer prefix may (kmsg's `\x0a`). */
const DOT_EXCLUDES = /[\n\r\u2028\u2029]/;

/**
 * `takeJournalJson` of a line JOURNAL_JSON_LINE matches, undefined for any other: the regex in three cheap steps
 * (it ran its lookahead and then `.*` over every entry of a report, 0.19 s of 2.2 s on a journal export of a storm
 * log). Without a line terminator in the text its `.` matches every character, so it asks for `"MESSAGE"` and a colon
 * after the `{`, and a `}` at the end before trailing blanks (`\s` and `trimEnd` take the same characters).
 */
export function stripJournalJson(text: string, into: PrefixFields): string | undefined {
  if (DOT_EXCLUDES.test(text)) return JOURNAL_JSON_LINE.test(text) ? takeJournalJson(text, into) : undefined;
  if (text.charCodeAt(0) !== 0x7b || !MESSAGE_KEY.test(text)) return undefined;
  const trimmed = text.trimEnd();
  if (trimmed.length < 2 || trimmed.charCodeAt(trimmed.length - 1) !== 0x7d) return undefined;
  return takeJournalJson(text, into);
}

/**
 * One `journalctl -o json` entry per line: the message, with the monotonic time (µs since boot, what printk stamps
 * would show) and the host. An entry is user space when its `_TRANSPORT`, or without one its `SYSLOG_IDENTIFIER`, is
 * not the kernel's (journalEntryIsForeign). A MESSAGE journald could not store as text comes as an array of bytes.
 * Returns undefined when the line is no such entry (then it is left alone).
 */
export function takeJournalJson(line: string, into: PrefixFields): string | undefined {
  let entry: JournalEntry;
  try {
    entry = JSON.parse(line) as JournalEntry;
  } catch {
    return undefined;
  }
  if (entry === null || typeof entry !== 'object' || !('MESSAGE' in entry)) return undefined;
  const message = messageText(entry.MESSAGE);
  if (message === undefined) return undefined;
  const monotonicUs = Number(entry._SOURCE_MONOTONIC_TIMESTAMP);
  if (typeof entry._SOURCE_MONOTONIC_TIMESTAMP === 'string' && Number.isFinite(monotonicUs)) into.ts ??= monotonicUs / 1e6;
  const realtimeUs = Number(entry.__REALTIME_TIMESTAMP);
  if (typeof entry.__REALTIME_TIMESTAMP === 'string' && Number.isFinite(realtimeUs)) {
    into.wallTime ??= epochMsIso(Math.floor(realtimeUs / 1000));
  }
  if (typeof entry._HOSTNAME === 'string') into.host ??= entry._HOSTNAME;
  if (journalEntryIsForeign(entry)) into.foreign = true;
  return stripAnsi(message);
}

/**
 * Whether an entry says it is not the kernel's: `_TRANSPORT` other than `kernel`, or, without one, a
 * `SYSLOG_IDENTIFIER` other than `kernel`. An entry with neither (`journalctl -o json --output-fields=MESSAGE,PRIORITY`)
 * says nothing and is read as the kernel's, as a line of `-o cat` is.
 */
function journalEntryIsForeign(entry: JournalEntry): boolean {
  if (entry._TRANSPORT !== undefined) return entry._TRANSPORT !== 'kernel';
  return entry.SYSLOG_IDENTIFIER !== undefined && entry.SYSLOG_IDENTIFIER !== 'kernel';
}

function messageText(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && message.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    return Buffer.from(message as number[]).toString('utf8');
  }
  return undefined;
}
