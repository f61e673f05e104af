import type { PrefixFields } from '../../src/parse/prefix-rules.js';
import { SYSLOG_HOST, SYSLOG_HOST_AND_TAG, SYSLOG_TAG, takeHostAndTag, takePriorityName, takeTag } from '../../src/parse/prefix-syslog-parts.js';

describe('takePriorityName', () => {
  // syslog.h prioritynames, with the aliases BusyBox prints.
  test.each([
    ['emerg', 0], ['panic', 0], ['alert', 1], ['crit', 2], ['err', 3], ['error', 3],
    ['warn', 4], ['warning', 4], ['notice', 5], ['info', 6], ['debug', 7],
  ])('%s is level %d', (name, level) => {
    const into: PrefixFields = {};
    takePriorityName(name, into);
    expect(into.level).toBe(level);
  });

  test('an unknown name or none sets nothing, and an outer level wins', () => {
    const into: PrefixFields = {};
    takePriorityName('none', into);
    takePriorityName(undefined, into);
    expect(into).toEqual({});
    into.level = 2;
    takePriorityName('debug', into);
    expect(into.level).toBe(2);
  });
});

describe('a syslog host and tag', () => {
  const hostAndTag = new RegExp(`^${SYSLOG_HOST} ${SYSLOG_TAG}`);

  test.each([
    ['rock5b kernel: x', 'rock5b', 'kernel'],
    ['h systemd[1]: x', 'h', 'systemd'],
    ['2001:db8::1 sshd[77]: x', '2001:db8::1', 'sshd'],
    ['h (udev-worker)[345]: x', 'h', '(udev-worker)'],
  ])('%j: host %j, tag %j', (line, host, tag) => {
    expect(hostAndTag.exec(line)?.slice(1, 3)).toEqual([host, tag]);
  });

  test.each([
    '[12345.678901] mmc0: new HS200 MMC card', 'WARNING: CPU: 3 PID: 1234 at x.c:1', 'Call trace:', 'Hardware name: X (DT)',
    'usb 1-1: new device', 'EXT4-fs (mmcblk0p2): mounted', 'amdgpu 0000:01:00.0: SMU is initialized',
  ])('kernel text %j is none', (line) => {
    expect(hostAndTag.exec(line)).toBeNull();
  });

  // Found by a review of the log formats: behind a stamp with no host these had read as a host and a user-space tag.
  test.each([
    'Kernel Offset: 0x2b63e00000 from 0xffffffc010000000', 'Boot CPU: AArch64 Processor [410fd083]', 'Pointer tag: [f2], memory tag: [fe]',
    'Unhandled fault: alignment exception (0x001) at 0xcf4a5e1e', 'Alignment trap: not handling instruction e1953f9f',
    'stack backtrace:', 'Call Trace:', 'Memory Limit: none', 'task:kworker/0:1 state:D stack:0 pid:5 ppid:2 flags:0x00000008',
    'page:000000001a2b3c4d refcount:1 mapcount:0',
  ])('Found by a review: kernel text %j is none', (line) => {
    expect(hostAndTag.exec(line)).toBeNull();
  });
});

// Found by a review of the log formats: `journalctl --no-hostname` prints `kernel: ` with no host before it.
describe('Found by a review: a host and a tag, or the kernel tag alone', () => {
  const hostAndTag = new RegExp(`^${SYSLOG_HOST_AND_TAG}`);

  test.each([
    ['rock5b kernel: x', 'rock5b', 'kernel', {}, { host: 'rock5b' }],
    ['h systemd[1]: x', 'h', 'systemd', {}, { host: 'h', foreign: true }],
    ['kernel: x', undefined, undefined, {}, {}],
  ])('%j', (line, host, tag, into: PrefixFields, fields) => {
    const m = hostAndTag.exec(line);
    expect(m?.slice(1, 3)).toEqual([host, tag]);
    takeHostAndTag(m?.[1], m?.[2], into);
    expect(into).toEqual(fields);
  });

  // A stamp with no host before a kernel line's own `word: ` (moreutils ts): only `kernel:` is a tag alone.
  test.each(['mmc0: new HS200 MMC card', 'systemd[1]: Started foo.', 'Call trace:', 'kernelx: y'])('%j is none', (line) => {
    expect(hostAndTag.exec(line)).toBeNull();
  });
});

test('only the kernel tag is the kernel', () => {
  const kernel: PrefixFields = {};
  takeTag('kernel', kernel);
  const daemon: PrefixFields = {};
  takeTag('udhcpc', daemon);
  expect([kernel.foreign, daemon.foreign]).toEqual([undefined, true]);
});

test('WEEKDAY_INITIALS holds the first letter of every weekday name, once', async () => {
  const { WEEKDAY_INITIALS, WEEKDAY_NAMES } = await import('../../src/parse/prefix-syslog-parts.js');
  for (const day of WEEKDAY_NAMES.split('|')) expect(WEEKDAY_INITIALS).toContain(day[0]);
  expect(new Set(WEEKDAY_INITIALS).size).toBe(WEEKDAY_INITIALS.length);
});
