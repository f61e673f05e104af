import type { Frame } from '../../src/parse/types.js';
import { matchHeader } from '../../src/parse/formats.js';
import { buildTitle, type TitleEvidence } from '../../src/parse/title.js';

const frames = (...funcs: string[]): Frame[] => funcs.map((func, i) => ({ func, off: 4n, size: 8n, lineNo: i + 1 }));

function titleOf(header: string, e: Omit<TitleEvidence, 'match'>): string {
  return buildTitleOf(header, e).title;
}

function buildTitleOf(header: string, e: Omit<TitleEvidence, 'match'>): { title: string; frameFound: boolean } {
  const m = matchHeader(header);
  if (!m) throw new Error(`no format for ${header}`);
  return buildTitle(m.format, { match: m.match, ...e });
}

const WARN = 'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197 vmemmap_populate+0x44/0x194';

describe('buildTitle', () => {
  test('WARNING: the pc function when it is not machinery', () => {
    const pc = { func: 'vmemmap_populate', off: 0x44n, size: 0x194n };
    expect(titleOf(WARN, { pc, frames: frames('vmemmap_populate', 'vmemmap_add'), atFuncs: [] })).toBe(
      'WARNING in vmemmap_populate',
    );
  });

  test('WARNING: a kmalloc bug skips the allocator, a zero-size vmalloc the vmalloc wrappers', () => {
    const kv = 'WARNING: CPU: 0 PID: 7 at mm/util.c:632 kvmalloc_node+0x1c4/0x1d0';
    expect(titleOf(kv, { frames: frames('kvmalloc_node', 'kvmalloc_array', 'kmem_cache_alloc_trace', 'foo_alloc_table'), atFuncs: [] })).toBe(
      'WARNING: kmalloc bug in foo_alloc_table',
    );
    const vm = 'WARNING: CPU: 1 PID: 2949 at mm/vmalloc.c:3132 __vmalloc_node_range+0x44c/0x584';
    expect(titleOf(vm, { frames: frames('__vmalloc_node_range', 'vmalloc_user', 'xskq_create'), atFuncs: [] })).toBe(
      'WARNING: zero-size vmalloc in xskq_create',
    );
  });

  test('WARNING: skips reporting, locking and sleeping helpers and unreliable or inlined frames', () => {
    const trace: Frame[] = [
      ...frames('dump_stack', 'panic', 'warn_slowpath_fmt', '__might_sleep', 'mutex_lock_nested'),
      { func: 'prepare_to_wait_event', unreliable: true, lineNo: 6 },
      { func: 'rfkill_inline', inline: true, lineNo: 7 },
      ...frames('rfkill_fop_read'),
    ];
    expect(titleOf(WARN, { frames: trace, atFuncs: [] })).toBe('WARNING in rfkill_fop_read');
  });

  // An audit: a vmemmap_populate WARNING whose trace was cut after report_bug was `WARNING in corrupted`, apart from
  // its storm's cluster; syzkaller titles an arm32 one whose unwind ends in `(null)` by its header (report 236).
  test('WARNING: a trace of reporting frames only gives way to the header function; no trace at all, to corrupted', () => {
    const reporting = frames('dump_backtrace', 'show_stack', 'dump_stack_lvl', '__warn', 'report_bug');
    expect(buildTitleOf(WARN, { frames: reporting, atFuncs: [] })).toEqual({ title: 'WARNING in vmemmap_populate', frameFound: true });
    expect(buildTitleOf(WARN, { frames: [], atFuncs: [] })).toEqual({ title: 'WARNING in corrupted', frameFound: false });
    const skippedHeader = 'WARNING: CPU: 0 PID: 1 at kernel/panic.c:1 __warn+0x1/0x2';
    expect(buildTitleOf(skippedHeader, { frames: reporting, atFuncs: [] })).toEqual({ title: 'WARNING in corrupted', frameFound: false });
  });

  test('WARNING: a pc in machinery gives way to the trace; a header function in it, to the pc', () => {
    const pc = { func: 'warn_slowpath_fmt', off: 0x4n, size: 0x8n };
    expect(titleOf(WARN, { pc, frames: frames('refcount_dec', 'sk_free'), atFuncs: [] })).toBe('WARNING in sk_free');
    const kasan = 'BUG: KASAN: use-after-free in kfree+0x10/0x20';
    const kasanPc = { func: 'kasan_report', off: 0x4n, size: 0x8n };
    expect(titleOf(kasan, { pc: kasanPc, frames: frames('__kasan_check', 'ext4_fill'), atFuncs: [], detail: 'Read' })).toBe(
      'KASAN: use-after-free Read in ext4_fill',
    );
    expect(titleOf(kasan, { pc: { func: 'ext4_pc' }, frames: frames('ext4_fill'), atFuncs: [], detail: 'Read' })).toBe(
      'KASAN: use-after-free Read in ext4_pc',
    );
  });

  test('`in corrupted` when no frame can be trusted, the header\'s included', () => {
    const header = 'WARNING: CPU: 0 PID: 1 at kernel/panic.c:600 warn_slowpath_fmt+0x1/0x2';
    const e = buildTitle(matchHeader(header)!.format, { match: matchHeader(header)!.match, frames: frames('panic'), atFuncs: [] });
    expect(e).toEqual({ title: 'WARNING in corrupted', frameFound: false });
  });

  test('format-specific skips: ODEBUG looks past timers and frees', () => {
    const header = 'WARNING: CPU: 0 PID: 126 at lib/debugobjects.c:505 debug_print_object+0x188/0x268';
    const trace = frames('debug_check_no_obj_freed', 'kfree', 'rose_timer_expiry', 'call_timer_fn', 'handle_softirqs');
    expect(titleOf(header, { frames: trace, atFuncs: [] })).toBe('WARNING: ODEBUG bug in handle_softirqs');
  });

  test('paging request wording from the header group, syscall wrapper reduced', () => {
    const header = 'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008';
    expect(titleOf(header, { frames: frames('__arm64_sys_pread64'), atFuncs: [] })).toBe(
      'BUG: unable to handle kernel NULL pointer dereference in sys_pread64',
    );
  });

  test("powerpc's `paging request for data at address` is a paging request, as syzkaller titles it", () => {
    const header = 'Unable to handle kernel paging request for data at address 0x00000000';
    expect(titleOf(header, { frames: frames('swap_demo'), atFuncs: [] })).toBe('BUG: unable to handle kernel paging request in swap_demo');
  });

  test('user-memory access: the uaccess wording of arm64 and riscv stays out of the title', () => {
    for (const how of ['outside', 'without']) {
      const header = `Unable to handle kernel access to user memory ${how} uaccess routines at virtual address 0000000000000000`;
      expect(titleOf(header, { frames: frames('schedule_tail'), atFuncs: [] })).toBe(
        'BUG: unable to handle kernel access to user memory in schedule_tail',
      );
    }
  });

  test('KASAN: header function, then the access detail', () => {
    const header = 'BUG: KASAN: invalid-access in __memset+0x16c/0x188';
    expect(titleOf(header, { frames: frames('io_submit_sqes'), atFuncs: [], detail: 'Read' })).toBe(
      'KASAN: invalid-access Read in io_submit_sqes',
    );
  });

  // syzkaller's `BUG: KMSAN:` row skips `_encrypt$` and `^(?:crypto|cipher|drbg|rng)_` (report 699 is titled
  // `KMSAN: uninit-value in fscrypt_crypt_block`), and the skb allocator and netlink's ack.
  test('KMSAN: the crypto API and the skb allocator give way to their user', () => {
    const crypto = 'BUG: KMSAN: uninit-value in aes_encrypt+0x15cc/0x1db0';
    const trace = frames('aes_encrypt', 'aesti_encrypt', 'crypto_ecb_encrypt', 'crypto_skcipher_encrypt.cold', 'xts_encrypt',
      'cipher_encrypt_one', 'fscrypt_crypt_block', 'fscrypt_encrypt_pagecache_blocks');
    expect(titleOf(crypto, { frames: trace, atFuncs: [] })).toBe('KMSAN: uninit-value in fscrypt_crypt_block');
    const skb = 'BUG: KMSAN: uninit-value in __alloc_skb+0x1/0x2';
    expect(titleOf(skb, { frames: frames('__alloc_skb', 'netlink_ack', 'netlink_rcv_skb', 'rtnetlink_rcv'), atFuncs: [] })).toBe(
      'KMSAN: uninit-value in rtnetlink_rcv',
    );
    // Only a name that ends in `_encrypt` or starts with a crypto API prefix: the callers of either stay.
    const own = 'BUG: KMSAN: uninit-value in fscrypt_encrypt_block_inplace+0x1/0x2';
    expect(titleOf(own, { frames: frames('fscrypt_encrypt_block_inplace'), atFuncs: [] })).toBe(
      'KMSAN: uninit-value in fscrypt_encrypt_block_inplace',
    );
  });

  // syzkaller's `PANIC: double fault` row reads its RIP line alone (report 315: `PANIC: double fault in corrupted`).
  test('double fault: the RIP function alone, never the trace of the panic that follows', () => {
    const df = 'PANIC: double fault, error_code: 0x0';
    const panicTrace = frames('dump_stack', 'panic', 'df_debug', 'do_double_fault', 'double_fault');
    const thunk = { func: 'trace_hardirqs_off_thunk', off: 0xbn, size: 0x1cn };
    expect(buildTitleOf(df, { pc: thunk, frames: panicTrace, atFuncs: [] })).toEqual({
      title: 'PANIC: double fault in corrupted',
      frameFound: false,
    });
    expect(buildTitleOf(df, { frames: panicTrace, atFuncs: [] }).title).toBe('PANIC: double fault in corrupted');
    const own = { func: 'do_int3', off: 0x1n, size: 0x2n };
    expect(titleOf(df, { pc: own, frames: panicTrace, atFuncs: [] })).toBe('PANIC: double fault in do_int3');
  });

  // syzkaller's `divide error:` and `invalid opcode:` rows read their RIP line alone too (pkg/report/linux.go).
  test.each([
    ['Oops: divide error: 0000 [#1] PREEMPT SMP KASAN NOPTI', 'divide error'],
    ['Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN NOPTI', 'invalid opcode'],
  ])('%p: the RIP function, and corrupted without one, never the call trace', (header, name) => {
    const trace = frames('dump_stack', 'do_trap', 'caller_of_fault');
    expect(titleOf(header, { pc: { func: 'tcp_rcv', off: 0x1n, size: 0x2n }, frames: trace, atFuncs: [] })).toBe(`${name} in tcp_rcv`);
    expect(buildTitleOf(header, { frames: trace, atFuncs: [] })).toEqual({ title: `${name} in corrupted`, frameFound: false });
  });

  // syzkaller's row for kernel/workqueue.c: the work function of the `last function:` line, never the worker's trace.
  test('workqueue leaked lock: the last function alone, corrupted without that line', () => {
    const header = 'BUG: workqueue leaked lock or atomic: kworker/2:4/0xfffffe00/188';
    const trace = frames('dump_stack', 'process_one_work', 'worker_thread', 'kthread');
    expect(titleOf(header, { detail: 'srcu_invoke_callbacks', frames: trace, atFuncs: [] })).toBe(
      'BUG: workqueue leaked lock or atomic in srcu_invoke_callbacks',
    );
    expect(buildTitleOf(header, { frames: trace, atFuncs: [] })).toEqual({
      title: 'BUG: workqueue leaked lock or atomic in corrupted',
      frameFound: false,
    });
  });

  test('lockdep: the `at:` function', () => {
    expect(titleOf('WARNING: Nested lock was not taken', { frames: [], atFuncs: ['evict'] })).toBe(
      'WARNING: nested lock was not taken in evict',
    );
  });

  test('soft lockup: the frame above the first dispatch anchor', () => {
    const trace = frames('_raw_spin_unlock_irqrestore', 'ip_rcv', 'ip_list_rcv', '__netif_receive_skb_list_core');
    expect(titleOf('watchdog: BUG: soft lockup - CPU#0 stuck for 22s!', { frames: trace, atFuncs: [] })).toBe(
      'BUG: soft lockup in ip_list_rcv',
    );
  });

  test('hung task: past scheduling and locking, or grouped under rtnl_lock', () => {
    const header = 'INFO: task syz:1 blocked for more than 143 seconds.';
    const waiting = frames('__switch_to', '__schedule', 'rwsem_down_write_slowpath', 'down_write', 'register_notifier');
    expect(titleOf(header, { frames: waiting, atFuncs: [] })).toBe('INFO: task hung in register_notifier');
    expect(titleOf(header, { frames: frames('__schedule', 'mutex_lock', 'rtnl_lock', 'foo'), atFuncs: [] })).toBe(
      'INFO: task hung in rtnl_lock',
    );
  });

  test('Bad page state reads only an x86 `Call Trace:`, as syzkaller does', () => {
    const header = 'BUG: Bad page state in process syz  pfn:1b317b';
    const trace = frames('bad_page', 'hash_sendmsg');
    expect(titleOf(header, { frames: trace, traceWording: 'Call trace:', atFuncs: [] })).toBe('BUG: Bad page state in corrupted');
    expect(titleOf(header, { frames: trace, traceWording: 'Call Trace:', atFuncs: [] })).toBe('BUG: Bad page state in bad_page');
  });

  test('fixed titles', () => {
    expect(titleOf('WARNING: foo', { frames: [], atFuncs: [] })).toBe('WARNING: foo');
    expect(titleOf('Kernel panic - not syncing: bad mode', { frames: [], atFuncs: [] })).toBe('kernel panic: bad mode');
  });

  test('an empty capture at the end of a template leaves no trailing blank (syzkaller report 356: `trusty: ASSERT FAILED:`)', () => {
    const cut = 'trusty: panic (caller 0xffffffffe000fbb8): ASSERT FAILED at (trusty/kernel/lib/trusty/ipc.c:472): ';
    expect(titleOf(cut, { frames: [], atFuncs: [] })).toBe('trusty: ASSERT FAILED:');
  });
});

// syzkaller report 237 (arm32): the stall's own trace ends in the syscall entry, named only as the last line's caller;
// the grace-period kthread's trace after it had named the stall (`schedule_timeout`).
test('an arm32 trace ends where the next line is not its caller: that caller is read too', () => {
  const header = 'rcu: INFO: rcu_sched self-detected stall on CPU';
  const arm32 = (func: string, from: string, lineNo: number) => ({ func, from, lineNo });
  const trace = [
    arm32('__irq_svc', 'demo_wait_loop', 1), arm32('demo_wait_loop', 'ksys_demo', 2), arm32('ksys_demo', 'ret_fast_syscall', 3),
    arm32('schedule', 'schedule_timeout', 4), arm32('schedule_timeout', 'rcu_gp_kthread', 5), arm32('rcu_gp_kthread', 'kthread', 6),
  ];
  expect(buildTitle(matchHeader(header)!.format, { match: matchHeader(header)!.match, frames: trace, atFuncs: [] }).title).toBe(
    'INFO: rcu detected stall in ksys_demo',
  );
});

// A vendor die notifier (MediaTek's mrdump) calls dump_stack from inside the fault's handling: the frames above arm64's
// sync exception entry are that handling, and an Oops is titled below it.
describe('the frames above a sync exception entry', () => {
  const OOPS = 'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000';
  const handling = ['dump_backtrace', 'show_stack', 'dump_stack', 'vendor_die_hook', 'notify_die', 'die', 'die_kernel_fault', 'do_mem_abort'];

  test.each([
    [['el1_da']],
    [['el1_abort', 'el1h_64_sync_handler', 'el1h_64_sync']],
  ])('an Oops reads below %j', (entry) => {
    expect(titleOf(OOPS, { frames: frames(...handling, ...entry, 'demo_fault', 'demo_caller'), atFuncs: [] })).toBe(
      'BUG: unable to handle kernel NULL pointer dereference in demo_fault',
    );
  });

  // An adversarial review: a syzbot arm64 trace of a fault taken inside a uaccess fault's handling (6.14). The bug
  // is in the handler above the entry; syzkaller skips the entry's frames and titles it there.
  test('a fault taken while handling another is not cut at the entry: no die path above it', () => {
    const nested = frames('fsnotify_file_area_perm', 'filemap_fault', 'handle_mm_fault', 'do_page_fault', 'do_translation_fault',
      'do_mem_abort', 'el1_abort', 'el1h_64_sync_handler', 'el1h_64_sync', 'fault_in_readable', 'generic_perform_write');
    expect(titleOf(OOPS, { frames: nested, atFuncs: [] })).toBe('BUG: unable to handle kernel NULL pointer dereference in fsnotify_file_area_perm');
  });

  test('an Oops with no entry in its trace reads it from the start; a lockdep report is not cut there (syzkaller 543)', () => {
    expect(titleOf(OOPS, { frames: frames('demo_fault', 'demo_caller'), atFuncs: [] })).toBe(
      'BUG: unable to handle kernel NULL pointer dereference in demo_fault',
    );
    const lockdep = frames('dump_backtrace', 'print_usage_bug', 'vprintk_emit', 'bad_mode', 'el1_inv', 'el1_sync_handler', 'el1_sync', 'demo_fault');
    expect(titleOf('WARNING: inconsistent lock state', { frames: lockdep, atFuncs: [] })).toBe('inconsistent lock state in bad_mode');
  });
});

// Found by a review: a CPU stuck in a device interrupt's handler that came in on the idle loop was titled
// `hard LOCKUP in do_idle` (the frame above the idle anchor), and lockups in two drivers' handlers were one cluster.
describe('hard LOCKUP', () => {
  const HARD = 'watchdog: Watchdog detected hard LOCKUP on cpu 2';
  // kernel/irq/handle.c: __handle_irq_event_percpu calls the action's handler; arm64 6.6 IRQ entry below it.
  const irqEntry = ['__handle_irq_event_percpu', 'handle_irq_event', 'handle_fasteoi_irq', 'generic_handle_domain_irq', 'gic_handle_irq',
    'call_on_irq_stack', 'do_interrupt_handler', 'el1_interrupt', 'el1h_64_irq_handler', 'el1h_64_irq'];
  const idle = ['default_idle_call', 'do_idle', 'cpu_startup_entry', 'secondary_start_kernel'];

  test('stuck in an interrupt handler: named after the handler', () => {
    expect(titleOf(HARD, { frames: frames('foo_irq_handler', ...irqEntry, ...idle), atFuncs: [] })).toBe('hard LOCKUP in foo_irq_handler');
  });

  test('stuck in task context: as a stall, the frame above the first dispatch anchor', () => {
    expect(titleOf(HARD, { frames: frames('foo_spin', 'foo_ioctl', '__arm64_sys_ioctl', 'invoke_syscall', 'el0_svc_common'), atFuncs: [] }))
      .toBe('hard LOCKUP in foo_ioctl');
  });

  test('an interrupt below a dispatch anchor is not where the CPU is stuck', () => {
    expect(titleOf(HARD, { frames: frames('foo_spin', 'foo_work', 'process_one_work', 'worker_thread', 'foo_irq_handler', ...irqEntry), atFuncs: [] }))
      .toBe('hard LOCKUP in foo_work');
  });
});
