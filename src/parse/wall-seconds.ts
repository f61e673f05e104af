/** `2023-05-02T10:11:12`, with a fraction (`.` or dmesg's `,`) and a UTC offset or not; or year-omitted `--05-02T…`. */
const STAMP = /^(?:(\d{4})|-)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d(?:[.,]\d+)?)(Z|[+-]\d\d:?\d\d)?$/;

/**
 * Seconds of a wall-clock stamp (src/parse/prefix-wall-time.ts) on one scale: what tells how far apart two lines of a
 * log without printk times were printed. A stamp without an offset is taken as UTC and one without a year as in
 * 2000 (only differences within one log matter); one to the minute (`dmesg --reltime`'s `[Nov25 10:11]`) gives none,
 * as a report printed across a minute's turn would read as a minute long.
 */
export function wallSeconds(stamp: string): number | undefined {
  const m = STAMP.exec(stamp);
  if (m === null) return undefined;
  const [, year = '2000', month, day, hour, minute, seconds, zone] = m;
  const offsetMinutes = zone === undefined || zone === 'Z' ? 0 : zoneMinutes(zone);
  const utcMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
  return utcMs / 1000 - offsetMinutes * 60 + Number(seconds!.replace(',', '.'));
}

/** A UTC offset (`+02:00`, `-0500`) in minutes. */
export function zoneMinutes(zone: string): number {
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return zone.startsWith('-') ? -minutes : minutes;
}
