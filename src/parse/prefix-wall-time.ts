/** Wall-clock stamps as ISO-8601 strings. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Regex alternation of the English month abbreviations syslog, journalctl and dmesg print. */
export const MONTH_NAMES = MONTHS.join('|');

/** The letters a month name can start with: a prefix rule's cheap first-character check. */
export const MONTH_INITIALS = [...new Set(MONTHS.map((m) => m[0]))].join('');

function twoDigits(value: string): string {
  return value.trim().padStart(2, '0');
}

function monthNumber(name: string): string {
  return String(MONTHS.indexOf(name as (typeof MONTHS)[number]) + 1).padStart(2, '0');
}

/**
 * A stamp without a year (RFC 3164 syslog, journalctl short, dmesg --reltime) in the ISO-8601 year-omitted form
 * `--MM-DDThh:mm:ss`: the log does not say the year and guessing one would be wrong across New Year.
 */
export function yearlessWallTime(month: string, day: string, time: string): string {
  return `--${monthNumber(month)}-${twoDigits(day)}T${time}`;
}

/** A stamp with its year, as `dmesg -T` prints it (`Tue May  2 10:11:12 2023`). */
export function datedWallTime(year: string, month: string, day: string, time: string): string {
  return `${year}-${monthNumber(month)}-${twoDigits(day)}T${time}`;
}

/** The time values a Date holds: ms either side of the epoch (ECMAScript's range); outside it toISOString throws. */
const MAX_DATE_MS = 8.64e15;
/** The last second epochMsIso wrote, and its stamp up to the fraction (`2023-01-10T10:00:00.`). */
const lastSecond = { at: Number.NaN, stamp: '' };

/**
 * `new Date(time).toISOString()` of a time in ms since the epoch; undefined outside the range a Date holds (a
 * journal entry's `__REALTIME_TIMESTAMP` of 10^23 µs had stopped the read). A journal's entries come many to the
 * second: the stamp up to the second is made once for them all.
 */
export function epochMsIso(time: number): string | undefined {
  if (!(Math.abs(time) <= MAX_DATE_MS)) return undefined;
  // A Date drops a fraction of a ms toward zero (TimeClip).
  const ms = Math.trunc(time);
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond.at) {
    const iso = new Date(second * 1000).toISOString();
    lastSecond.at = second;
    lastSecond.stamp = iso.slice(0, iso.length - 'mmmZ'.length);
  }
  return `${lastSecond.stamp}${String(ms - second * 1000).padStart(3, '0')}Z`;
}

/**
 * Seconds since the epoch (journalctl -o short-unix, `ts '%.s'`, logcat epoch) as an ISO-8601 UTC stamp, the printed
 * fraction kept; undefined past the range a Date holds (a logcat stamp of 13 digits' seconds had stopped the read).
 */
export function epochWallTime(seconds: string, fraction?: string): string | undefined {
  const stamp = epochMsIso(Number(seconds) * 1000);
  return stamp === undefined ? undefined : `${stamp.slice(0, stamp.length - '.mmmZ'.length)}${fraction === undefined ? '' : `.${fraction}`}Z`;
}
