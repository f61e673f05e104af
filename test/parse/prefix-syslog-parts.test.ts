import type { PrefixFields } from '../../src/parse/prefix-rules.js';
import { SYSLOG_HOST, takePriorityName, takeTag } from '../../src/parse/prefix-syslog-parts.js';

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

test('a syslog host is never a bracketed printk time', () => {
  const host = new RegExp(`^${SYSLOG_HOST} `);
  expect(host.exec('rock5b kernel:')?.[1]).toBe('rock5b');
  expect(host.exec('[12345.678901] mmc0:')).toBeNull();
});

test('only the kernel tag is the kernel', () => {
  const kernel: PrefixFields = {};
  takeTag('kernel', kernel);
  const daemon: PrefixFields = {};
  takeTag('udhcpc', daemon);
  expect([kernel.foreign, daemon.foreign]).toEqual([undefined, true]);
});
