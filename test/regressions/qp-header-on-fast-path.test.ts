/**
 * Bug: the fast path never delivered `Content-Transfer-Encoding: quoted-printable`, so a quoted-printable mail's
 * soft breaks were joined only when an escape came within 50 lines before them. Once a KASAN report's `=====` rule
 * no longer forced every later line through (de91323), a quoted-printable mail after one in an mbox lost its title
 * and trace. Found by review, on a syzbot-style mail built around syzkaller report 568.
 */
import { analyzeText } from '../../src/api.js';

const QP_MAIL = [
  'From syzbot Mon Jan  1 00:00:00 2024',
  'From: syzbot <syzbot@example.com>',
  'Subject: [syzbot] WARNING in io_ring_exit_work',
  'Content-Type: text/plain; charset="UTF-8"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '[ 9877.699641][    C0] ------------[ cut here ]------------',
  '[ 9877.700279][    C0] WARNING: CPU: 0 PID: 10040 at io_uring/io_=',
  'uring.c:3026 io_ring_exit_work+0x44c/0xbc0',
  '[ 9877.701489][    C0] Modules linked in:',
  '[ 9877.712000][    C0] Call trace:',
  '[ 9877.712100][    C0]  io_ring_exit_work+0x44c/0xbc0',
  '[ 9877.712200][    C0]  process_one_work+0x8a4/0x1600',
  '[ 9877.712300][    C0]  worker_thread+0x5c0/0xc80',
  '[ 9877.712400][    C0] ---[ end trace 0000000000000000 ]---',
];

const KASAN_MAIL = [
  'From syzbot Mon Jan  1 00:00:00 2024',
  'From: syzbot <syzbot@example.com>',
  'Content-Transfer-Encoding: 7bit',
  '',
  '[ 1344.478322][ T6700] ' + '='.repeat(66),
  '[ 1344.479538][ T6700] BUG: KASAN: invalid-access in __memset+0x16c/0x188',
  '[ 1344.483028][ T6700] Call trace:',
  '[ 1344.483300][ T6700]  __memset+0x16c/0x188',
  '[ 1344.483900][ T6700]  io_submit_sqes+0x2a8/0x4f4',
  '[ 1344.488000][ T6700] ' + '='.repeat(66),
  '',
];

const frames = (r: Awaited<ReturnType<typeof analyzeText>>, title: string) =>
  r.clusters.find((c) => c.title === title)?.example.frames.map((f) => f.func);

test('a quoted-printable mail alone: its soft break is joined', async () => {
  const r = await analyzeText(`${QP_MAIL.join('\n')}\n`);
  expect(frames(r, 'WARNING in io_ring_exit_work')).toEqual(['io_ring_exit_work', 'process_one_work', 'worker_thread']);
});

test('a quoted-printable mail after a 7bit mail with a KASAN report, in one mbox', async () => {
  const r = await analyzeText(`${[...KASAN_MAIL, ...QP_MAIL].join('\n')}\n`);
  const [kasan] = r.clusters;
  expect(kasan?.title.startsWith('KASAN: invalid-access')).toBe(true);
  expect(kasan?.example.lines[0]?.text).toBe('='.repeat(66));
  expect(frames(r, 'WARNING in io_ring_exit_work')).toEqual(['io_ring_exit_work', 'process_one_work', 'worker_thread']);
});
