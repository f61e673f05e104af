import { zoneMinutes } from '../parse/wall-seconds.js';

/**
 * Orders the wall-clock stamps logs print (src/parse/prefix-wall-time.ts, prefix-rules.ts): ISO-8601 with or without
 * a UTC offset, `dmesg --time-format iso`'s comma before the fraction, and the year-omitted `--MM-DDThh:mm:ss`.
 * A stamp with an offset sorts by its instant (10:11:12+02:00 is before 09:00:00Z); one without is taken as UTC,
 * since the log does not say its zone; a year-omitted stamp sorts before every dated one. The key is a total order,
 * so merging summaries stays associative and commutative.
 */
const DATED = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(:\d\d(?:[.,]\d+)?)?(Z|[+-]\d\d:?\d\d)?$/;

export function wallTimeKey(stamp: string): string {
  const m = DATED.exec(stamp);
  if (m === null) return stamp.replace(',', '.');
  const [, year, month, day, hour, minute, seconds = '', zone] = m;
  const offsetMinutes = zone === undefined || zone === 'Z' ? 0 : zoneMinutes(zone);
  // Offsets are whole minutes: the seconds and their fraction stay as printed, to the last digit.
  const utcMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)) - offsetMinutes * 60_000;
  return `${new Date(utcMs).toISOString().slice(0, 16)}${seconds.replace(',', '.')}`;
}

/** The earlier of two stamps by wallTimeKey (either may be missing); on equal keys, the smaller string. */
export function earliestWallTime(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return compare(a, b) <= 0 ? a : b;
}

/** The later of two stamps by wallTimeKey (either may be missing); on equal keys, the larger string. */
export function latestWallTime(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return compare(a, b) >= 0 ? a : b;
}

function compare(a: string, b: string): number {
  const ka = wallTimeKey(a);
  const kb = wallTimeKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
