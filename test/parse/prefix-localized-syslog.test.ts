import { stripPrefixes } from '../../src/parse/prefix.js';
import { LOCALIZED_SYSLOG_STAMP } from '../../src/parse/prefix-localized-syslog.js';

// A Fedora user's journalctl in Russian (ask.fedoraproject.org, 2021) had given no splat at all: only English
// month names were read.
describe('a syslog or journal stamp with the month in another locale', () => {
  test.each(['июл', 'дек', 'Okt', 'Mai', 'juil.', '7月', 'ene', '11月', '12月', '10월'])('%s', (month) => {
    expect(stripPrefixes(`${month} 27 14:08:04 laptop kernel: kernel BUG at lib/list_debug.c:51!`)).toEqual({
      text: 'kernel BUG at lib/list_debug.c:51!',
      host: 'laptop',
    });
  });

  test('a day padded with a space, fractions of a second, a BusyBox facility.priority', () => {
    expect(stripPrefixes('juil.  7 14:08:04.123456 host kern.warn kernel: WARNING: CPU: 1 PID: 7 at a.c:1 f+0x1/0x2')).toEqual({
      text: 'WARNING: CPU: 1 PID: 7 at a.c:1 f+0x1/0x2',
      host: 'host',
      level: 4,
    });
  });

  // Found by a review of the log formats: `journalctl --no-hostname` prints no host before the tag.
  test('Found by a review: the kernel tag with no host before it', () => {
    expect(stripPrefixes('июл 27 14:08:04 kernel: kernel BUG at lib/list_debug.c:51!')).toEqual({ text: 'kernel BUG at lib/list_debug.c:51!' });
  });

  test('user space behind such a stamp is foreign', () => {
    expect(stripPrefixes('июл 27 14:08:04 laptop systemd[1]: Started foo.')).toMatchObject({ text: 'Started foo.', foreign: true });
  });

  test('the English names keep their own rule, with the wall time', () => {
    expect(stripPrefixes('Jul 27 14:08:04 laptop kernel: x')).toEqual({ text: 'x', host: 'laptop', wallTime: '--07-27T14:08:04' });
  });

  test.each([
    'Call trace:',
    'CPU: 1 PID: 7 Comm: kworker/1:0 Not tainted 6.6.0 #1',
    'Mem abort info:',
    'Hardware name: linux,dummy-virt (DT)',
    'x29: ffff800080003d10 x28: ffff0000c0b3a000 x27: 0000000000000000',
    'Tainted 27 14:08:04 no tag here',
  ])('kernel text is left alone: %j', (text) => {
    expect(stripPrefixes(text).text).toBe(text);
    expect(LOCALIZED_SYSLOG_STAMP.strip?.(text, { text: '' } as never)).toBeUndefined();
  });
});
