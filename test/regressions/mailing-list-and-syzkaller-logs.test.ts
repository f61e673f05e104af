/**
 * Bugs found by two audits: one ran vmemwarn on 49 real logs as kernel developers post them to LKML,
 * linux-arm-kernel, linux-mm, dri-devel and syzbot mail; the other on 74 syzkaller report test files not in the
 * corpus. The logs are not copied here: each case is a short log written after the real one, with made-up names and
 * addresses, and names where the real one was posted.
 */
import { analyzeText } from '../../src/api.js';

const stamped = (start: number, lines: readonly string[]) =>
  lines.map((l, i) => `[${(start + i / 1e6).toFixed(6).padStart(12)}] ${l}`).join('\n') + '\n';

async function clusters(text: string) {
  const r = await analyzeText(text);
  return r.clusters.map((c) => ({ title: c.title, count: c.count, corrupted: c.example.corrupted ?? false }));
}

// syzkaller report 7; vendor arm64 4.4-4.14 kernels (Android, Jetson) print the watchdog's old prefix.
test('a soft lockup behind `NMI watchdog: ` (before 4.15) is a report', async () => {
  const log = stamped(536.4, [
    'NMI watchdog: BUG: soft lockup - CPU#2 stuck for 22s! [demo:1234]',
    'Modules linked in:',
    'CPU: 2 PID: 1234 Comm: demo Not tainted 4.9.200 #1',
    'Hardware name: Demo Board (DT)',
    'PC is at demo_spin+0x24/0x60',
    'LR is at demo_ioctl+0x80/0x100',
    '[<ffffff8008123456>] demo_spin+0x24/0x60',
    '[<ffffff8008123500>] demo_ioctl+0x80/0x100',
    '[<ffffff8008234567>] do_vfs_ioctl+0xa4/0x6d0',
    '[<ffffff8008234600>] SyS_ioctl+0x8c/0xa0',
    '[<ffffff8008083700>] el0_svc_naked+0x34/0x38',
  ]);
  // Which frame names a stall is the stall rule's (stall-anchors.ts), tested there.
  expect(await clusters(log)).toEqual([{ title: expect.stringMatching(/^BUG: soft lockup in demo_/), count: 1, corrupted: false }]);
});

// syzkaller report 236 (arm32, 4.17): syzkaller titles it by the header, vmemwarn had `WARNING in corrupted`. On arm64
// the same cut trace split a vmemmap_populate WARNING from its storm's cluster.
test('a WARNING whose trace holds only reporting frames is titled by its header function', async () => {
  const log = stamped(10, [
    '------------[ cut here ]------------',
    'WARNING: CPU: 3 PID: 77 at arch/arm64/mm/mmu.c:1157 vmemmap_populate+0x80/0xc0',
    'Modules linked in: demo_gpu',
    'CPU: 3 PID: 77 Comm: modprobe Not tainted 5.15.0 #1',
    'Hardware name: Demo Board (DT)',
    'Call trace:',
    ' dump_backtrace+0x0/0x1e0',
    ' show_stack+0x18/0x24',
    ' dump_stack_lvl+0x68/0x84',
    ' __warn+0xa0/0x150',
    ' report_bug+0xa0/0x160',
    '---[ end trace 0000000000000000 ]---',
  ]);
  expect(await clusters(log)).toEqual([{ title: 'WARNING in vmemmap_populate', count: 1, corrupted: false }]);
});
