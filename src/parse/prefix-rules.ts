import type { StrippedLine } from './prefix.js';
import { datedWallTime, epochWallTime, MONTH_INITIALS, MONTH_NAMES, yearlessWallTime } from './prefix-wall-time.js';
import { KMSG_RECORD, unescapeKmsg } from './prefix-kmsg.js';
import { takeLavaLine } from './prefix-lava.js';
import { JOURNAL_JSON_LINE, stripJournalJson, takeJournalJson } from './prefix-journal-json.js';
import { rsyslogKernelText } from './rsyslog-escapes.js';
import { PRINTK_TIME, takePrintkTime } from './prefix-printk-time.js';
import {
  DIGITS,
  SYSLOG_HOST,
  SYSLOG_HOST_AND_TAG,
  SYSLOG_TAG,
  takeHostAndTag,
  takeIsoWallTime,
  takePriorityName,
  takeTag,
  textAfter,
  WEEKDAY_INITIALS,
  WEEKDAY_NAMES,
} from './prefix-syslog-parts.js';
import {
  BARE_CLOCK_STAMP,
  BARE_ISO_STAMP,
  BARE_MONTH_STAMP,
  BARE_SECONDS_STAMP,
  BRACKETED_CLOCK_STAMP,
  GITHUB_ACTIONS_STAMP,
  GITLAB_CI_STAMP,
  GRABSERIAL_ELAPSED_STAMP,
  LOGCAT_THREADTIME_STAMP,
  LOGCAT_TIME_STAMP,
  OPENWRT_LOGREAD_STAMP,
  ZUUL_JOB_OUTPUT_STAMP,
} from './prefix-capture-stamps.js';
import { LOCALIZED_SYSLOG_STAMP } from './prefix-localized-syslog.js';
import {
  HISILICON_DIGIT_STAMP,
  HISILICON_TASK,
  HISILICON_WALL_CLOCK,
  MEDIATEK_CPU_TASK,
  SAMSUNG_CPU_COMM_PID,
  VENDOR_PRINTK_TIME,
} from './prefix-vendor-stamps.js';

/** What prefixes say about a line. The outermost prefix wins when two give the same field. */
export type PrefixFields = Omit<StrippedLine, 'text'>;

export interface PrefixRule {
  readonly name: string;
  /** Characters a line must start with for this rule to run its regex (the cheap check). */
  readonly firstChars: string;
  /** Anchored at the start of the text. */
  readonly re: RegExp;
  /** Records the fields and returns the text after the prefix; undefined when the match is not this format. */
  readonly take: (m: RegExpExecArray, into: PrefixFields) => string | undefined;
  /** `re` and `take` in one hand-written step for the commonest prefix: the same fields and rest, undefined when
   *  `re` does not match. Tried instead of them. */
  readonly strip?: (text: string, into: PrefixFields) => string | undefined;
  /** Mail quoting: added around a line by whoever forwarded it, unlike a stamp the line was logged with. */
  readonly quoting?: true;
  /** Also tried on a text whose first character is outside ASCII (a month name in Cyrillic). */
  readonly nonAsciiFirst?: true;
  /**
   * A prefix that only ever starts a line, never follows a printk time: the printk-time shortcut need not ask it (its
   * first characters, every letter, would send every line down the rule-by-rule path).
   */
  readonly neverAfterPrintkTime?: true;
}

/** util-linux dmesg's delta to the previous message, `<    0.000003>` (`-d`); journalctl short-delta pads it. */
const DMESG_DELTA = String.raw`< *-?\d+\.\d+ ?>`;

/** `take`, marking the line as util-linux dmesg's: a stamp only dmesg writes replaced the printk time. */
function fromDmesg(take: PrefixRule['take']): PrefixRule['take'] {
  return (m, into) => {
    into.fromDmesg = true;
    return take(m, into);
  };
}

/** Rows are tried in order among those whose `firstChars` hold the text's first character. */
export const PREFIX_RULES: readonly PrefixRule[] = [
  {
    name: 'printk time `[    1.234567] `',
    firstChars: '[',
    re: PRINTK_TIME,
    take: (m, into) => {
      into.ts ??= Number(m[1]);
      return textAfter(m);
    },
    strip: takePrintkTime,
  },
  {
    // CONFIG_PRINTK_CALLER (5.1+): `[  T123]` task or `[    C1]` CPU, right after the time or alone.
    name: 'printk caller id `[  T123] `',
    firstChars: '[',
    re: /^\[ *([TC]\d+)\] ?/,
    take: (m, into) => {
      into.caller ??= m[1];
      return textAfter(m);
    },
  },
  VENDOR_PRINTK_TIME,
  // Before Samsung's, which `[2016:04:13 11:06:41]` would match too.
  HISILICON_WALL_CLOCK,
  HISILICON_TASK,
  HISILICON_DIGIT_STAMP,
  SAMSUNG_CPU_COMM_PID,
  MEDIATEK_CPU_TASK,
  {
    // util-linux `dmesg -d`: `[   14.200024 <    0.000003>] `; journalctl -o short-delta adds a space before `>` and
    // the host and tag after the bracket (the tag alone with --no-hostname).
    name: 'dmesg -d / journal short-delta `[   14.200024 <    0.000003>] `',
    firstChars: '[',
    re: new RegExp(String.raw`^\[ *(\d+\.\d+) ${DMESG_DELTA}\] ?(?:(?:(\S+) )?kernel: )?`),
    take: (m, into) => {
      into.ts ??= Number(m[1]);
      if (m[2] !== undefined) into.host ??= m[2];
      return textAfter(m);
    },
  },
  {
    name: 'dmesg --time-format delta `[<    0.000003>] `',
    firstChars: '[',
    re: new RegExp(String.raw`^\[${DMESG_DELTA}\] ?`),
    take: fromDmesg(textAfter),
  },
  {
    // util-linux `dmesg -H` / `--reltime`: the delta to the previous message, not resolvable to a boot time here. It is
    // negative where stamps of two CPUs come out of order.
    name: 'dmesg --reltime delta `[  +0.000123] `',
    firstChars: '[',
    re: /^\[ *[+-]\d+\.\d+\] ?/,
    take: fromDmesg(textAfter),
  },
  {
    name: 'dmesg --reltime minute `[Nov25 10:11] `',
    firstChars: '[',
    re: new RegExp(String.raw`^\[(${MONTH_NAMES}) ?(\d{1,2}) (\d\d:\d\d)\] ?`),
    take: fromDmesg((m, into) => {
      into.wallTime ??= yearlessWallTime(m[1]!, m[2]!, m[3]!);
      return textAfter(m);
    }),
  },
  {
    name: 'dmesg -T `[Tue May  2 10:11:12 2023] `',
    firstChars: '[',
    // `dmesg -T -d` adds the delta inside the brackets.
    re: new RegExp(String.raw`^\[(?:${WEEKDAY_NAMES}) (${MONTH_NAMES}) ([ \d]?\d) (\d\d:\d\d:\d\d) (\d{4})(?: ${DMESG_DELTA})?\] ?`),
    take: fromDmesg((m, into) => {
      into.wallTime ??= datedWallTime(m[4]!, m[1]!, m[2]!, m[3]!);
      return textAfter(m);
    }),
  },
  {
    // util-linux formats `-T` with strftime in the reader's locale: `[Mo Nov  6 …]`, `[lun. nov.  6 …]`,
    // `[Пн ноя  6 …]`, `[一 11月  6 …]`. The month's number is unknown, so no wall time is kept.
    name: 'dmesg -T, another locale `[Пн ноя  6 10:00:48 2023] `',
    firstChars: '[',
    re: new RegExp(String.raw`^\[\p{L}[\p{L}.]{0,5} (?:\d{1,2}\p{L}|\p{L}[\p{L}.]{1,5}) +\d{1,2} \d\d:\d\d:\d\d \d{4}(?: ${DMESG_DELTA})?\] ?`, 'u'),
    take: fromDmesg(textAfter),
    neverAfterPrintkTime: true,
  },
  BRACKETED_CLOCK_STAMP,
  GRABSERIAL_ELAPSED_STAMP,
  {
    // `<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD [MSG]`; the message may start with a UTF-8 BOM.
    name: 'syslog RFC 5424 `<6>1 2023-05-02T10:11:12.123Z host kernel - - - `',
    firstChars: '<',
    re: /^<(\d{1,3})>1 (\S+) (\S+) (\S+) \S+ \S+ (?:-|(?:\[(?:[^"\]]|"(?:[^"\\]|\\.)*")*\])+)(?: |$)/,
    take: (m, into) => {
      into.level ??= Number(m[1]) & 7;
      if (m[2] !== '-') into.wallTime ??= m[2];
      into.host ??= m[3];
      takeTag(m[4], into);
      const msg = rsyslogKernelText(textAfter(m), m[4]);
      return msg.charCodeAt(0) === 0xfeff ? msg.slice(1) : msg;
    },
  },
  {
    // Console level `<4>`; syslog forwarders put facility * 8 + level here, so the level is the low 3 bits.
    name: 'log level `<4>`',
    firstChars: '<',
    re: /^<(\d{1,3})>/,
    take: (m, into) => {
      const pri = Number(m[1]);
      if (pri > 191) return undefined;
      into.level ??= pri & 7;
      return textAfter(m);
    },
  },
  {
    // Records written to /dev/kmsg by user space carry a non-zero facility (LOG_USER by default).
    name: '/dev/kmsg record `4,1234,5678901,-;`',
    firstChars: DIGITS,
    re: KMSG_RECORD,
    take: (m, into) => {
      const prio = Number(m[1]);
      into.level ??= prio & 7;
      into.ts ??= Number(m[2]) / 1e6;
      const caller = /(?:^|,)caller=([TC]\d+)/.exec(m[3]!);
      if (caller) into.caller ??= caller[1];
      if (prio >> 3 !== 0) into.foreign = true;
      return unescapeKmsg(textAfter(m));
    },
  },
  {
    // journalctl -o short-unix: seconds since the epoch, to the microsecond.
    name: 'journal short-unix `1673352014.200024 host kernel: `',
    firstChars: DIGITS,
    re: new RegExp(String.raw`^(\d{9,11})\.(\d{1,9}) ${SYSLOG_HOST_AND_TAG}`),
    take: (m, into) => {
      into.wallTime ??= epochWallTime(m[1]!, m[2]);
      takeHostAndTag(m[3], m[4], into);
      return textAfter(m);
    },
  },
  {
    // `dmesg --time-format iso`: a comma before the microseconds, no host or tag.
    name: 'dmesg iso `2023-05-02T10:11:12,123456+02:00 `',
    firstChars: DIGITS,
    re: /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d+[+-]\d\d:?\d\d) /,
    take: fromDmesg(takeIsoWallTime),
  },
  GITHUB_ACTIONS_STAMP,
  GITLAB_CI_STAMP,
  {
    // journalctl -o short-iso / short-iso-precise and rsyslog's high-precision format (its `#012` escapes, see
    // rsyslog-escapes.ts).
    name: 'journal/syslog iso `2023-05-02T10:11:12+0000 host kernel: `',
    firstChars: DIGITS,
    re: new RegExp(String.raw`^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) ${SYSLOG_HOST_AND_TAG}`),
    take: (m, into) => {
      into.wallTime ??= m[1];
      takeHostAndTag(m[2], m[3], into);
      return rsyslogKernelText(textAfter(m), m[3]);
    },
  },
  ZUUL_JOB_OUTPUT_STAMP,
  LOGCAT_THREADTIME_STAMP,
  LOGCAT_TIME_STAMP,
  BARE_ISO_STAMP,
  BARE_CLOCK_STAMP,
  BARE_SECONDS_STAMP,
  {
    // RFC 3164 pads the day with a space (`May  2`), journalctl -o short / short-precise with a zero (`May 02`);
    // rsyslog's `#012` escapes are newlines in a kernel line (rsyslog-escapes.ts).
    // BusyBox syslogd puts `facility.priority` between the host and the tag.
    name: 'syslog RFC 3164 / journal short / BusyBox `May  2 10:11:12 host [kern.warn ]kernel: `',
    firstChars: MONTH_INITIALS,
    re: new RegExp(String.raw`^(${MONTH_NAMES}) ([ \d]?\d) (\d\d:\d\d:\d\d(?:\.\d+)?) ${SYSLOG_HOST} (?:[a-z]+\.([a-z]+) )?${SYSLOG_TAG}`),
    take: (m, into) => {
      into.wallTime ??= yearlessWallTime(m[1]!, m[2]!, m[3]!);
      into.host ??= m[4];
      takePriorityName(m[5], into);
      takeTag(m[6], into);
      return rsyslogKernelText(textAfter(m), m[6]);
    },
  },
  BARE_MONTH_STAMP,
  {
    // journalctl -o short-full: the weekday, an ISO date and the zone's name (an offset only when it is UTC).
    name: 'journal short-full `Tue 2023-01-10 12:00:14 UTC host kernel: `',
    firstChars: WEEKDAY_INITIALS,
    re: new RegExp(String.raw`^(?:${WEEKDAY_NAMES}) (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) ([A-Z][A-Za-z0-9+-]*) ${SYSLOG_HOST_AND_TAG}`),
    take: (m, into) => {
      into.wallTime ??= `${m[1]}T${m[2]}${m[3] === 'UTC' ? 'Z' : ''}`;
      takeHostAndTag(m[4], m[5], into);
      return textAfter(m);
    },
  },
  OPENWRT_LOGREAD_STAMP,
  {
    // `dmesg -x`: facility and level before the time. Only the kernel's own facility is taken: user space writing to
    // /dev/kmsg shows as `user`, and a rule for every facility's first letter would slow the commonest lines.
    name: 'dmesg -x `kern  :warn  : `',
    firstChars: 'k',
    re: /^kern *:(emerg|alert|crit|err|warn|notice|info|debug) *: /,
    take: (m, into) => {
      takePriorityName(m[1], into);
      return textAfter(m);
    },
  },
  {
    // Some journalctl versions space the separators: `{ "__CURSOR" : "…", "MESSAGE" : "…" }`.
    name: 'journalctl -o json `{"MESSAGE": ..., "_TRANSPORT": "kernel", ...}`',
    firstChars: '{',
    re: JOURNAL_JSON_LINE,
    take: (m, into) => takeJournalJson(m[0], into),
    strip: stripJournalJson,
  },
  {
    // `journalctl -o json-seq` (RFC 7464): each entry after an ASCII record separator.
    name: 'journalctl -o json-seq record separator `\\x1e{`',
    firstChars: '\x1e',
    re: /^\x1e(?=\{)/,
    take: (m) => textAfter(m),
  },
  {
    name: 'LAVA log `- {"dt": ..., "lvl": ..., "msg": ...}`',
    firstChars: '-',
    re: /^- (\{".*\})\s*$/,
    take: (m, into) => takeLavaLine(m[1]!, into),
  },
  LOCALIZED_SYSLOG_STAMP,
  {
    // One quoting level per match: `> `, `>> ` and `> > ` peel off one `>` at a time; some clients add no space
    // before a stamp (`>[   12.3] `) or a tab.
    name: 'mail quote `> `',
    firstChars: '>',
    re: /^>(?: |(?=[>[<\t])|$)/,
    take: (m) => textAfter(m),
    quoting: true,
  },
  {
    // A log pasted indented (a Markdown code block, a mail, a bug tracker): spaces or tabs before a printk stamp or a
    // log level, which no kernel line starts with. A log without stamps cannot be told from its own indented lines.
    name: 'indentation before a stamp `    [   12.3] `',
    firstChars: ' \t',
    re: /^[ \t]+(?=\[ *\d+\.\d+\]|<\d{1,3}>)/,
    take: (m) => textAfter(m),
    quoting: true,
  },
  {
    name: 'mail quote `| `',
    firstChars: '|',
    re: /^\|(?: |$)/,
    take: (m) => textAfter(m),
    quoting: true,
  },
];
