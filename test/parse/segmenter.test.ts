import type { LogRecord, Splat } from '../../src/parse/types.js';
import { isOpener, Segmenter } from '../../src/parse/segmenter.js';
import { UsageError } from '../../src/errors.js';

/** Records numbered from `first`, printk-stamped 1 ms apart, optionally with a caller id. */
function records(lines: readonly string[], opts: { first?: number; caller?: string; ts?: number } = {}): LogRecord[] {
  return lines.map((text, i) => ({
    lineNo: (opts.first ?? 1) + i,
    text,
    ts: (opts.ts ?? 100) + i / 1000,
    ...(opts.caller !== undefined && { caller: opts.caller }),
  }));
}

function segment(recs: readonly LogRecord[], maxSplatLines?: number): Splat[] {
  const splats: Splat[] = [];
  const seg = new Segmenter({ onSplat: (s) => splats.push(s), ...(maxSplatLines !== undefined && { maxSplatLines }) });
  for (const rec of recs) seg.push(rec, 0);
  seg.finish();
  return splats;
}

const REGS = Array.from({ length: 15 }, (_, k) => {
  const hi = 29 - 2 * k;
  const pad = (n: number) => `x${n}`.padEnd(3);
  return `${pad(hi)}: ffff0000c0de${String(hi).padStart(4, '0')} ${pad(hi - 1)}: 0000000000${String(hi - 1).padStart(6, '0')}`;
});

const VMEMMAP_WARNING = [
  '------------[ cut here ]------------',
  'WARNING: CPU: 3 PID: 452 at arch/arm64/mm/mmu.c:1197 vmemmap_populate+0x44/0x194',
  'Modules linked in: nouveau(O) drm_kms_helper',
  'CPU: 3 PID: 452 Comm: modprobe Tainted: G        W  O      6.1.0-rc1 #1',
  'Hardware name: linux,dummy-virt (DT)',
  'pstate: 80000005 (Nzcv daif -PAN -UAO -TCO -DIT -SSBS BTYPE=--)',
  'pc : vmemmap_populate+0x44/0x194',
  'lr : __populate_section_memmap+0x5c/0x80',
  'sp : ffff80000a3bb7e0',
  ...REGS,
  'Call trace:',
  ' vmemmap_populate+0x44/0x194',
  ' __populate_section_memmap+0x5c/0x80',
  ' sparse_add_section+0x14c/0x2e4',
  ' __add_pages+0xb0/0x1a0 [nouveau]',
  ' el0t_64_sync+0x190/0x194 (P)',
  'Code: d2800000 17ffffe8 d4210000 17fffff0 (d4210000) ',
  '---[ end trace 0000000000000000 ]---',
];

describe('Segmenter.abandon (a read that was stopped)', () => {
  // A review found the second case: a stop inside the trace had kept the report, under another id (fewer frames).
  test('drops a report still before or inside its call trace, closes one past it, and says how many it dropped', () => {
    const splats: Splat[] = [];
    const seg = new Segmenter({ onSplat: (s) => splats.push(s) });
    const pastTrace = VMEMMAP_WARNING.slice(0, VMEMMAP_WARNING.findIndex((l) => l.startsWith('Code:')) + 1);
    const inTrace = VMEMMAP_WARNING.slice(0, VMEMMAP_WARNING.indexOf(' __populate_section_memmap+0x5c/0x80') + 1);
    for (const rec of records(pastTrace, { caller: 'T1' })) seg.push(rec, 0);
    for (const rec of records(inTrace, { first: 100, caller: 'T2' })) seg.push(rec, 0);
    for (const rec of records(VMEMMAP_WARNING.slice(0, 8), { first: 200, caller: 'T3' })) seg.push(rec, 0);
    expect(seg.abandon()).toBe(2);
    expect(splats.map((s) => [s.firstLine, s.corrupted])).toEqual([[1, undefined]]);
    seg.finish();
    expect(splats).toHaveLength(1);
  });
});

describe('Segmenter', () => {
  test('one arm64 WARNING: site, task, taint, release, registers, frames, modules, code', () => {
    const [s, ...rest] = segment(records(['usb 1-1: new device', ...VMEMMAP_WARNING, 'usb 1-1: gone'], { first: 10 }));
    expect(rest).toHaveLength(0);
    expect(s).toMatchObject({
      kind: 'warning',
      title: 'WARNING in vmemmap_populate',
      site: { file: 'arch/arm64/mm/mmu.c', line: 1197, func: 'vmemmap_populate', off: 0x44n, size: 0x194n },
      cpu: 3,
      pid: 452,
      comm: 'modprobe',
      taint: { raw: 'G        W  O', flags: ['WARN', 'OOT_MODULE'] },
      release: '6.1.0-rc1',
      build: '1',
      hardware: 'linux,dummy-virt (DT)',
      pstate: '80000005 (Nzcv daif -PAN -UAO -TCO -DIT -SSBS BTYPE=--)',
      pc: { func: 'vmemmap_populate', off: 0x44n },
      lr: { func: '__populate_section_memmap' },
      sp: 0xffff_8000_0a3b_b7e0n,
      modules: ['nouveau', 'drm_kms_helper'],
      code: 'd2800000 17ffffe8 d4210000 17fffff0 (d4210000)',
      firstLine: 11,
      lastLine: 11 + VMEMMAP_WARNING.length - 1,
      ts: 100.002,
    });
    expect(s?.corrupted).toBeUndefined();
    expect(s?.regs.size).toBe(30);
    expect(s?.regs.get('x29')).toBe(0xffff_0000_c0de_0029n);
    expect(s?.frames.map((f) => f.func)).toEqual([
      'vmemmap_populate',
      '__populate_section_memmap',
      'sparse_add_section',
      '__add_pages',
      'el0t_64_sync',
    ]);
    expect(s?.frames[3]?.module).toBe('nouveau');
    expect(s?.frames[4]?.marker).toBe('P');
    expect(s?.lines[0]?.text).toContain('cut here');
  });

  test('Unable to handle + Internal error + Kernel panic after the end trace: one report, escalated', () => {
    const lines = [
      'Unable to handle kernel paging request at virtual address dfffa00000000003',
      'Mem abort info:',
      '  ESR = 0x96000004',
      'Internal error: Oops: 96000004 [#1] PREEMPT SMP',
      'pc : selinux_socket_sendmsg+0x28/0x58',
      'Call trace:',
      ' selinux_socket_sendmsg+0x28/0x58',
      ' security_socket_sendmsg+0x68/0xd0',
      '---[ end trace bfc0c3bff103ed46 ]---',
      'Kernel panic - not syncing: Oops: Fatal exception',
      'SMP: stopping secondary CPUs',
      'Rebooting in 86400 seconds..',
    ];
    const splats = segment(records(lines));
    expect(splats).toHaveLength(1);
    expect(splats[0]).toMatchObject({
      kind: 'oops',
      title: 'BUG: unable to handle kernel paging request in selinux_socket_sendmsg',
      escalations: ['Internal error: Oops: 96000004 [#1] PREEMPT SMP', 'Kernel panic - not syncing: Oops: Fatal exception'],
      lastLine: 12,
    });
  });

  test('the panic_on_warn panic after a report ended by its ===== rule escalates that report, not a report of its own', () => {
    const rule = '='.repeat(66);
    const ubsan = [
      rule,
      'UBSAN: array-index-out-of-bounds in drivers/foo/bar.c:123:45',
      "index 8 is out of range for type 'u32 [8]'",
      'Call trace:',
      ' __ubsan_handle_out_of_bounds+0x124/0x168',
      ' foo_init+0x1c8/0x200',
      ' do_one_initcall+0x60/0x1d0',
      rule,
      'Kernel panic - not syncing: UBSAN: panic_on_warn set ...',
      'Call trace:',
      ' panic+0x32c/0x3a0',
      ' check_panic_on_warn+0x84/0xa0',
      ' ubsan_epilogue+0x50/0x5c',
      'Kernel Offset: disabled',
    ];
    const splats = segment(records(ubsan));
    expect(splats).toHaveLength(1);
    expect(splats[0]).toMatchObject({
      kind: 'ubsan',
      title: 'UBSAN: array-index-out-of-bounds in foo_init',
      escalations: ['Kernel panic - not syncing: UBSAN: panic_on_warn set ...'],
      lastLine: 14,
    });
    expect(splats[0]?.frames.map((f) => f.func)).toEqual(['__ubsan_handle_out_of_bounds', 'foo_init', 'do_one_initcall']);
    expect(splats[0]?.corrupted).toBeUndefined();
  });

  test('a hung task report takes its lock dump, and the khungtaskd panic after the dump\'s rule escalates it', () => {
    const hung = (fn: string) => [
      'INFO: task kworker/u4:2:48 blocked for more than 143 seconds.',
      'Call trace:',
      ' __switch_to+0xf0/0x170',
      ` ${fn}+0x30/0x90`,
      ' kthread+0x108/0x10c',
      '',
      'Showing all locks held in the system:',
      '1 lock held by khungtaskd/30:',
      ' #0: ffff80000a1b2c80 (rcu_read_lock){....}-{1:2}, at: debug_show_all_locks+0x18/0x1c0',
      'no locks held by kworker/u4:2/48.',
      '',
      '='.repeat(45),
      '',
      'Kernel panic - not syncing: hung_task: blocked tasks',
      'Call trace:',
      ' panic+0x168/0x360',
      ' watchdog+0x2c4/0x4f0',
      '---[ end Kernel panic - not syncing: hung_task: blocked tasks ]---',
    ];
    const splats = segment(records([...hung('foo_flush'), ...hung('qux_flush')]));
    expect(splats.map((s) => [s.kind, s.title, s.firstLine, s.lastLine, s.escalations])).toEqual([
      ['hung-task', 'INFO: task hung in foo_flush', 1, 18, ['Kernel panic - not syncing: hung_task: blocked tasks']],
      ['hung-task', 'INFO: task hung in qux_flush', 19, 36, ['Kernel panic - not syncing: hung_task: blocked tasks']],
    ]);
    expect(splats[0]?.frames.map((f) => f.func)).toEqual(['__switch_to', 'foo_flush', 'kthread']);
  });

  test('a lock dump past the line cap is counted, not kept, for as many lines again; the report is not corrupted', () => {
    const lines = ['INFO: task a:48 blocked for more than 143 seconds.', 'Call trace:', ' f+0x30/0x90', ' kthread+0x108/0x10c',
      'Showing all locks held in the system:', ...Array.from({ length: 20 }, (_, i) => `1 lock held by t/${i}:`), '='.repeat(45)];
    const [s] = segment(records(lines), 10);
    expect(s?.title).toBe('INFO: task hung in f');
    expect(s?.corrupted).toBeUndefined();
    // Records 11-20 are counted; record 21 ends it, and is dropped with them.
    expect([s?.lines.length, s?.droppedLines, s?.lastLine]).toEqual([10, 11, 20]);
  });

  test('past its cap a report waiting for its closing rule, or with no lock dump, is over as before', () => {
    const rule = '='.repeat(66);
    // KASAN's closing rule never comes; the WARNING is followed by a sysrq dump of every task's trace.
    const kasan = [rule, 'BUG: KASAN: use-after-free in f+0x1/0x8', 'Call trace:', ' f+0x1/0x8', ' g+0x1/0x8',
      'Memory state around the buggy address:', ...Array.from({ length: 30 }, () => ' ffff000012345600: fa fb fb fb'),
      'Kernel panic - not syncing: Fatal exception'];
    const warning = ['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'Call trace:', ' f+0x1/0x2', ' g+0x1/0x2', '---[ end trace 0000000000000000 ]---',
      ...Array.from({ length: 15 }, (_, i) => ['Call trace:', ` h${i}+0x1/0x2`]).flat(), 'Kernel panic - not syncing: sysrq triggered crash'];
    for (const lines of [kasan, warning]) {
      const splats = segment(records(lines), 10);
      // The panic, long after, is a report of its own.
      expect(splats.map((s) => [s.firstLine, s.lastLine, s.droppedLines, s.corrupted, s.escalations])).toEqual([
        [1, 10, 1, undefined, undefined],
        [lines.length, lines.length, undefined, undefined, undefined],
      ]);
    }
  });

  test('a report at its cap still takes the panic that escalates it, whether the cap fell on its rule or before', () => {
    const hung = (locks: number) => ['INFO: task a:48 blocked for more than 143 seconds.', 'Call trace:', ' f+0x30/0x90',
      ' kthread+0x108/0x10c', 'Showing all locks held in the system:', ...Array.from({ length: locks }, (_, i) => `1 lock held by t/${i}:`),
      '='.repeat(45), 'Kernel panic - not syncing: hung_task: blocked tasks', 'Call trace:', ' panic+0x168/0x360'];
    for (const locks of [4, 5, 8]) {
      const splats = segment(records(hung(locks)), 10);
      expect(splats.map((s) => [s.title, s.escalations, s.corrupted])).toEqual([
        ['INFO: task hung in f', ['Kernel panic - not syncing: hung_task: blocked tasks'], undefined],
      ]);
    }
  });

  test('the site quoted under `Preemption disabled at:` is no call trace (syzkaller scheduling while atomic)', () => {
    const lines = [
      'BUG: scheduling while atomic: syz-executor607/8444/0x00000002',
      'no locks held by syz-executor607/8444.',
      'Preemption disabled at:',
      '[<ffffffff812aa3e4>] kernel_fpu_begin_mask+0x64/0x260',
      'Kernel panic - not syncing: scheduling while atomic',
      'CPU: 1 PID: 8444 Comm: syz-executor607 Not tainted 5.13.0-rc6-syzkaller #0',
      'Call Trace:',
      ' panic+0x306/0x73d',
      ' __schedule_bug.cold+0x10c/0x143',
      ' __schedule+0x19df/0x23e0',
      ' schedule+0xcf/0x270',
      ' exit_to_user_mode_prepare+0x14d/0x290',
      ' irqentry_exit_to_user_mode+0x5/0x40',
    ];
    const [s] = segment(records(lines));
    expect(s?.title).toBe('BUG: scheduling while atomic in exit_to_user_mode_prepare');
    expect(s?.frames.map((f) => f.func)).not.toContain('kernel_fpu_begin_mask');
  });

  test('`Preemption disabled at:` with no site, straight before `Call Trace:`: the first frame is the trace’s', () => {
    const lines = ['BUG: scheduling while atomic: kworker/0:1/12/0x00000002', 'Preemption disabled at:', 'Call Trace:',
      ' foo_work+0x10/0x20', ' process_one_work+0x1/0x2'];
    const [s] = segment(records(lines));
    expect(s?.frames.map((f) => f.func)).toEqual(['foo_work', 'process_one_work']);
  });

  test('x86 `PANIC: double fault` starts its own report: nothing of its own comes before it', () => {
    const lines = ['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'Call Trace:', ' f+0x1/0x2', ' g+0x1/0x2',
      '---[ end trace 0000000000000000 ]---', 'PANIC: double fault, error_code: 0x0',
      'Oops: double fault: 0000 [#1] PREEMPT SMP KASAN', 'RIP: 0010:h+0x1/0x2', 'Call Trace:', ' h+0x1/0x2'];
    expect(segment(records(lines)).map((s) => [s.title, s.escalations])).toEqual([
      ['WARNING in f', undefined],
      ['PANIC: double fault in h', ['Oops: double fault: 0000 [#1] PREEMPT SMP KASAN']],
    ]);
  });

  // syzkaller report 315: the double fault's own `Call Trace:` is empty, the trace after it is the panic's.
  test('x86 `PANIC: double fault` with a RIP in a skipped frame is `in corrupted`, not named from the panic', () => {
    const lines = ['PANIC: double fault, error_code: 0x0', 'RIP: 0010:trace_hardirqs_off_thunk+0xb/0x1c', 'Call Trace:',
      'Kernel panic - not syncing: Machine halted.', 'Call Trace:', ' <#DF>', ' dump_stack+0x9b/0xe7', ' panic+0x1ad/0x325',
      ' df_debug+0x32/0x32', ' do_double_fault+0x1b3/0x1c7', ' double_fault+0x23/0x30'];
    const [s] = segment(records(lines));
    expect([s?.title, s?.corrupted]).toEqual(['PANIC: double fault in corrupted', 'no frame to name the report']);
  });

  test('x86 BUG(): `kernel BUG at` and the `invalid opcode` its ud2 raised are one report', () => {
    const lines = [
      '------------[ cut here ]------------',
      'kernel BUG at fs/ext4/inode.c:2750!',
      'Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN',
      'CPU: 0 PID: 5082 Comm: syz-executor Not tainted 6.1.0 #1',
      'RIP: 0010:ext4_writepages+0x1f0/0x200',
      'Call Trace:',
      ' <TASK>',
      ' do_writepages+0x1a0/0x2d0',
      ' filemap_fdatawrite_wbc+0x120/0x180',
      ' </TASK>',
      '---[ end trace 0000000000000000 ]---',
    ];
    const splats = segment(records(lines));
    expect(splats.map((s) => [s.kind, s.escalations])).toEqual([['bug', ['Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN']]]);
  });

  test('a SLUB debug report between its rules: titled by its message and the first frame past the allocator', () => {
    const lines = [
      '='.repeat(77),
      'BUG kmalloc-64 (Not tainted): Object already free',
      '-'.repeat(77),
      '',
      'Allocated in foo_alloc+0x24/0x60 age=12 cpu=1 pid=345',
      'CPU: 1 PID: 345 Comm: foo Tainted: G    B            5.10.0 #1',
      'Call Trace:',
      ' dump_stack+0x8b/0xb0',
      ' print_trailer+0x120/0x130',
      ' free_debug_processing+0x1c4/0x250',
      ' __slab_free+0x2a/0x3d0',
      ' kfree+0x2a0/0x2c0',
      ' foo_release+0x30/0x80',
      ' __fput+0xe4/0x250',
      'FIX kmalloc-64: Object at 0xffff88000abc0040 not freed',
    ];
    const [s] = segment(records(lines));
    expect(s).toMatchObject({ kind: 'bug', title: 'BUG: Object already free in foo_release', firstLine: 1 });
  });

  test('a SLUB header after a rule the report before it took as its own closing rule (it had lacked one)', () => {
    const rule = '='.repeat(77);
    const ubsan = ['UBSAN: array-index-out-of-bounds in a.c:1:2', 'index 5 is out of range', 'Call trace:', ' f+0x1/0x2', ' g+0x1/0x2'];
    const slub = ['BUG kmalloc-64 (Not tainted): Object already free', 'Call Trace:', ' kfree+0x2a0/0x2c0', ' foo_release+0x30/0x80'];
    expect(segment(records([...ubsan, rule, ...slub])).map((s) => [s.title, s.firstLine])).toEqual([
      ['UBSAN: array-index-out-of-bounds in f', 1],
      ['BUG: Object already free in foo_release', 7],
    ]);
  });

  test('a SLUB header opens a report only straight after its rule, as the byte prefilter only then reads it', () => {
    const slub = ['BUG kmalloc-64 (Not tainted): Object already free', 'Call Trace:', ' kfree+0x2a0/0x2c0', ' foo_release+0x30/0x80'];
    expect(segment(records(slub))).toEqual([]);
    expect(segment(records(['='.repeat(77), 'x', ...slub]))).toEqual([]);
    expect(segment(records(['='.repeat(77), ...slub])).map((s) => s.title)).toEqual(['BUG: Object already free in foo_release']);
  });

  test('a rule-ended report followed by the next report at once: two reports, neither escalated', () => {
    const rule = '='.repeat(66);
    const kasan = (fn: string) => [rule, `BUG: KASAN: use-after-free in ${fn}+0x1/0x8`, 'Read of size 8 at addr ffff000012345678',
      'Call trace:', ` ${fn}+0x1/0x8`, ' do_one_initcall+0x60/0x1d0', rule];
    const splats = segment(records([...kasan('f_a'), ...kasan('f_b')]));
    expect(splats.map((s) => [s.title, s.escalations])).toEqual([
      ['KASAN: use-after-free Read in f_a', undefined],
      ['KASAN: use-after-free Read in f_b', undefined],
    ]);
    expect(splats[0]?.lastLine).toBe(7);
  });

  test('reports of two tasks interleaved line by line are told apart by caller id', () => {
    const a = records(['Unable to handle kernel paging request at virtual address 00616161616161a1', 'pc : f_a+0x1/0x8',
      'Call trace:', ' f_a+0x1/0x8', '---[ end trace 0 ]---'], { caller: 'T3083' });
    const b = records(['Unable to handle kernel paging request at virtual address 00616161616161a1', 'pc : f_b+0x1/0x8',
      'Call trace:', ' f_b+0x1/0x8', '---[ end trace 1 ]---'], { caller: 'T3080', first: 100 });
    const mixed = a.flatMap((rec, i) => [rec, b[i] as LogRecord]);
    const titles = segment(mixed).map((s) => `${s.caller} ${s.title}`).sort();
    expect(titles).toEqual([
      'T3080 BUG: unable to handle kernel paging request in f_b',
      'T3083 BUG: unable to handle kernel paging request in f_a',
    ]);
  });

  describe('a new boot ends the reports of other contexts still open (regression: ev.txt, 1060 boots)', () => {
    const report = records(['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'Modules linked in:'], { caller: 'T1311' });
    const booting = records(['Booting Linux on physical CPU 0x0'], { caller: 'T0', first: 10 });

    test('closed at the first record of the new boot, cut short while it waited for its trace', () => {
      const splats: Splat[] = [];
      const seg = new Segmenter({ onSplat: (s) => splats.push(s) });
      for (const rec of report) seg.push(rec, 4);
      expect(seg.oldestOpenBoot).toBe(4);
      seg.push(booting[0]!, 5);
      expect(splats.map((s) => [s.bootIndex, s.lastLine])).toEqual([[4, 2]]);
      expect(splats[0]?.corrupted).toMatch(/^the kernel rebooted inside the report; /);
      expect(seg.oldestOpenBoot).toBeUndefined();
    });

    test('the same boot, or the record\'s own context, leaves it open', () => {
      const splats: Splat[] = [];
      const seg = new Segmenter({ onSplat: (s) => splats.push(s) });
      for (const rec of report) seg.push(rec, 4);
      seg.push(booting[0]!, 4);
      seg.push({ ...booting[0]!, caller: 'T1311', text: 'Call trace:', lineNo: 11 }, 5);
      expect(splats).toEqual([]);
      expect(seg.oldestOpenBoot).toBe(4);
    });
  });

  test('without an end trace, the report closes after its trace when other messages follow', () => {
    const lines = ['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'Call trace:', ' f+0x1/0x2', ' g+0x1/0x2',
      'other message 1', ' h+0x1/0x2', 'other message 2', 'other message 3', 'other message 4', 'other message 5'];
    const [s] = segment(records(lines));
    expect(s?.frames.map((f) => f.func)).toEqual(['f', 'g', 'h']);
    expect(s?.lastLine).toBe(6);
    expect(s?.lines.map((r) => r.text)).not.toContain('other message 1');
  });

  test('a new header closes the open report; the incomplete one is corrupted, never dropped', () => {
    const lines = ['WARNING: CPU: 1 PID: 9 at x.c:1 f+0x1/0x2', 'Kernel panic - not syncing: panic_on_warn set ...',
      'Call Trace:', 'general protection fault: 0000 [#1] SMP KASAN', 'RIP: 0010:native_write_cr4+0x4/0x10',
      'Call Trace:', ' qlist_free_all+0x41/0x160', '---[ end trace 4ebaf0dcd226af03 ]---'];
    const splats = segment(records(lines));
    expect(splats.map((s) => [s.title, s.corrupted])).toEqual([
      ['WARNING in corrupted', 'no call trace'],
      ['general protection fault in native_write_cr4', undefined],
    ]);
  });

  test('a log ending inside a report and a cut register dump are reasons', () => {
    const lines = ['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'pc : f+0x1/0x2', ...REGS.slice(0, 3)];
    const [s] = segment(records(lines));
    expect(s?.corrupted).toContain('log ends inside the report');
    expect(s?.corrupted).toContain('no call trace');
    expect(s?.corrupted).toMatch(/register dump incomplete: missing x0, x1, .*x23/);
  });

  test('a report past maxSplatLines is closed as truncated', () => {
    const lines = ['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', ...Array.from({ length: 20 }, (_, i) => `body ${i}`)];
    const [s] = segment(records(lines), 10);
    expect(s?.corrupted).toContain('truncated: longer than 10 lines');
    expect(s?.lines).toHaveLength(10);
    expect(s?.droppedLines).toBe(1);
  });

  test('firmware and foreign WARNING lines are not splats', () => {
    const firmware: LogRecord = { lineNo: 1, text: 'WARNING: No OPTEE provided by BL2 boot loader' };
    const foreign: LogRecord = { lineNo: 2, text: 'WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', ts: 1, foreign: true };
    const kernel: LogRecord = { lineNo: 3, text: 'WARNING: foo', ts: 85.5 };
    const journal: LogRecord = { lineNo: 4, text: 'WARNING: bar', host: 'rk3588', wallTime: '2024-01-02T03:04:05Z' };
    // `dmesg -T`, `-H` and `--time-format iso|delta` replace the printk time with a stamp only dmesg writes (an audit).
    const dmesgT: LogRecord = { lineNo: 5, text: 'WARNING: baz', wallTime: '2026-11-28T06:16:02', fromDmesg: true };
    expect(segment([firmware, foreign, kernel, journal, dmesgT]).map((s) => [s.title, s.firstLine, s.lastLine])).toEqual([
      ['WARNING: foo', 3, 3],
      ['WARNING: bar', 4, 4],
      ['WARNING: baz', 5, 5],
    ]);
  });

  test('a printk time from another boot ends the report', () => {
    const recs = [...records(['Oops: 0003 [#5] PREEMPT SMP'], { ts: 58857 }), ...records(['wlp3s0: associated'], { ts: 37559, first: 2 })];
    const [s] = segment(recs);
    expect(s).toMatchObject({ lastLine: 1, corrupted: 'no call trace' });
  });

  test('dropped printk messages mark the report', () => {
    const lines = ['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', '** 3 printk messages dropped **', 'Call trace:', ' f+0x1/0x2'];
    expect(segment(records(lines))[0]?.corrupted).toBe('printk messages dropped inside the report');
  });

  test('wantsEveryLine while a cut here or a report is open', () => {
    const splats: Splat[] = [];
    const seg = new Segmenter({ onSplat: (s) => splats.push(s) });
    const [cut, ...report] = records(['------------[ cut here ]------------',
      'WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'Call trace:', ' f+0x1/0x2', '---[ end trace 0 ]---']);
    expect(seg.wantsEveryLine).toBe(false);
    seg.push(cut as LogRecord, 0);
    expect(seg.wantsEveryLine).toBe(true);
    for (const rec of report) seg.push(rec, 2);
    // Up to three messages of other CPUs may still come between the end trace and a `Kernel panic`.
    for (const rec of records(['eth0: up', 'eth1: up', 'eth2: up'], { first: 6 })) seg.push(rec, 2);
    expect(seg.wantsEveryLine).toBe(true);
    seg.push({ lineNo: 9, text: 'eth3: up', ts: 100.009 }, 2);
    expect(seg.wantsEveryLine).toBe(false);
    expect(splats).toHaveLength(1);
    expect(splats[0]?.bootIndex).toBe(2);
  });

  test('old arm64 4.x dump: PC is at, [<addr>] frames', () => {
    const lines = ['Unable to handle kernel paging request at virtual address dead000000000108',
      'Internal error: Oops: 96000044 [#1] PREEMPT SMP', 'PC is at _snd_timer_stop.constprop.9+0x184/0x2b0',
      'LR is at _snd_timer_stop.constprop.9+0x184/0x2b0',
      'pc : [<ffffffc000d394c4>] lr : [<ffffffc000d394c4>] pstate: 200001c5', 'sp : ffffffc016113990',
      'Call trace:', '[<ffffffc000d394c4>] _snd_timer_stop.constprop.9+0x184/0x2b0', '[<ffffffc000d3a000>] snd_timer_stop+0x10/0x20'];
    const [s] = segment(records(lines));
    expect(s).toMatchObject({
      title: 'BUG: unable to handle kernel paging request in _snd_timer_stop',
      pc: { func: '_snd_timer_stop.constprop.9', off: 0x184n, addr: 0xffff_ffc0_00d3_94c4n },
      pstate: '200001c5',
      sp: 0xffff_ffc0_1611_3990n,
    });
    expect(s?.frames[1]).toMatchObject({ func: 'snd_timer_stop', addr: 0xffff_ffc0_00d3_a000n });
  });
});

describe('a report whose CPU or task falls silent (caller ids)', () => {
  const report = records(['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'Call trace:', ' f+0x1/0x2', ' g+0x1/0x2',
    '---[ end trace 0000000000000000 ]---'], { caller: 'T1' });
  const others = (n: number, first: number) =>
    records(Array.from({ length: n }, (_, i) => `usb 1-1: new device number ${i}`), { caller: 'T2', first });

  test('with its trace, it is over after 256 records of others: the reader may leave its every-line path', () => {
    const splats: Splat[] = [];
    const seg = new Segmenter({ onSplat: (s) => splats.push(s) });
    for (const rec of [...report, ...others(256, 100)]) seg.push(rec, 0);
    expect(splats).toHaveLength(0);
    expect(seg.wantsEveryLine).toBe(true);
    for (const rec of others(1, 400)) seg.push(rec, 0);
    expect(splats.map((s) => [s.title, s.lastLine])).toEqual([['WARNING in f', 5]]);
    expect(seg.wantsEveryLine).toBe(false);
  });

  test('a tail line of its own before that still joins it', () => {
    const oops = records(['Internal error: Oops: 0000000096000005 [#1] PREEMPT SMP', 'Call trace:', ' f+0x1/0x2', ' g+0x1/0x2',
      '---[ end trace 0000000000000000 ]---'], { caller: 'T1' });
    const tail = records(['Kernel panic - not syncing: Oops: Fatal exception'], { caller: 'T1', first: 500 });
    const [s] = segment([...oops, ...others(200, 100), ...tail, ...others(300, 600)]);
    expect(s).toMatchObject({ kind: 'oops', escalations: ['Kernel panic - not syncing: Oops: Fatal exception'], lastLine: 500 });
  });

  // Found by a review: a panic a second after a WARNING's end marker (`VFS: Unable to mount root fs`) was taken into
  // the WARNING, and the log counted no panic. `__warn()` panics (panic_on_warn) before it prints that marker.
  test('a panic after a WARNING\'s end marker is a report of its own', () => {
    const tail = records(['Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)', 'Call trace:', ' panic+0x1/0x2'], {
      caller: 'T1',
      first: 500,
    });
    const splats = segment([...report, ...others(20, 100), ...tail]);
    expect(splats.map((s) => [s.kind, s.escalations])).toEqual([
      ['warning', undefined],
      ['panic', undefined],
    ]);
  });

  test('a panic_on_warn panic, printed before the end marker, still escalates the WARNING', () => {
    const warning = records(['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2', 'Call trace:', ' f+0x1/0x2', ' g+0x1/0x2',
      'Kernel panic - not syncing: kernel: panic_on_warn set ...'], { caller: 'T1' });
    const [s, ...rest] = segment(warning);
    expect(s).toMatchObject({ kind: 'warning', escalations: ['Kernel panic - not syncing: kernel: panic_on_warn set ...'] });
    expect(rest).toEqual([]);
  });

  test('one still waiting for its trace waits longer, then is cut short (a CPU that froze after its header)', () => {
    const splats: Splat[] = [];
    const seg = new Segmenter({ onSplat: (s) => splats.push(s) });
    for (const rec of [...report.slice(0, 1), ...others(1000, 100)]) seg.push(rec, 0);
    expect(splats).toHaveLength(0);
    for (const rec of records(['Call trace:', ' f+0x1/0x2'], { caller: 'T1', first: 2000 })) seg.push(rec, 0);
    seg.finish();
    expect(splats.map((s) => [s.title, s.corrupted])).toEqual([['WARNING in f', undefined]]);

    const frozen: Splat[] = [];
    const seg2 = new Segmenter({ onSplat: (s) => frozen.push(s) });
    for (const rec of [...report.slice(0, 1), ...others(4096, 100)]) seg2.push(rec, 0);
    expect(frozen).toHaveLength(0);
    for (const rec of others(1, 5000)) seg2.push(rec, 0);
    expect(frozen.map((s) => s.corrupted)).toEqual(['its CPU or task printed nothing more; no call trace']);
    expect(seg2.wantsEveryLine).toBe(false);
  });

  test('a trace still printing is not past it: its CPU may go on after 256 records of others', () => {
    const frames = records([' h+0x1/0x2', ' i+0x1/0x2', '---[ end trace 0000000000000000 ]---'], { caller: 'T1', first: 700 });
    const [s, ...rest] = segment([...report.slice(0, 4), ...others(300, 100), ...frames]);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ title: 'WARNING in f', lastLine: 702 });
    expect(s?.frames.map((f) => f.func)).toEqual(['f', 'g', 'h', 'i']);
  });

  test('each report is over after its own silence, whatever the order the contexts last printed in', () => {
    const splats: Splat[] = [];
    const seg = new Segmenter({ onSplat: (s) => splats.push(s) });
    const header = (caller: string, first: number) => records(['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2'], { caller, first });
    const traced = (caller: string, first: number) => records(report.map((r) => r.text), { caller, first });
    // T3 waits for its trace (4096), T4 and T5 have theirs (256); T4 printed after T3, T5 after both.
    // Records 1 (T3), 2-6 (T4), 7-11 (T5), then others from record 12 on.
    const log = [...header('T3', 10), ...traced('T4', 20), ...traced('T5', 30), ...others(256 - 5, 100)];
    for (const rec of log) seg.push(rec, 0);
    expect(splats).toHaveLength(0);
    for (const rec of others(1, 400)) seg.push(rec, 0);
    expect(splats.map((s) => s.caller)).toEqual(['T4']);
    for (const rec of others(4, 401)) seg.push(rec, 0);
    expect(splats).toHaveLength(1);
    for (const rec of others(1, 405)) seg.push(rec, 0);
    expect(splats.map((s) => s.caller)).toEqual(['T4', 'T5']);
    for (const rec of others(4097 - 268, 406)) seg.push(rec, 0);
    expect(splats).toHaveLength(2);
    for (const rec of others(1, 5000)) seg.push(rec, 0);
    expect(splats.map((s) => [s.caller, s.corrupted])).toEqual([
      ['T4', undefined],
      ['T5', undefined],
      ['T3', 'its CPU or task printed nothing more; no call trace'],
    ]);
  });

  test('past 1024 open reports the longest silent is closed: memory grows with the cap, not the tasks', () => {
    const splats: Splat[] = [];
    const seg = new Segmenter({ onSplat: (s) => splats.push(s) });
    for (let t = 0; t < 1025; t++) for (const rec of records(['WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2'], { caller: `T${t}`, first: t + 1 })) seg.push(rec, 0);
    expect(splats.map((s) => [s.caller, s.corrupted])).toEqual([['T0', 'more than 1024 reports of other CPUs or tasks were open; no call trace']]);
  });

  test('a report that gets its trace moves to the shorter wait', () => {
    const splats: Splat[] = [];
    const seg = new Segmenter({ onSplat: (s) => splats.push(s) });
    for (const rec of [...report.slice(0, 1), ...others(1000, 100), ...records(['Call trace:', ' f+0x1/0x2', 'Modules linked in:'], { caller: 'T1', first: 2000 })]) seg.push(rec, 0);
    for (const rec of others(257, 3000)) seg.push(rec, 0);
    expect(splats.map((s) => [s.title, s.lastLine])).toEqual([['WARNING in f', 2002]]);
  });
});

describe('settledAt', () => {
  const report = ['------------[ cut here ]------------', 'WARNING: CPU: 0 PID: 1 at mm/a.c:1 f+0x1/0x2', 'Call trace:', ' f+0x1/0x2'];

  test('settled at a cut-here line that ended the report before it; not inside a report', () => {
    const s = new Segmenter({ onSplat: () => undefined });
    records([...report, ...report]).forEach((rec, i) => {
      s.push(rec, 0);
      // Lines 1 and 5 are cut-here lines: the second closes the first report; each only waits as an opener.
      expect([rec.lineNo, s.settledAt(rec.lineNo)]).toEqual([rec.lineNo, i === 0 || i === 4]);
    });
  });

  test('not settled while another CPU’s report is open', () => {
    const s = new Segmenter({ onSplat: () => undefined });
    records(report.slice(0, 2), { caller: 'T2' }).forEach((rec) => s.push(rec, 0));
    const [cut] = records(report.slice(0, 1), { first: 3, caller: 'C1' });
    s.push(cut!, 0);
    expect(s.settledAt(3)).toBe(false);
  });
});

test('a user-space message between `cut here` and the header is not kept in the report (clearfog 5.8)', () => {
  const [s] = segment(
    records([
      '------------[ cut here ]------------',
      'systemd[1]: Created slice system-systemd\\x2dfsck.slice.',
      'Pool does not have so many bufs pool(0) bufs(2064)',
      'WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
      'Call trace:',
      ' mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
      '---[ end trace 0000000000000000 ]---',
    ]),
  );
  expect(s?.lines.map((l) => l.lineNo)).toEqual([1, 3, 4, 5, 6, 7]);
  expect(s?.firstLine).toBe(1);
});

test('vendor memory dumps after an Oops neither count against the line cap nor are kept (orangepi5 5.10)', () => {
  const row = (i: number) => `${(0xb92c + i * 32).toString(16).slice(-4)}  ${Array(8).fill('f9400aa1').join(' ')}`;
  const dump = Array.from({ length: 30 }, (_, r) => [`PC: 0xffffffc0107a${(0xbb2c + r).toString(16)}:`, ...Array.from({ length: 16 }, (_, i) => row(i))]).flat();
  const lines = [
    'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010',
    'Internal error: Oops: 96000005 [#1] SMP',
    'CPU: 4 PID: 3094 Comm: Xorg Not tainted 5.10.110+ #1',
    'pc : drm_setversion+0x80/0x18c',
    'Call trace:',
    ' drm_setversion+0x80/0x18c',
    ' drm_ioctl+0x2fc/0x348',
    ...dump,
    'Code: f9400aa1 eb03005f 54000149 d4210000 (f9400a60)',
    '---[ end trace c0a2e50280aaa3d4 ]---',
  ];
  expect(dump.length).toBeGreaterThan(400);
  const [s] = segment(records(lines), 400);
  expect(s?.corrupted).toBeUndefined();
  expect(s?.lastLine).toBe(lines.length);
  expect(s?.lines.some((l) => l.text.startsWith('Code: '))).toBe(true);
  expect(s?.lines.length).toBe(lines.length - 30 * 16);
});

describe('isOpener', () => {
  /** What it replaced, for lines short enough for it. */
  const OLD = /-{3,}\[? cut here \]?-{3,}|^={20,}$/;

  test.each([
    '------------[ cut here ]------------',
    '8<--- cut here ---',
    '--[ cut here ]--',
    '---[ cut here ---',
    '--- cut here ]---',
    '---[ cut here]---',
    '---[cut here ]---',
    'x ---[ cut here ]--- y',
    '-- cut here -- ---[ cut here ]---',
    '====================',
    '===================',
    '==================== x',
    ' ====================',
    '= ------------[ cut here ]------------',
    'cut here',
    '',
  ])('%j as the regex said', (line) => {
    expect(isOpener(line)).toBe(OLD.test(line));
  });

  test('a long run of dashes in linear time (the regex had been quadratic)', () => {
    const dashes = '-'.repeat(200_000);
    expect(isOpener(`${dashes}x cut here ${dashes}`)).toBe(false);
    expect(isOpener(`${dashes}[ cut here ]${dashes}`)).toBe(true);
    expect(isOpener(`${'='.repeat(200_000)}x`)).toBe(false);
  });
});

// The trusty rows of syzkaller reports 353 and 356 (4.9, arm64): trusty's panic is a one-line report, and the kernel's
// WARNING in trusty_std_call32 that follows it one of its own.
describe('trusty panics', () => {
  const tail = ['trusty: HALT: (reason = 9)', 'trusty crashed', ...VMEMMAP_WARNING];

  test('the panic line is a report of its own, before the WARNING', () => {
    const splats = segment(records(['trusty: panic (caller 0xffffffffe000fbd0): DEBUG ASSERT FAILED at (lk/reflist.h:63): list_in_list(&ref->ref_node)', ...tail]));
    expect(splats.map((s) => [s.kind, s.title, s.firstLine, s.lastLine, s.corrupted])).toEqual([
      ['other', 'trusty: ASSERT FAILED: list_in_list(&ref->ref_node)', 1, 1, undefined],
      ['warning', 'WARNING in vmemmap_populate', 4, 4 + VMEMMAP_WARNING.length - 1, undefined],
    ]);
  });

  test('an assertion cut off its panic line is kept, marked corrupted', () => {
    const splats = segment(records(['trusty: panic (caller 0x1): ASSERT FAILED at (ipc.c:472): ', 'trusty: !list_in_list(&chan->node)', ...tail]));
    expect(splats[0]).toMatchObject({ title: 'trusty: ASSERT FAILED:', corrupted: 'the trusty assertion is not on its panic line' });
  });

  test('without a printk stamp the line is no report: trusty is firmware, its words could come from anywhere', () => {
    const splats = segment(records(['trusty: panic (caller 0x1): failed(-5) to start app 6']).map(({ ts: _ts, ...rec }) => rec));
    expect(splats).toEqual([]);
  });
});

// syzbot mails (arm64 'WARNING: locking bug in complete_all', a KASAN report quoted in a netdev backport) print the
// header once per inlined function: each repeat had opened a report of its own, `… in corrupted`.
describe('a symbolized header repeated for an inlined function', () => {
  test.each([
    ['WARNING: CPU: 0 PID: 42 at mm/foo.c:10 foo_inner mm/foo.c:10 [inline]', 'WARNING: CPU: 0 PID: 42 at mm/foo.c:10 foo_outer+0x20/0x40 mm/foo.c:30', 'WARNING in foo_outer'],
    ['BUG: KASAN: use-after-free in foo_inner include/linux/foo.h:10 [inline]', 'BUG: KASAN: use-after-free in foo_outer+0x18/0xa4 kernel/foo.c:60', 'KASAN: use-after-free Read in foo_outer'],
  ])('%s: one report from the first header, titled by the second', (inline, outer, title) => {
    const splats = segment(records([
      inline, outer, 'Read at addr ffff000012345678 by task syz-executor/42', 'CPU: 0 PID: 42 Comm: syz-executor Not tainted 6.1.0 #0',
      'Call trace:', ' foo_inner include/linux/foo.h:10 [inline]', ' foo_outer+0x18/0xa4 kernel/foo.c:60', ' bar+0x14/0x20 kernel/bar.c:11',
      '---[ end trace 0000000000000000 ]---',
    ]));
    expect(splats.map((s) => [s.title, s.firstLine, s.header])).toEqual([[title, 1, outer]]);
  });

  test('a header of another site after an [inline] one is a report of its own', () => {
    const splats = segment(records([
      'WARNING: CPU: 0 PID: 42 at mm/foo.c:10 foo_inner mm/foo.c:10 [inline]',
      'WARNING: CPU: 0 PID: 42 at mm/bar.c:99 bar+0x20/0x40 mm/bar.c:99',
      'Call trace:', ' bar+0x20/0x40', '---[ end trace 0000000000000000 ]---',
    ]));
    expect(splats.map((s) => s.firstLine)).toEqual([1, 2]);
  });
});

// A syzbot mail: "the reproducer is still triggering an issue:" and the title on the next line had made a report of
// its own (no trace, corrupted) before the real one.
describe('a bug title quoted in a mail', () => {
  const unstamped = (lines: readonly string[]): LogRecord[] => lines.map((text, i) => ({ lineNo: i + 1, text }));

  test.each(['BUG: bad usercopy in io_openat2_prep', 'general protection fault in foo_bar (2)', 'BUG: unable to handle kernel NULL pointer dereference in foo'])(
    '%s opens no report', (title) => {
      const splats = segment(unstamped([
        title, '', '------------[ cut here ]------------', 'kernel BUG at mm/usercopy.c:102!',
        'Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP', 'Call trace:', ' usercopy_abort+0x90/0x94', ' foo_bar+0x20/0x40',
        '---[ end trace 0000000000000000 ]---',
      ]));
      expect(splats.map((s) => s.firstLine)).toEqual([3]);
    },
  );

  test('a header the kernel printed, stamped, is read whatever its end', () => {
    const splats = segment(records(['BUG: bad usercopy in io_openat2_prep', 'Call trace:', ' foo_bar+0x20/0x40']));
    expect(splats).toHaveLength(1);
  });
});

// The shape of a report on linux-arm-kernel (5.8.0-rc6-next, APQ 8016): kernel/workqueue.c's header names the worker,
// its next line the work function (`%ps`; `print_symbol`'s `func+off/size` before 4.x), then the held locks and
// dump_stack, with another driver's line among them.
describe('BUG: workqueue leaked lock or atomic', () => {
  const report = (lastFunction: string) => [
    'BUG: workqueue leaked lock or atomic: kworker/2:4/0xfffffe00/188',
    `     last function: ${lastFunction}`,
    'no locks held by kworker/2:4/188.',
    'CPU: 2 PID: 188 Comm: kworker/2:4 Tainted: G        W         5.8.0-rc6-next-20200721 #1',
    'rtc-pm8xxx 200f000.spmi:pm8916@0:rtc@6000: registered as rtc0',
    'Hardware name: Qualcomm Technologies, Inc. APQ 8016 SBC (DT)',
    'Workqueue: rcu_gp srcu_invoke_callbacks',
    'Call trace:',
    ' dump_backtrace+0x0/0x1e0',
    ' show_stack+0x18/0x24',
    ' dump_stack+0xe0/0x150',
    ' process_one_work+0x6a4/0x768',
    ' worker_thread+0x48/0x498',
    ' kthread+0x158/0x168',
    ' ret_from_fork+0x10/0x1c',
  ];

  test.each([['srcu_invoke_callbacks'], ['srcu_invoke_callbacks+0x0/0x1a0']])('is titled after the work function: %s', (last) => {
    const splats = segment(records(report(last)));
    expect(splats.map((s) => [s.kind, s.title, s.corrupted ?? false])).toEqual([
      ['bug', 'BUG: workqueue leaked lock or atomic in srcu_invoke_callbacks', false],
    ]);
    expect(splats[0]?.frames.map((f) => f.func)).toContain('process_one_work');
  });
});

// Found by a review of the library API: Segmenter.push of anything but a record was a raw TypeError from inside
// (isOpener's charCodeAt), a record without its line number made a splat of lines null, and a bootIndex of '0' was
// taken as another boot, ending the reports of other CPUs at every record.
describe('Found by a review: push refuses wrong arguments with a UsageError', () => {
  const HEADER = 'WARNING: CPU: 0 PID: 1 at foo.c:1 bar+0x1/0x2';
  test.each([
    ['undefined', () => new Segmenter({ onSplat: () => {} }).push(undefined as never, 0), /^Segmenter\.push: record must be a log record \(\{ lineNo, text \}, as RecordAssembler gives it\), not undefined$/],
    ['a string', () => new Segmenter({ onSplat: () => {} }).push(HEADER as never, 0), /^Segmenter\.push: record must be a log record .*, not the string/],
    ['a record without its line number', () => new Segmenter({ onSplat: () => {} }).push({ text: HEADER, ts: 1 } as never, 0), /^Segmenter\.push: record must be a log record .*, not an object with keys text, ts$/],
    ['a bootIndex of "0"', () => new Segmenter({ onSplat: () => {} }).push({ lineNo: 1, text: HEADER }, '0' as never), /^Segmenter\.push: bootIndex must be a whole number of at least 0 \(the boot the record is in\), not the string '0'$/],
    ['a bootIndex of -1', () => new Segmenter({ onSplat: () => {} }).push({ lineNo: 1, text: HEADER }, -1), /bootIndex must be a whole number of at least 0 .*, not the number -1$/],
    ['holdsNeedle of "no"', () => new Segmenter({ onSplat: () => {} }).push({ lineNo: 1, text: HEADER }, 0, 'no' as never), /^Segmenter\.push: holdsNeedle must be a boolean, not the string 'no'$/],
  ])('%s', (_what, call, message) => {
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
  });
});

// Found by a review of the library API: settledAt('x') of a Segmenter with no report open said true.
test('Found by a review: Segmenter.settledAt of no line number is a UsageError', () => {
  const call = () => new Segmenter({ onSplat: () => {} }).settledAt('x' as never);
  expect(call).toThrow(UsageError);
  expect(call).toThrow(/^Segmenter\.settledAt: lineNo must be a whole number \(the last line read\), not the string 'x'$/);
});
