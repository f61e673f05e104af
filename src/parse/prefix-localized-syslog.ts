import type { PrefixFields, PrefixRule } from './prefix-rules.js';
import { SYSLOG_HOST, SYSLOG_TAG, takeHostAndTag, takePriorityName, textAfter } from './prefix-syslog-parts.js';
import { isDigitCode } from './fields/hex-bigint.js';

/**
 * journalctl and syslog print the month in the reader's locale: `июл 27 14:08:04 host kernel: `, `Okt`, `juil.`,
 * `7月`, `11月`. The English names have a rule of their own, which gives the wall time; here the month's number is unknown,
 * so no wall time is kept.
 */
const LOCALIZED = new RegExp(
  // A month of one or two digits and its sign (`7月`, `11月`, `10월`), or a word.
  // `kernel: ` alone after `journalctl --no-hostname`, as in SYSLOG_HOST_AND_TAG.
  String.raw`^(?:\d{1,2}\p{L}|\p{L}[\p{L}.]{1,5}) [ \d]?\d \d\d:\d\d:\d\d(?:\.\d+)? (?:${SYSLOG_HOST} (?:[a-z]+\.([a-z]+) )?${SYSLOG_TAG}|kernel: ?)`,
  'u',
);

const SPACE = 0x20;

/** The shape `<month> <day> <hh>:` read by hand: the regex runs on no line without it (most lines of a report). */
function mayBeStamp(text: string): boolean {
  const space = text.indexOf(' ');
  if (space < 2 || space > 6) return false;
  let i = space + 1;
  if (text.charCodeAt(i) === SPACE) i++;
  if (!isDigitCode(text.charCodeAt(i))) return false;
  i++;
  if (isDigitCode(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === SPACE && isDigitCode(text.charCodeAt(i + 1)) && isDigitCode(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 0x3a;
}

function take(m: RegExpExecArray, into: PrefixFields): string {
  takePriorityName(m[2], into);
  takeHostAndTag(m[1], m[3], into);
  return textAfter(m);
}

const LETTERS_AND_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const LOCALIZED_SYSLOG_STAMP: PrefixRule = {
  name: 'syslog / journal short, month in another locale `июл 27 14:08:04 host kernel: `',
  firstChars: LETTERS_AND_DIGITS,
  nonAsciiFirst: true,
  neverAfterPrintkTime: true,
  re: LOCALIZED,
  take,
  strip: (text, into) => {
    if (!mayBeStamp(text)) return undefined;
    const m = LOCALIZED.exec(text);
    return m ? take(m, into) : undefined;
  },
};
