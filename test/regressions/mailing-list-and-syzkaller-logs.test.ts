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

// LKFT mails (Naresh Kamboju, 2023-2024) post traces through decode_stacktrace.sh, which drops the offsets; a
// reporter may cut them to names (Qian Cai, linux-mm 2022). Both had read as no trace: `WARNING in corrupted`.
test('a decoded trace, `func (file:line)`, names the WARNING', async () => {
  const log = [
    '<4>[   30.000001] ------------[ cut here ]------------',
    '<4>[   30.000002] WARNING: CPU: 0 PID: 99 at drivers/misc/foo.c:77 foo_check+0x40/0x80',
    '<4>[   30.000003] CPU: 0 UID: 0 PID: 99 Comm: kworker/0:1 Not tainted 6.12.0 #1',
    '<4>[   30.000006] Call trace:',
    '<4>[ 30.000007] foo_check (drivers/misc/foo.c:77 (discriminator 1))',
    '<4>[ 30.000008] foo_probe (drivers/misc/foo.c:120)',
    '<4>[ 30.000009] platform_probe (drivers/base/platform.c:1404)',
    '<4>[   30.000010] ---[ end trace 0000000000000000 ]---',
  ].join('\n');
  const r = await analyzeText(log);
  expect(r.clusters.map((c) => [c.title, c.example.corrupted, c.example.frames.map((f) => f.func)])).toEqual([
    ['WARNING in foo_check', undefined, ['foo_check', 'foo_probe', 'platform_probe']],
  ]);
});

test('a trace cut to names reads as one', async () => {
  const log = [
    'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000018',
    'Internal error: Oops: 96000004 [#1] PREEMPT SMP',
    'CPU: 3 PID: 1707 Comm: systemd-udevd Not tainted 5.17.0 #51',
    'pc : __lock_acquire',
    'lr : lock_acquire.part.0',
    'Call trace:',
    ' __lock_acquire',
    ' lock_acquire',
    ' _raw_spin_lock',
    ' demo_walk',
    ' demo_migrate_one',
    '---[ end trace 0000000000000000 ]---',
  ].join('\n');
  expect(await clusters(log)).toEqual([{ title: 'BUG: unable to handle kernel NULL pointer dereference in demo_walk', count: 1, corrupted: false }]);
});

// syzkaller report 450, and arm64 boards whose bootloader breaks the boot protocol: no bug, no splat.
test('a healthy boot that prints benign `WARNING:` messages has no splat', async () => {
  const log = stamped(0, [
    'Booting Linux on physical CPU 0x0000000000 [0x410fd034]',
    'Linux version 6.1.0 (demo@build) #1 SMP PREEMPT',
    'WARNING: x1-x3 nonzero in violation of boot protocol:',
    '\tx1: 0000000000000000',
    '\tx2: 0000000000000000',
    '\tx3: 0000000000000001',
    'This indicates a broken bootloader or old kernel',
    'WARNING: workqueue cpumask: online intersect > possible intersect',
  ]);
  expect(await clusters(log)).toEqual([]);
});

// What arm64's hard-lockup detectors print; syzkaller report 1002 (RCU Tasks). Neither had been a report.
test('a hard lockup and an RCU Tasks stall are reports', async () => {
  const log = stamped(80, [
    'watchdog: Watchdog detected hard LOCKUP on cpu 2',
    'Modules linked in:',
    'CPU: 2 PID: 321 Comm: demo Not tainted 6.6.0 #1',
    'pc : demo_spin_irqoff+0x20/0x40',
    'Call trace:',
    ' demo_spin_irqoff+0x20/0x40',
    ' demo_ioctl+0x50/0x90',
    ' __arm64_sys_ioctl+0xa8/0xf0',
    ' invoke_syscall+0x48/0x114',
  ]) + stamped(1992, [
    'INFO: rcu_tasks detected stalls on tasks:',
    'ffff000012345678: .. nvcsw: 2/2 holdout: 1 idle_cpu: -1/1',
    'task:demo            state:R  running task     stack:0     pid:1414  ppid:1     flags:0x00000008',
    'Call trace:',
    ' __switch_to+0x100/0x180',
    ' demo_poll_loop+0x40/0x100',
    ' demo_other_ioctl+0x80/0x100',
    ' __arm64_sys_ioctl+0x90/0xd0',
    ' invoke_syscall+0x50/0x120',
  ]);
  expect((await clusters(log)).map((c) => c.title)).toEqual(['hard LOCKUP in demo_ioctl', 'INFO: rcu detected stall in demo_other_ioctl']);
});

// 7 of the 9 reports the mail audit found missed: a log pasted indented without printk stamps (a commit message, a
// stable backport, a reply: Qian Cai's arm64 KASAN Oops, a LoongArch Bad page state, a KFENCE report).
test.each(['  ', '\t', '     '])('a log pasted with the indent %j and no stamps', async (pad) => {
  const log = [
    'Reverting this fixed the boot.',
    '',
    ...[
      'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010',
      'Internal error: Oops: 96000004 [#1] PREEMPT SMP',
      'CPU: 3 PID: 17 Comm: kworker/3:1 Not tainted 6.6.0 #1',
      'pc : foo_read+0x1c/0x40',
      'lr : foo_work+0x30/0x60',
      'Call trace:',
      ' foo_read+0x1c/0x40',
      ' foo_work+0x30/0x60',
      ' process_one_work+0x1f0/0x3e0',
      '---[ end trace 0000000000000000 ]---',
    ].map((l) => `${pad}${l}`),
    '',
    'Thanks.',
  ].join('\n');
  const r = await analyzeText(log);
  expect(r.clusters.map((c) => [c.title, c.example.cpu, c.example.release, c.example.frames.length])).toEqual([
    ['BUG: unable to handle kernel NULL pointer dereference in foo_read', 3, '6.6.0', 3],
  ]);
});

// syzkaller reports 1003-1004 and 557-561: lockdep titles from the lock's site, as syzkaller gives them. They had
// named lockdep's own frames (`valid_state`) or the lock being taken instead of the stack that made it irq-safe.
test('lockdep: inconsistent lock state by its `takes:` site, an irq lock order by the stack that made it irq-safe', async () => {
  const inconsistent = stamped(60, [
    'WARNING: inconsistent lock state',
    'inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.',
    'swapper/0/0 [HC0[0]:SC1[1]:HE1:SE0] takes:',
    'ffff000012340000 (&demo->lock){+.?.}-{2:2}, at: demo_timer_fn+0x20/0x80',
    '{SOFTIRQ-ON-W} state was registered at:',
    '  lock_acquire+0x10/0x20',
    '  demo_init+0x30/0x60',
    'other info that might help us debug this:',
    '1 lock held by swapper/0/0:',
    ' #0: ffff800082a1bd20 ((&demo->timer)){+.-.}-{0:0}, at: call_timer_fn+0x10/0x100',
    'stack backtrace:',
    'Call trace:',
    ' print_usage_bug+0x300/0x380',
    ' valid_state+0x80/0xa0',
    ' demo_timer_fn+0x20/0x80',
  ]);
  const order = stamped(70, [
    'WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected',
    'demo/4242 [HC0[0]:SC0[0]:HE0:SE1] is trying to acquire:',
    'ffff000011110000 (&demo->list_lock){+.+.}-{2:2}, at: demo_enqueue+0x24/0x80',
    '... which became HARDIRQ-irq-safe at:',
    '  lock_acquire+0x10/0x20',
    '  _raw_spin_lock_irqsave+0x10/0x20',
    '  demo_irq_handler+0x30/0x60',
    'stack backtrace:',
    'Call trace:',
    ' _raw_spin_lock+0x10/0x20',
    ' demo_enqueue+0x24/0x80',
  ]);
  expect((await clusters(inconsistent + order)).map((c) => c.title)).toEqual([
    'inconsistent lock state in demo_timer_fn',
    'possible deadlock in demo_irq_handler',
  ]);
});

// D Scott Phillips' Oops on an Ampere Altra (6.8-rc3 with the LPA2 series, quoted on linux-arm-kernel, 2024): the pc
// named a GCC clone and the Oops was no vmemmap finding; its memory map was not in the mail, yet x0 and x1 hold the
// struct page and its pfn, which fix memstart.
test('a ZONE_DEVICE Oops in a compiler clone, memstart from its page and pfn registers', async () => {
  // E4 48/4K (reference §4): VMEMMAP_END = -1 GiB, VMEMMAP_SIZE = (2^47 >> 12) * 64 = 2^41, so VMEMMAP_START =
  // -2^30 - 2^41; memstart 0x80000000 puts pfn p's page at VMEMMAP_START - (0x80000000 >> 12) * 64 + p * 64 (mod 2^64).
  const vmemmapStart = BigInt.asUintN(64, -(1n << 30n) - (1n << 41n));
  const memstart = 0x8000_0000n;
  const pfn = 0xfffa00000n;
  const page = BigInt.asUintN(64, vmemmapStart - (memstart >> 12n) * 64n + pfn * 64n);
  const h = (v: bigint) => v.toString(16).padStart(16, '0');
  const regs = Array.from({ length: 30 }, (_, i) => 29 - i).map((n) => {
    const value = n === 0 ? page : n === 1 ? pfn : n === 24 ? vmemmapStart : BigInt(n);
    return `x${n}${n < 10 ? ' ' : ''}: ${h(value)}`;
  });
  const rows = Array.from({ length: 10 }, (_, i) => regs.slice(3 * i, 3 * i + 3).join(' '));
  const log = stamped(22, [
    `Unable to handle kernel paging request at virtual address ${h(page + 0x34n)}`,
    'Internal error: Oops: 0000000096000044 [#1] SMP',
    'CPU: 0 PID: 564 Comm: kworker/0:2 Tainted: G        W          6.8.0-rc3+ #2',
    'pc : __init_zone_device_page.constprop.0+0x2c/0xa8',
    'lr : memmap_init_zone_device+0xf0/0x210',
    ...rows,
    'Call trace:',
    ' __init_zone_device_page.constprop.0+0x2c/0xa8',
    ' memmap_init_zone_device+0xf0/0x210',
    ' pagemap_range+0x1e0/0x410',
    ' memremap_pages+0x18c/0x2e0',
    ' devm_memremap_pages+0x30/0x90',
    ' kgd2kfd_init_zone_device+0xf0/0x200 [amdgpu]',
  ]);
  const r = await analyzeText(log);
  const finding = r.clusters.flatMap((c) => c.vmemmap)[0];
  expect(finding?.op).toBe('init-zone-device');
  expect(finding?.layout?.memstart).toMatchObject({ value: memstart, source: { kind: 'register', reg: 'x0, x1' } });
  expect(finding?.pfnHull?.start).toBe(pfn);
});

// A second audit: with bare names read anywhere in a trace, a mail's signature after it became a frame (`WARNING in
// Alice`), and split identical WARNINGs into two clusters.
test('a lone name after a mailed trace and a line of prose is no frame', async () => {
  const warning = [
    'WARNING: CPU: 0 PID: 99 at drivers/misc/foo.c:77 foo_check+0x40/0x80',
    'CPU: 0 PID: 99 Comm: kworker/0:1 Not tainted 6.12.0 #1',
    'Call trace:',
    ' dump_backtrace+0x0/0x1e0',
    ' __warn+0xa0/0x150',
    ' report_bug+0xa0/0x160',
  ];
  const log = [...warning, '', 'Regards,', ' Alice'].join('\n');
  expect(await clusters(log)).toEqual([{ title: 'WARNING in foo_check', count: 1, corrupted: false }]);
});
