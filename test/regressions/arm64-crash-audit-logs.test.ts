/**
 * Bugs found by an audit of 34 real arm64 crash reports from LKML, linux-arm-kernel, syzbot mail and board vendors'
 * issue trackers (Rockchip, Renesas, Pine64, Hardkernel). The logs are not copied here: each case is a short log
 * written after the real one, with made-up names and addresses, and names where the real one was posted.
 */
import { analyzeText } from '../../src/api.js';

const stamped = (start: number, lines: readonly string[]) =>
  lines.map((l, i) => `[${(start + i / 1e6).toFixed(6).padStart(12)}] ${l}`).join('\n') + '\n';

const SERROR_DUMP = [
  'SError Interrupt on CPU3, code 0xbe000011 -- SError',
  'CPU: 3 PID: 2930 Comm: Xorg Not tainted 5.18.0-rc7 #1',
  'Hardware name: Demo RK3568 board (DT)',
  'pstate: 204000c9 (nzCv daIF +PAN -UAO -TCO -DIT -SSBS BTYPE=--)',
  'pc : demo_reg_write+0x20/0x30',
  'lr : demo_regmap_write+0x5c/0xb0',
  'sp : ffff80000aea3900',
];

// An ODROID-M1 issue: the console stopped after the SError's registers, and nothing was found.
test('an SError dump is a report of its own, with its registers', async () => {
  const r = await analyzeText(stamped(1569.7105, SERROR_DUMP));
  expect(r.clusters.map((c) => c.title)).toEqual(['kernel panic: Asynchronous SError Interrupt']);
  const example = r.clusters[0]!.example;
  expect([example.pc?.func, example.lr?.func, example.sp]).toEqual(['demo_reg_write', 'demo_regmap_write', 0xffff80000aea3900n]);
});

// A RockPro64 PCIe SError (linux-rockchip): the panic that follows joins the SError's report, whose registers had been
// left out of every report.
test("the SError's panic joins its report", async () => {
  const log = stamped(1.240649, [
    ...SERROR_DUMP,
    'Kernel panic - not syncing: Asynchronous SError Interrupt',
    'CPU: 3 PID: 2930 Comm: Xorg Not tainted 5.18.0-rc7 #1',
    'Hardware name: Demo RK3568 board (DT)',
    'Call trace:',
    ' el1_error+0x84/0x104',
    ' demo_reg_write+0x20/0x30',
    ' demo_probe+0xa4/0x150',
  ]);
  const r = await analyzeText(log);
  expect(r.clusters.map((c) => [c.title, c.count])).toEqual([['kernel panic: Asynchronous SError Interrupt', 1]]);
  expect(r.clusters[0]!.example.pc?.func).toBe('demo_reg_write');
});

// A Renesas R-Car 4.14 resume crash (linux-renesas-soc): `Bad mode in Error handler` then `Kernel panic - not syncing:
// bad mode`, whose registers had been lost the same way.
test('a bad-mode report (before 4.19) keeps its registers and syzkaller\'s title', async () => {
  const log = stamped(66.700577, [
    'Bad mode in Error handler detected on CPU3, code 0xbf000002 -- SError',
    'CPU: 3 PID: 2689 Comm: kworker/u16:22 Tainted: G         C      4.14.187 #17',
    'pc : demo_phy_init+0xa8/0x228',
    'lr : demo_phy_init+0xa0/0x228',
    'sp : ffff00000f1dbb50',
    'Kernel panic - not syncing: bad mode',
  ]);
  const r = await analyzeText(log);
  expect(r.clusters.map((c) => c.title)).toEqual(['kernel panic: bad mode']);
  expect(r.clusters[0]!.example.pc?.func).toBe('demo_phy_init');
});

// syzbot's own title of an arm64 exec-NX fault (its monthly report, 2025), and syzkaller's dashboard test data for a
// write to rodata: vmemwarn had made up `BUG: unable to handle kernel execute from non-executable memory in …`.
test.each([
  ['execute from non-executable memory', 'ffff0000f1a56540'],
  ['write to read-only memory', 'ffff800081c2d6a8'],
])('a kernel fault syzkaller has no row for is titled by its line: %s', async (what, address) => {
  const log = stamped(88.1, [
    `Unable to handle kernel ${what} at virtual address ${address}`,
    'Internal error: Oops: 000000008600000f [#1] PREEMPT SMP',
    'CPU: 1 PID: 4242 Comm: demo Not tainted 6.12.0 #1',
    'pc : demo_fault+0x10/0x20',
    'Call trace:',
    ' demo_fault+0x10/0x20',
    ' demo_caller+0x30/0x40',
  ]);
  const r = await analyzeText(log);
  expect(r.clusters.map((c) => c.title)).toEqual([`Unable to handle kernel ${what} at virtual address ADDR`]);
});

// A syzbot arm64 report (2022) starts below `Insufficient stack space to handle exception!`: syzkaller's row for the
// panic line titles it `kernel stack overflow in sock_close`, vmemwarn had `kernel panic: kernel stack overflow`.
test('a stack overflow panic without its first line is titled as the overflow', async () => {
  const log = stamped(120.5, [
    'Kernel panic - not syncing: kernel stack overflow',
    'CPU: 0 PID: 3653 Comm: demo Not tainted 6.1.0 #0',
    'Call trace:',
    ' panic+0x218/0x508',
    ' panic_bad_stack+0x134/0x154',
    ' handle_bad_stack+0x34/0x48',
    ' __bad_stack+0x78/0x7c',
    ' demo_recurse+0x400/0x4bc',
    ' demo_release+0xc8/0xe4',
    ' demo_close+0x50/0xf0',
    ' __fput+0x198/0x3e4',
  ]);
  const r = await analyzeText(log);
  expect(r.clusters.map((c) => c.title)).toEqual(['kernel stack overflow in demo_close']);
});

// A Jetson Xavier NX report on netdev (2026): lockdep's irq stamps, mailed without their `hardirqs last enabled at
// (N):` heads, read as the report's trace, and the whole `Call trace:` after them was dropped.
test("frame-shaped lines in a report's body give way to its Call trace", async () => {
  const log = [
    'BUG: sleeping function called from invalid context at kernel/locking/mutex.c:591',
    'in_atomic(): 0, irqs_disabled(): 1, non_block: 0, pid: 12, name: kworker/u24:0',
    'irq event stamp: 97058',
    'ktime_get+0x130/0x180',
    '_raw_spin_lock_irqsave+0x84/0x88',
    'handle_softirqs+0x448/0x494',
    '__do_softirq+0x14/0x20',
    'CPU: 1 UID: 0 PID: 12 Comm: kworker/u24:0 Not tainted 6.19.0 #591 PREEMPT',
    'Call trace:',
    '  show_stack+0x18/0x30 (C)',
    '  dump_stack_lvl+0x6c/0x94',
    '  __might_resched+0x154/0x220',
    '  __might_sleep+0x48/0x80',
    '  __mutex_lock+0x48/0x800',
    '  mutex_lock_nested+0x24/0x30',
    '  demo_disable_setting+0x9c/0x180',
    '  demo_commit_state+0x5c/0x260',
  ].join('\n');
  const r = await analyzeText(log);
  expect(r.clusters.map((c) => c.title)).toEqual(['BUG: sleeping function called from invalid context in demo_disable_setting']);
  expect(r.clusters[0]!.example.frames.map((f) => f.func)).toContain('demo_commit_state');
  expect(r.clusters[0]!.example.frames.map((f) => f.func)).not.toContain('ktime_get');
});
