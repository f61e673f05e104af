import { isKmsgContinuation, isKmsgRecord } from '../../src/parse/prefix-kmsg.js';

test.each([
  ['6,339,5140900,-;Run /init as init process', true],
  ['6,339,5140900,-,caller=T1;Run /init as init process', true],
  ['12,345 bytes; free', false],
  ['[    1.000000] x', false],
])('isKmsgRecord(%j) = %s', (line, expected) => {
  expect(isKmsgRecord(line)).toBe(expected);
});

test.each([
  [' SUBSYSTEM=usb', true],
  [' DEVICE=c189:1', true],
  ['  mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]', false],
  ['SUBSYSTEM=usb', false],
  [' lower=case', false],
])('isKmsgContinuation(%j) = %s', (line, expected) => {
  expect(isKmsgContinuation(line)).toBe(expected);
});
