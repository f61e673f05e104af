import { isKmsgContinuation, isKmsgRecord, unescapeKmsg } from '../../src/parse/prefix-kmsg.js';

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

// Found by a review of the log formats: /dev/kmsg writes a byte below a space, from 127 up, and the backslash as
// `\xXX` (Documentation/ABI/testing/dev-kmsg); they had been kept as written.
test.each([
  ['Virtual kernel memory layout:\\x0a    vmalloc : 0xffffff8000000000', 'Virtual kernel memory layout:\n    vmalloc : 0xffffff8000000000'],
  ['BUG: KFENCE: memory corruption in kfree+0x8c/0x174\\x0a', 'BUG: KFENCE: memory corruption in kfree+0x8c/0x174\n'],
  ['path C:\\x5cdir', 'path C:\\dir'],
  ['col\\x09umn', 'col\tumn'],
  ['caf\\xc3\\xa9 \\xe2\\x80\\x99', 'café ’'],
  ['no escape', 'no escape'],
  ['\\xzz and \\x4 and a trailing \\x', '\\xzz and \\x4 and a trailing \\x'],
])('Found by a review: unescapeKmsg(%j)', (message, text) => {
  expect(unescapeKmsg(message)).toBe(text);
});
