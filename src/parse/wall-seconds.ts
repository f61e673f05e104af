import { isDigitCode } from './fields/hex-bigint.js';

/** `2023-05-02T10:11:12`, with a fraction (`.` or dmesg's `,`) and a UTC offset or not; or year-omitted `--05-02T…`. */
const STAMP = /^(?:(\d{4})|-)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d(?:[.,]\d+)?)(Z|[+-]\d\d:?\d\d)?$/;

/**
 * Seconds of a wall-clock stamp (src/parse/prefix-wall-time.ts) on one scale: what tells how far apart two lines of a
 * log without printk times were printed. A stamp without an offset is taken as UTC and one without a year as in
 * 2000 (only differences within one log matter); one to the minute (`dmesg --reltime`'s `[Nov25 10:11]`) gives none,
 * as a report printed across a minute's turn would read as a minute long.
 */
export function wallSeconds(stamp: string): number | undefined {
  // A report's builder asks twice of each line (inTime, then keep), and a log's stamps share their minute.
  if (stamp === last.stamp) return last.seconds;
  last.stamp = stamp;
  last.seconds = minute.prefix !== '' && stamp.startsWith(minute.prefix) ? withinMinute(stamp) : parseStamp(stamp);
  return last.seconds;
}

/** The last stamp read and its seconds. */
const last: { stamp: string | undefined; seconds: number | undefined } = { stamp: undefined, seconds: undefined };
/** The stamp up to its seconds (`2023-05-02T10:11:`), the zone it had, and the seconds that minute starts at. */
const minute = { prefix: '', zone: undefined as string | undefined, start: 0 };
const SECONDS_AND_ZONE = /^(\d\d(?:[.,]\d+)?)(Z|[+-]\d\d:?\d\d)?$/;

function withinMinute(stamp: string): number | undefined {
  if (minute.zone === undefined && isPlainSeconds(stamp, minute.prefix.length)) return minute.start + Number(stamp.slice(minute.prefix.length));
  const m = SECONDS_AND_ZONE.exec(stamp.slice(minute.prefix.length));
  if (m === null || m[2] !== minute.zone) return parseStamp(stamp);
  return minute.start + Number(m[1]!.replace(',', '.'));
}

/** `stamp` from `at` is `ss` or `ss.ffffff` and nothing more (what Number then reads exactly). */
function isPlainSeconds(stamp: string, at: number): boolean {
  const n = stamp.length - at;
  if (n < 2 || n === 3 || !isDigitCode(stamp.charCodeAt(at)) || !isDigitCode(stamp.charCodeAt(at + 1))) return false;
  if (n === 2) return true;
  if (stamp.charCodeAt(at + 2) !== DOT) return false;
  for (let i = at + 3; i < stamp.length; i++) if (!isDigitCode(stamp.charCodeAt(i))) return false;
  return true;
}

const DOT = 0x2e;

function parseStamp(stamp: string): number | undefined {
  const m = STAMP.exec(stamp);
  if (m === null) return undefined;
  const [, year = '2000', month, day, hour, minutes, seconds, zone] = m;
  const offsetMinutes = zone === undefined || zone === 'Z' ? 0 : zoneMinutes(zone);
  const utcMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minutes));
  minute.prefix = stamp.slice(0, stamp.indexOf('T') + 7);
  minute.zone = zone;
  minute.start = utcMs / 1000 - offsetMinutes * 60;
  return minute.start + Number(seconds!.replace(',', '.'));
}

/** A UTC offset (`+02:00`, `-0500`) in minutes. */
export function zoneMinutes(zone: string): number {
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return zone.startsWith('-') ? -minutes : minutes;
}
