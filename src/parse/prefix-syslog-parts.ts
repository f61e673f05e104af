import type { PrefixFields } from './prefix-rules.js';

/** Pieces that several prefix rules share: syslog-style hosts, tags, levels and day names. */

/** The first characters of a rule that starts with a number. */
export const DIGITS = '0123456789';

/** The text after a prefix rule's match. */
export function textAfter(m: RegExpExecArray): string {
  return m.input.slice(m[0].length);
}

/** A rule's `take` for a stamp that is an ISO-8601 wall time as written (group 1) and nothing else to keep. */
export function takeIsoWallTime(m: RegExpExecArray, into: PrefixFields): string {
  into.wallTime ??= m[1];
  return textAfter(m);
}

export const WEEKDAY_NAMES = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';

/** The letters a weekday name can start with: a prefix rule's cheap first-character check. */
export const WEEKDAY_INITIALS = [...new Set(WEEKDAY_NAMES.split('|').map((d) => d[0]))].join('');

/**
 * Kernel lines vmemwarn reads that read as `host tag: `, as they do behind a stamp with no host (moreutils `ts` on a
 * console without printk times): `Call trace:` is not host `Call` logging as `trace`. Boot facts (`Kernel Offset:`,
 * `Boot CPU:`), splat headers (`Internal error:`, arm32's `Unhandled fault:` and `Alignment trap:`) and report lines
 * (`Pointer tag:` of KASAN, lockdep's `stack backtrace:`, x86's `Call Trace:`, the panic's `Memory Limit:`): every
 * kernel line of two words and a colon that vmemwarn reads.
 */
const KERNEL_HOST_TAG_LOOKALIKES = [
  'Call trace', 'Call Trace', 'Hardware name', 'Internal error', 'user pgtable', 'swapper pgtable', 'Machine model',
  'Zone ranges', 'CPU features', 'Kernel Offset', 'Boot CPU', 'Pointer tag', 'Unhandled fault', 'Alignment trap',
  'stack backtrace', 'Memory Limit',
];

/**
 * The host before a syslog tag: a name without a colon, or an IPv6 address (hex digits, colons and dots). Never
 * `[`-led (a printk time after a stamp with no host) nor `:`-ended (kernel text such as `WARNING: CPU: 3`), so a
 * kernel line's `key:value` word (`task:kworker/0:1 state:D`, `page:00000000a1b2c3d4 refcount:1`) is no host, and not
 * the start of a kernel line in KERNEL_HOST_TAG_LOOKALIKES.
 */
export const SYSLOG_HOST = String.raw`(?!(?:${KERNEL_HOST_TAG_LOOKALIKES.join('|')}):)([^\s[:][^\s:]*|[0-9A-Fa-f.]*:[0-9A-Fa-f.:]*[0-9A-Fa-f.])`;

/**
 * `kernel: ` or `systemd[1]: `, with the tag captured. A program name does not start with a digit nor hold
 * parentheses: `usb 1-1: ` and `EXT4-fs (mmcblk0p2): ` are a kernel driver's prefix. systemd names the processes it
 * forks in parentheses, always with a pid: `(udev-worker)[345]: `.
 */
export const SYSLOG_TAG = String.raw`(?!\d)([^\s:[\]()]+|\([^\s:[\]()]+\)(?=\[))(?:\[\d+\])?: ?`;

/**
 * `host tag: `, or `kernel: ` alone, as `journalctl --no-hostname` prints the kernel's lines (groups: the host and the
 * tag, both unset for the tag alone). Without a host only the kernel's tag is one: behind a stamp with no host, a
 * kernel line's leading `mmc0: ` would read as a user-space tag.
 */
export const SYSLOG_HOST_AND_TAG = String.raw`(?:${SYSLOG_HOST} ${SYSLOG_TAG}|kernel: ?)`;

/** The fields of SYSLOG_HOST_AND_TAG's groups: none for `kernel: ` alone. */
export function takeHostAndTag(host: string | undefined, tag: string | undefined, into: PrefixFields): void {
  if (host === undefined) return;
  into.host ??= host;
  takeTag(tag, into);
}

/** A syslog/journal tag other than `kernel` (e.g. `systemd[1]:`) is user space. */
export function takeTag(tag: string | undefined, into: PrefixFields): void {
  if (tag !== 'kernel') into.foreign = true;
}

/**
 * syslog.h's prioritynames, as BusyBox syslogd and OpenWrt logread print them after the facility (`kern.warn`) and
 * `dmesg -x` before the message (`kern  :warn  : `).
 */
const PRIORITY_LEVELS: Readonly<Record<string, number>> = {
  emerg: 0, panic: 0, alert: 1, crit: 2, err: 3, error: 3, warn: 4, warning: 4, notice: 5, info: 6, debug: 7,
};

/** The level of a `facility.priority` pair's priority name; nothing for a name syslog.h does not have. */
export function takePriorityName(name: string | undefined, into: PrefixFields): void {
  const level = name === undefined ? undefined : PRIORITY_LEVELS[name];
  if (level !== undefined) into.level ??= level;
}
