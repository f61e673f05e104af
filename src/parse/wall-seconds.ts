/** The seconds, with a fraction (`.` or dmesg's `,`) or not, and a UTC offset or not: the end of every stamp. */
const SECONDS_AND_ZONE_SOURCE = String.raw`(\d\d(?:[.,]\d+)?)(Z|[+-]\d\d:?\d\d)?$`;
/** `2023-05-02T10:11:12` and SECONDS_AND_ZONE_SOURCE's end; or year-omitted `--05-02T…`. */
const STAMP = new RegExp(String.raw`^(?:(\d{4})|-)-(\d\d)-(\d\d)T(\d\d):(\d\d):${SECONDS_AND_ZONE_SOURCE}`);
const SECONDS_AND_ZONE = new RegExp(`^${SECONDS_AND_ZONE_SOURCE}`);

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

function withinMinute(stamp: string): number | undefined {
  const m = SECONDS_AND_ZONE.exec(stamp.slice(minute.prefix.length));
  if (m === null || m[2] !== minute.zone) return parseStamp(stamp);
  return minute.start + secondsOf(m[1]!);
}

function parseStamp(stamp: string): number | undefined {
  const m = STAMP.exec(stamp);
  if (m === null) return undefined;
  const [, year = '2000', month, day, hour, minutes, seconds, zone] = m;
  const offsetMinutes = zone === undefined || zone === 'Z' ? 0 : zoneMinutes(zone);
  const utcMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minutes));
  minute.prefix = stamp.slice(0, stamp.indexOf('T') + 7);
  minute.zone = zone;
  minute.start = utcMs / 1000 - offsetMinutes * 60;
  return minute.start + secondsOf(seconds!);
}

/** `12.5` or dmesg's `12,5`. */
function secondsOf(text: string): number {
  return Number(text.replace(',', '.'));
}

/** A UTC offset (`+02:00`, `-0500`) in minutes. */
export function zoneMinutes(zone: string): number {
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return zone.startsWith('-') ? -minutes : minutes;
}
