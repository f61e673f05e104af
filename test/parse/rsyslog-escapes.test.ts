import { rsyslogKernelText } from '../../src/parse/rsyslog-escapes.js';

// Found by a review of the log formats: rsyslog writes a kernel message's newlines as `#012`, and the lines after the
// first (a 4.x layout block's rows) had been lost in one line of text.
test.each([
  ['Virtual kernel memory layout:#012    vmalloc : 0x0', 'kernel', 'Virtual kernel memory layout:\n    vmalloc : 0x0'],
  ['a#012b#012', 'kernel', 'a\nb\n'],
  ['id #012 done', 'app', 'id #012 done'],
  ['id #012 done', undefined, 'id #012 done'],
  ['no escape', 'kernel', 'no escape'],
])('Found by a review: rsyslogKernelText(%j, %j)', (text, tag, expected) => {
  expect(rsyslogKernelText(text, tag)).toBe(expected);
});
