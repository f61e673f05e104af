import type { PrefixRule } from './prefix-rules.js';
import { datedWallTime, epochWallTime, MONTH_INITIALS, MONTH_NAMES, yearlessWallTime } from './prefix-wall-time.js';
import { DIGITS, SYSLOG_TAG, takeIsoWallTime, takePriorityName, takeTag, textAfter, WEEKDAY_INITIALS, WEEKDAY_NAMES } from './prefix-syslog-parts.js';

/**
 * Stamps added by whatever captured the console, not by the kernel: CI runners, serial terminals and loggers, and
 * embedded syslog readers. Their times are the capturing host's clock, so they give a wall time (when they carry a
 * date) but never a printk time; the printk time usually follows and is stripped next.
 */

const CLOCK = String.raw`\d\d:\d\d:\d\d(?:[.,]\d+)?`;
const ZONE = String.raw`Z|[+-]\d\d:?\d\d`;

/** `2026-11-26 13:20:01.123` or with a `T`: the ISO form, with the `T`. */
function isoWallTime(date: string, clock: string, zone: string | undefined): string {
  return `${date}T${clock}${zone ?? ''}`;
}

/**
 * GitHub Actions raw logs: every line starts with the runner's UTC time to 100 ns. Tried before the syslog ISO rule,
 * which would take a kernel line such as `mmc0: new HS200 card` for a host and a user-space tag.
 */
export const GITHUB_ACTIONS_STAMP: PrefixRule = {
  name: 'GitHub Actions log `2026-11-26T13:20:01.1234567Z `',
  firstChars: DIGITS,
  re: /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z) /,
  take: takeIsoWallTime,
};

/** GitLab CI timestamped job logs: the UTC time, then the stream (two hex digits, `O` stdout or `E` stderr) and a
 *  space, or a `+` right before the text when the line continues a partial one. */
export const GITLAB_CI_STAMP: PrefixRule = {
  name: 'GitLab CI log `2026-11-26T13:20:01.123456Z 00O `',
  firstChars: DIGITS,
  re: /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z) [0-9a-f]{2}[OE](?:\+ ?| |$)/,
  take: takeIsoWallTime,
};

/**
 * Zuul's job-output.txt (zuul_stream.py): Python's `datetime` as str, ` | `, then for a command's output the host
 * and ` | ` again. That host names the node the command ran on, whatever printed the line: it is not kept as `host`,
 * which says a syslog line came from the kernel (pip's `WARNING: Running pip as the 'root' user` had become a splat).
 */
export const ZUUL_JOB_OUTPUT_STAMP: PrefixRule = {
  name: 'Zuul job-output `2026-11-26 13:20:01.123456 | host | `',
  firstChars: DIGITS,
  re: /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{6}) \| (?:([^\s|]+) \| )?/,
  take: (m, into) => {
    into.wallTime ??= isoWallTime(m[1]!, m[2]!, undefined);
    if (m[3] === undefined) return textAfter(m);
    // Zuul writes `host | line ` with a space after the line.
    const text = textAfter(m);
    return text.endsWith(' ') ? text.slice(0, -1) : text;
  },
};

/** moreutils `ts '%Y-%m-%d %H:%M:%S'` or `'%FT%T'`, Jenkins' timestamper with a date (two spaces, as in
 *  BARE_CLOCK_STAMP), and loggers like them: a date and time, nothing after. */
export const BARE_ISO_STAMP: PrefixRule = {
  name: 'capture stamp `2026-11-26 13:20:01 `',
  firstChars: DIGITS,
  re: new RegExp(String.raw`^(\d{4}-\d\d-\d\d)[T ](${CLOCK})(${ZONE})? (?: (?=\S))?`),
  take: (m, into) => {
    into.wallTime ??= isoWallTime(m[1]!, m[2]!, m[3]);
    return textAfter(m);
  },
};

/**
 * moreutils `ts -s` / `ts '%H:%M:%S'`, and Jenkins' timestamper as its `/timestamps/?time=HH:mm:ss&appendLog` gives
 * it, with two spaces: a time of day or since the start, with no date to make it a wall time. A second space before
 * text goes too; after `ts` it was a frame's indent, which frames are read without.
 */
export const BARE_CLOCK_STAMP: PrefixRule = {
  name: 'capture stamp `13:20:01 `',
  firstChars: DIGITS,
  re: new RegExp(String.raw`^${CLOCK} (?: (?=\S))?`),
  take: (m) => textAfter(m),
};

/**
 * moreutils `ts '%.s'` (seconds since the epoch), `ts -s '%.s'` and `ts -i '%.s'` (since the start, since the line
 * before), `ts '%s'`: a bare number, taken as a stamp only before a printk time or a console level, as a kernel line
 * may itself start with a number.
 */
export const BARE_SECONDS_STAMP: PrefixRule = {
  name: "capture stamp `1699264800.123456 ` (ts '%.s')",
  firstChars: DIGITS,
  re: /^(\d+)(?:\.(\d+))? (?=\[ *\d+\.\d+\]|<\d>)/,
  take: (m, into) => {
    // Ten digits or so are the epoch (2001 to 2286); fewer are seconds since the capture started.
    if (m[1]!.length >= 9 && m[1]!.length <= 11) into.wallTime ??= epochWallTime(m[1]!, m[2]);
    return textAfter(m);
  },
  neverAfterPrintkTime: true,
};

/**
 * tio (`[13:20:01.123] `, `--timestamp-format iso8601`; its `epoch` format, `[1795942812.800] `, is told from a printk
 * time by takePrintkTime), minicom (`[2026-11-26 13:20:01.123] `), Jenkins'
 * timestamper (`[2026-11-26T13:20:01.123Z] `), grabserial -T (`[13:20:01.123456 0.001234] `, time and delta), and
 * `ts '[%Y-%m-%d %H:%M:%S]'`.
 */
export const BRACKETED_CLOCK_STAMP: PrefixRule = {
  name: 'capture stamp `[13:20:01.123] `',
  firstChars: '[',
  re: new RegExp(String.raw`^\[(?:(\d{4}-\d\d-\d\d)[T ])?(${CLOCK})(${ZONE})?(?: +\d+\.\d+)?\] ?`),
  take: (m, into) => {
    if (m[1] !== undefined) into.wallTime ??= isoWallTime(m[1], m[2]!, m[3]);
    return textAfter(m);
  },
};

/** grabserial -t: `[%4.6f %2.6f] `, seconds since the capture started and since the line before. */
export const GRABSERIAL_ELAPSED_STAMP: PrefixRule = {
  name: 'grabserial -t `[12.345678 0.001234] `',
  firstChars: '[',
  re: /^\[ *\d+\.\d+ +\d+\.\d+\] ?/,
  take: (m) => textAfter(m),
};

/**
 * moreutils `ts` with its default format `%b %d %H:%M:%S`: syslog's stamp with no host or tag after it. BusyBox
 * syslogd's small format (`-S`) is that stamp and the message, which for the kernel's lines starts `kernel: `.
 */
export const BARE_MONTH_STAMP: PrefixRule = {
  name: 'capture stamp `Nov 26 13:20:01 ` (ts, BusyBox syslogd -S)',
  firstChars: MONTH_INITIALS,
  re: new RegExp(String.raw`^(${MONTH_NAMES}) ([ \d]?\d) (\d\d:\d\d:\d\d(?:\.\d+)?) (?:kernel: )?`),
  take: (m, into) => {
    into.wallTime ??= yearlessWallTime(m[1]!, m[2]!, m[3]!);
    return textAfter(m);
  },
};

/**
 * OpenWrt `logread`: ctime, then `facility.priority`, then `kernel:` for the kernel's own lines or the program's
 * `tag[pid]:` for user space.
 */
export const OPENWRT_LOGREAD_STAMP: PrefixRule = {
  name: 'OpenWrt logread `Thu Nov 26 13:20:01 2026 kern.warn kernel: `',
  firstChars: WEEKDAY_INITIALS,
  re: new RegExp(
    String.raw`^(?:${WEEKDAY_NAMES}) (${MONTH_NAMES}) ([ \d]?\d) (\d\d:\d\d:\d\d) (\d{4}) [a-z]+\.([a-z]+) ${SYSLOG_TAG}`,
  ),
  take: (m, into) => {
    into.wallTime ??= datedWallTime(m[4]!, m[1]!, m[2]!, m[3]!);
    takePriorityName(m[5], into);
    takeTag(m[6], into);
    return textAfter(m);
  },
};

/**
 * logcat's time (liblog logprint.c): `09-06 10:36:55.187`, with `-v year` `2026-09-06 …`, `-v usec` and `-v nsec` 6 and 9
 * digits after the point, `-v zone` ` +0000` after them; `-v epoch` and `-v monotonic` seconds instead of the date
 * (`%5lu` and the fraction, no zone). Groups: year, month, day, time to the millisecond, zone; or seconds and
 * milliseconds.
 */
export const LOGCAT_TIME = String.raw`(?:(?:(\d{4})-)?(\d\d)-(\d\d) (\d\d:\d\d:\d\d\.\d{3})\d{0,6}(?: ([+-]\d{4}))?|( *\d+)\.(\d{3})\d{0,6})`;

/** logcat's `-v uid` column before the pid: a user name or a number. */
const LOGCAT_UID = String.raw`(?:[a-z_][\w.-]*|\d+)`;

/**
 * Android `logcat -v threadtime` (adb logcat, bugreports' LOGCAT section): `09-06 10:36:55.187     0     0 I   tag: `.
 * logd reads the kernel's buffer in with an empty tag (`I         : [    0.000000] …`), or with a leading `word:` taken
 * for the tag (`I [    0.000000,0] Machine: ocean`), which leaves the kernel's text as it was, unless the tag is
 * shorter than logcat's 8 columns: `pc      : foo+0x24/0x100` is the kernel's `pc : foo+0x24/0x100` again. Its pid
 * says nothing (logd takes a MediaTek kernel's line's from its `[pid:comm]`), so no line is set apart as an app's:
 * `logcat -b all` mixes apps' lines in, and one that looks like a kernel header is read as one.
 */
export const LOGCAT_THREADTIME_STAMP: PrefixRule = {
  name: 'Android logcat `09-06 10:36:55.187     0     0 I         : `',
  firstChars: `${DIGITS} `,
  neverAfterPrintkTime: true,
  // Also the `-v` modifiers a bug report may carry (LOGCAT_TIME's, and `uid`: a user before the pid).
  re: new RegExp(String.raw`^${LOGCAT_TIME} +(?:${LOGCAT_UID} +)?\d+ +\d+ [VDIWEFA] (?: {8}: |([^\s:]{1,7}) +: )?`),
  take: (m, into) => {
    setLogcatWallTime(m, into);
    return withTag(textAfter(m), m[8]);
  },
};

/**
 * Android `logcat -v time` (`09-06 10:36:55.187 I/        (    0): `) and `-v brief` (no time), the older defaults:
 * the level, `/`, the tag and the pid in parentheses (after `-v uid`'s user and a colon). The tag is read as
 * threadtime's is; the time takes LOGCAT_TIME's modifiers.
 */
export const LOGCAT_TIME_STAMP: PrefixRule = {
  name: 'Android logcat -v time/brief `09-06 10:36:55.187 I/        (    0): `',
  firstChars: `${DIGITS} VDIWEFA`,
  neverAfterPrintkTime: true,
  re: new RegExp(String.raw`^(?:${LOGCAT_TIME} )?[VDIWEFA]\/([^(]{0,64})\((?: *${LOGCAT_UID}:)? *\d+\): `),
  take: (m, into) => {
    setLogcatWallTime(m, into);
    // What logd took for a tag (`Machine` of `Machine model: …`) goes back in front of the text.
    const tag = m[8]!.trimEnd();
    return withTag(textAfter(m), tag === '' ? undefined : tag);
  },
};

/** The kernel pads a register's name to three: `pc : `, `x9 : `, `x29: `, `CPU: `, which logd took for a tag. */
function withTag(rest: string, tag: string | undefined): string {
  return tag === undefined ? rest : `${tag.padEnd(3)}: ${rest}`;
}

/**
 * LOGCAT_TIME's groups as a wall time: a date with or without its year (and its zone), seconds since the epoch, or
 * since boot (`monotonic`: none), or none at all (`-v brief`).
 */
function setLogcatWallTime(m: RegExpExecArray, into: { wallTime?: string }): void {
  if (m[2] !== undefined) {
    const date = m[1] === undefined ? `--${m[2]}-${m[3]!}` : `${m[1]}-${m[2]}-${m[3]!}`;
    into.wallTime ??= `${date}T${m[4]!}${m[5] ?? ''}`;
    return;
  }
  const seconds = m[6]?.trim();
  if (seconds !== undefined && seconds.length >= 9) into.wallTime ??= epochWallTime(seconds, m[7]);
}
