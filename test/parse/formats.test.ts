import { FORMATS, matchHeader } from '../../src/parse/formats.js';
import { AFTER_RULE_NEEDLES, SPLAT_TRIGGERS } from '../../src/parse/splat-triggers.js';
import { escapeRegExp } from '../../src/util/escape-regexp.js';

describe('FORMATS', () => {
  test('every needle is a splat trigger, or follows a rule the fast reader stops at, so it never skips a header', () => {
    for (const format of FORMATS) expect([...SPLAT_TRIGGERS, ...AFTER_RULE_NEEDLES]).toContain(format.needle);
  });

  test('a row\'s second substring is a literal part of its regex, so testing it first skips no header', () => {
    const withAlso = FORMATS.filter((format) => format.also !== undefined);
    expect(withAlso.length).toBeGreaterThan(0);
    for (const format of withAlso) expect(format.re.source).toContain(escapeRegExp(format.also!).replace(/\//g, '\\/'));
  });

  test('the file-named WARNING rows still win over the generic site', () => {
    expect(matchHeader('WARNING: CPU: 1 PID: 2 at lib/refcount.c:25 refcount_warn_saturate+0x1/0x2')?.format.title).toBe(
      'WARNING: refcount bug in {frame}',
    );
    expect(matchHeader('WARNING: CPU: 1 PID: 2 at lib/refcount.h:25 f+0x1/0x2')?.format.title).toBe('WARNING in {frame}');
    expect(matchHeader('WARNING: CPU: 1 PID: 81 at drivers/usb/core/urb.c:478 usb_submit_urb+0x1188/0x1460')?.format.title).toBe(
      'WARNING in {frame}/usb_submit_urb',
    );
  });

  // An audit against syzkaller's test data (reports 609, 697): syzkaller names these two mm/ WARNINGs by class.
  test('a kmalloc-family WARNING in mm/ and a vmalloc WARNING in __vmalloc_node* are named by class', () => {
    const title = (header: string): string | undefined => matchHeader(header)?.format.title;
    expect(title('WARNING: CPU: 1 PID: 2949 at mm/vmalloc.c:3132 __vmalloc_node_range+0x44c/0x584 mm/vmalloc.c:3132')).toBe(
      'WARNING: zero-size vmalloc in {frame}',
    );
    expect(title('WARNING: [size == 0] mm/vmalloc.c:3132 at __vmalloc_node_noprof+0x44c/0x584, CPU#1: syz/2949')).toBe(
      'WARNING: zero-size vmalloc in {frame}',
    );
    expect(title('WARNING: CPU: 0 PID: 7 at mm/util.c:632 kvmalloc_node+0x1c4/0x1d0')).toBe('WARNING: kmalloc bug in {frame}');
    expect(title('WARNING: CPU: 0 PID: 7 at mm/slab_common.c:996 kmalloc_large+0x1c4/0x1d0')).toBe('WARNING: kmalloc bug in {frame}');
    // Another function of mm/vmalloc.c, and a malloc-named function outside mm/, stay generic.
    expect(title('WARNING: CPU: 0 PID: 7 at mm/vmalloc.c:330 vunmap_range_noflush+0x1/0x2')).toBe('WARNING in {frame}');
    expect(title('WARNING: CPU: 0 PID: 7 at drivers/foo/bar.c:33 kmalloc_helper+0x1/0x2')).toBe('WARNING in {frame}');
  });

  // Found by an audit: a tar member cut mid-line ended in `WARNING: CPU: 3 P`, which the free-text row took for its
  // title, a cluster of its own.
  test('a site header cut short is a corrupted WARNING, not free text', () => {
    for (const stump of ['WARNING: CPU: 3 P', 'WARNING: CPU: 3 PID: 12 at', 'WARNING: CPU: 3 PID: 12 at mm/mmu.c', 'WARNING: CPU: 0']) {
      const m = matchHeader(stump);
      expect([stump, m?.format.title, m?.format.corrupted]).toEqual([stump, 'WARNING in {frame}', 'the WARNING line is cut short before its site']);
    }
    expect(matchHeader('WARNING: CPU: 3 PID: 12 at mm/mmu.c:1 f+0x1/0x2')?.format.corrupted).toBeUndefined();
    expect(matchHeader('WARNING: the firmware is old')?.format.title).toBe('WARNING: {1}');
  });

  // An audit of syzkaller's reports (450) and arm64 boards: messages that start `WARNING:` on healthy boots had been
  // splats, and failed `--fail-on warning`.
  test.each([
    'WARNING: x1-x3 nonzero in violation of boot protocol:',
    'WARNING: x1-x7 nonzero in violation of boot protocol:',
    'WARNING: workqueue cpumask: online intersect > possible intersect',
    'WARNING: /etc/ssh/moduli does not exist, using fixed modulus',
    'WARNING: The mand mount option has been deprecated and',
  ])('a message that reports no bug is no header: %j', (text) => {
    expect(matchHeader(text)).toBeUndefined();
  });

  // syzkaller's rows for x86's frame unwinder (pkg/report/linux.go; its testdata reports 245 and 246 print `(ptrval)`):
  // the address, task and pid had made each line a title, so a cluster, of its own.
  test.each([
    ["WARNING: kernel stack regs at 00000000a1b2c3d4 in syz-executor0:4100 has bad 'bp' value 0000000012345678", "WARNING: kernel stack regs has bad 'bp' value"],
    ["WARNING: kernel stack regs at ffff8801c5a7f9b8 in kworker/1:2:29 has bad 'sp' value 0", "WARNING: kernel stack regs has bad 'sp' value"],
    ['WARNING: kernel stack frame pointer at 00000000b1b2c3d4 in syz-executor1:4101 has bad value 0000000012345678', 'WARNING: kernel stack frame pointer has bad value'],
    ["WARNING: kernel stack regs at         (ptrval) in syzkaller547737:4493 has bad 'bp' value         (ptrval)", 'WARNING: kernel stack regs has bad value'],
    ['WARNING: kernel stack frame pointer at         (ptrval) in syzkaller547737:4496 has bad value         (ptrval)', 'WARNING: kernel stack regs has bad value'],
    ["WARNING: kernel stack regs at 00000000a1b2c3d4 in Web Content:4100 has bad 'bp' value 0000000012345678", 'WARNING: kernel stack regs has bad value'],
  ])('an unwinder warning has a title without its address, task or pid: %j', (text, title) => {
    const m = matchHeader(text);
    const filled = m?.format.title.replace('{1}', m.match[1] ?? '');
    expect([filled, m?.format.lone]).toEqual([title, true]);
  });

  test("a dentry still in use at unmount: syzkaller's title, without the dentry or the filesystem", () => {
    const m = matchHeader('BUG: Dentry 00000000b8de5e42{i=0,n=lo}  still in use (1) [unmount of tmpfs tmpfs]');
    expect([m?.format.title, m?.match[1]]).toEqual(['BUG: Dentry still in use in {1}', 'unmount']);
    expect(matchHeader('BUG: Dentry 00000000b8de5e42{i=0,n=lo}  still in use')?.format.title).toBe('BUG: {1}');
  });

  test('other free-text WARNINGs still are, one that starts like those included', () => {
    expect(matchHeader('WARNING: workqueue cpumask: something else')?.format.title).toBe('WARNING: {1}');
    expect(matchHeader('WARNING: kernel not compiled with CPU_SW_DOMAIN_PAN')?.format.title).toBe('WARNING: {1}');
  });

  // syzkaller report 537: a rwlock's debug message had kept its raw header (task, pid and address) as its title.
  test.each([
    ['BUG: rwlock bad magic on CPU#0, kworker/0:18/18158, 00000000859f2a8d', 'BUG: rwlock bad magic in {frame}'],
    ['BUG: spinlock bad magic on CPU#0, swapper/0/1', 'BUG: spinlock bad magic in {frame}'],
    ['BUG: spinlock cpu recursion on CPU#1, a/2', 'BUG: spinlock cpu recursion in {frame}'],
  ])('%s', (text, title) => {
    const m = matchHeader(text)!;
    expect(m.format.title.replace('{1} {2}', `${m.match[1]} ${m.match[2]}`)).toBe(title);
  });

  // An audit of syzkaller's reports (1002) and of arm64 lockup detectors: neither had been a report at all.
  test.each([
    ['INFO: rcu_tasks detected stalls on tasks:', 'rcu-stall', 'INFO: rcu detected stall in {frame}'],
    ['INFO: rcu_tasks_trace detected stalls on tasks:', 'rcu-stall', 'INFO: rcu detected stall in {frame}'],
    ['watchdog: Watchdog detected hard LOCKUP on cpu 2', 'hard-lockup', 'hard LOCKUP in {frame}'],
    ['NMI watchdog: Watchdog detected hard LOCKUP on cpu 0', 'hard-lockup', 'hard LOCKUP in {frame}'],
    ['watchdog: CPU1: Watchdog detected hard LOCKUP on cpu 2', 'hard-lockup', 'hard LOCKUP in {frame}'],
  ])('%s', (text, kind, title) => {
    expect([matchHeader(text)?.format.kind, matchHeader(text)?.format.title]).toEqual([kind, title]);
  });

  test("a 4.4 WARN's hard LOCKUP message, without the watchdog's prefix, is left to its WARNING", () => {
    expect(matchHeader('Watchdog detected hard LOCKUP on cpu 5')).toBeUndefined();
  });

  // Found by a second audit of capture transports: a module after the function made the 2025+ header no header.
  test('a 2025+ WARNING header with the function\'s module', () => {
    const m = matchHeader('WARNING: net/mac80211/tx.c:5024 at __ieee80211_beacon_get+0x1a3/0x1f40 [mac80211], CPU#1: kworker/1:3/17677');
    expect(m?.format.title).toBe('WARNING in {frame}');
    expect(m?.match.groups).toMatchObject({ file: 'net/mac80211/tx.c', line: '5024', func: '__ieee80211_beacon_get', cpu: '1', pid: '17677' });
  });

  test('every title names its frame through {frame} or is fixed text', () => {
    for (const format of FORMATS) expect(format.title).toMatch(/^[^{}]*(?:\{(?:frame|detail|\d)\}[^{}]*)*$/);
  });
});

describe('matchHeader', () => {
  test.each([
    ['WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197 vmemmap_populate+0x44/0x194', 'warning', 'WARNING in {frame}'],
    ['WARNING: at kernel/sched/core.c:7301 __might_sleep+0x77/0x80()', 'warning', 'WARNING in {frame}'],
    ['WARNING: lib/debugobjects.c:615 at 0x0, CPU#1: kworker/1:3/17677', 'warning', 'WARNING: ODEBUG bug in {frame}'],
    ['WARNING: [time_after(j, t)] io_uring/io_uring.c:3026 at io_ring_exit_work+0x44c/0xbc0, CPU#0: kworker/u8:0/10040', 'warning', 'WARNING in {frame}'],
    ['WARNING: suspicious RCU usage', 'lockdep', 'WARNING: suspicious RCU usage in {frame}'],
    ['WARNING: possible circular locking dependency detected', 'lockdep', 'possible deadlock in {frame}'],
    ['[ BUG: Invalid wait context ]', 'lockdep', 'WARNING: locking bug in {frame}'],
    // Before 4.10 lockdep printed its banners as bracketed INFO lines (syzkaller's INFO: rows).
    ['[ INFO: suspicious RCU usage. ]', 'lockdep', 'INFO: suspicious RCU usage in {frame}'],
    ['[ INFO: possible circular locking dependency detected ]', 'lockdep', 'possible deadlock in {frame}'],
    ['[ INFO: possible recursive locking detected ]', 'lockdep', 'possible deadlock in {frame}'],
    ['[ INFO: inconsistent lock state ]', 'lockdep', 'inconsistent lock state in {frame}'],
    // syzkaller's fixed titles: the exit code and the tty name vary from run to run.
    ['Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000200', 'panic', 'kernel panic: Attempted to kill init!'],
    ["Kernel panic - not syncing: Couldn't open N_TTY ldisc for ptm2 --- error -12.", 'panic', "kernel panic: Couldn't open N_TTY ldisc"],
    ['kernel BUG at lib/list_debug.c:64!', 'bug', 'BUG: corrupted list in {frame}'],
    ['Unable to handle kernel paging request at virtual address dfffa00000000003', 'oops', 'BUG: unable to handle kernel {1} in {frame}'],
    ['syzkaller login: Unable to handle kernel paging request at virtual address fc14ef08', 'oops', 'BUG: unable to handle kernel {1} in {frame}'],
    ['Internal error: Oops: 96000004 [#1] PREEMPT SMP', 'oops', 'Internal error in {frame}'],
    ['Kernel panic - not syncing: Fatal exception', 'panic', 'kernel panic: {1}'],
    ['INFO: task syz-fuzzer:4433 blocked for more than 143 seconds.', 'hung-task', 'INFO: task hung in {frame}'],
    ['rcu: INFO: rcu_sched self-detected stall on CPU', 'rcu-stall', 'INFO: rcu detected stall in {frame}'],
    ['watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [ksoftirqd/0:9]', 'soft-lockup', 'BUG: soft lockup in {frame}'],
    ['BUG: KASAN: invalid-access in __memset+0x16c/0x188', 'kasan', 'KASAN: {1} {detail} in {frame}'],
    ['BUG: KFENCE: memory corruption in kfree+0x8c/0x174', 'kfence', 'KFENCE: {1} in {frame}'],
    ['UBSAN: array-index-out-of-bounds in drivers/foo.c:12:3', 'ubsan', 'UBSAN: {1} in {frame}'],
    ['Unhandled fault: page domain fault (0x81b) at 0x00001044', 'oops', 'Unhandled fault in {frame}'],
    // x86 die() messages, bare and with the `Oops: ` that 6.10 put before them: one title for both.
    ['general protection fault, probably for non-canonical address 0xdffffc0000000000: 0000 [#1] SMP KASAN', 'oops', 'general protection fault in {frame}'],
    ['Oops: general protection fault, probably for non-canonical address 0xdffffc0000000000: 0000 [#1] SMP KASAN', 'oops', 'general protection fault in {frame}'],
    ['Oops: divide error: 0000 [#1] PREEMPT SMP KASAN NOPTI', 'oops', 'divide error in {frame}'],
    ['Oops: stack segment: 0000 [#1] PREEMPT SMP KASAN', 'oops', 'stack segment fault in {frame}'],
    ['Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN', 'oops', 'invalid opcode in {frame}'],
    ['PANIC: double fault, error_code: 0x0', 'oops', 'PANIC: double fault in {frame}'],
    ['Oops: 0000 [#1] PREEMPT SMP PTI', 'oops', 'Oops in {frame}'],
    ['UBSAN: Undefined behaviour in drivers/usb/core/devio.c:1517:25', 'ubsan', 'UBSAN: Undefined behaviour in {frame}'],
    ['BUG kmalloc-64 (Not tainted): Object already free', 'bug', 'BUG: {1} in {frame}'],
    ['BUG skbuff_head_cache (Tainted: G    B            ): Poison overwritten', 'bug', 'BUG: {1} in {frame}'],
    ['trusty: panic (caller 0xffffffffe000fbd0): DEBUG ASSERT FAILED at (lk/reflist.h:63): list_in_list(&ref->ref_node)', 'other', 'trusty: ASSERT FAILED: {1}'],
    ['trusty: panic (caller 0xffffffffe0002314): failed(-5) to start app 6', 'other', 'trusty: panic: {1}'],
  ])('%s', (text, kind, title) => {
    const m = matchHeader(text);
    expect(m?.format.kind).toBe(kind);
    expect(m?.format.title).toBe(title);
  });

  test.each([
    ['WARNING: CPU: 0 PID: 3570 at lib/debugobjects.c:505 debug_print_object+0x188/0x268', { cpu: '0', pid: '3570', line: '505', func: 'debug_print_object' }],
    ['WARNING: at lib/debugobjects.c:263 debug_print_object+0x87/0xb0()', { line: '263', func: 'debug_print_object' }],
    ['WARNING: [cond] lib/debugobjects.c:615 at debug_print_object+0x1/0x2, CPU#1: kworker/1:3/17677', { line: '615', func: 'debug_print_object' }],
  ])('a bug-class WARNING row (ODEBUG) keeps its site in every header generation: %s', (text, site) => {
    const m = matchHeader(text);
    expect(m?.format.title).toBe('WARNING: ODEBUG bug in {frame}');
    expect(m?.match.groups).toMatchObject({ file: 'lib/debugobjects.c', ...site });
  });

  test('a hung task names the blocked task: its comm and pid', () => {
    expect(matchHeader('INFO: task syz-fuzzer:4433 blocked for more than 143 seconds.')?.match.groups).toMatchObject({ comm: 'syz-fuzzer', pid: '4433' });
    expect(matchHeader('INFO: task kworker/u8:3:112 blocked for more than 120 seconds.')?.match.groups).toMatchObject({ comm: 'kworker/u8:3', pid: '112' });
    // syzkaller's report 1001 (a comm a fuzzer set) and Firefox's threads: the comm may hold spaces.
    expect(matchHeader('INFO: task Web Content:4122 blocked for more than 122 seconds.')?.match.groups).toMatchObject({ comm: 'Web Content', pid: '4122' });
  });

  test('site fields of the three WARNING generations', () => {
    expect(matchHeader('WARNING: CPU: 2 PID: 35 at drivers/net/a.c:449 f+0x1a4/0x1c0 [mvpp2]')?.match.groups).toMatchObject({
      cpu: '2',
      pid: '35',
      file: 'drivers/net/a.c',
      line: '449',
      func: 'f',
    });
    expect(matchHeader('WARNING: fs/dcache.c:829 at fast_dput+0x334/0x430, CPU#1: syz-executor/5830')?.match.groups).toMatchObject({
      file: 'fs/dcache.c',
      func: 'fast_dput',
      cpu: '1',
      comm: 'syz-executor',
      pid: '5830',
    });
  });

  test('a SLUB report\'s title takes its message, not its cache', () => {
    expect(matchHeader('BUG kmalloc-64 (Not tainted): Object already free ')?.match[1]).toBe('Object already free');
    expect(matchHeader('BUG kmalloc-64: Object already free')).toBeUndefined();
  });

  test('escalations are marked', () => {
    expect(matchHeader('Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN')?.format.escalates).toBe(true);
    expect(matchHeader('Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP')?.format.escalates).toBe(true);
    expect(matchHeader('Kernel panic - not syncing: panic_on_warn set ...')?.format.escalates).toBe(true);
    expect(matchHeader('WARNING: CPU: 0 PID: 1 at a.c:1 f+0x1/0x2')?.format.escalates).toBeUndefined();
  });

  // syzkaller report 353: the console cut into the panic line, the caller's address after a second stamp.
  test('trusty: the assertion, or the panic message, after the caller in parentheses', () => {
    const asserted = matchHeader('trusty: panic (caller [ 1117.140866] trusty: 0xffffffffe000fbb8): ASSERT FAILED at (trusty/kernel/lib/trusty/ipc.c:472): !list_in_list(&chan->node)');
    expect(asserted?.match[1]).toBe('!list_in_list(&chan->node)');
    expect(asserted?.format.corrupted).toBeUndefined();
    expect(matchHeader('trusty: panic (caller 0xffffffffe0002314): failed(-5) to start app 6 ')?.match[1]).toBe('failed(-5) to start app 6');
    expect(matchHeader('trusty: panic (caller 0x1): x')?.format.needsKernelOrigin).toBe(true);
  });

  // syzkaller report 356: the assertion's text went to the next line.
  test('trusty: an assertion cut off its panic line matches the corrupted row, with what followed the last colon', () => {
    const cut = matchHeader('trusty: panic (caller [  331.008787] trusty: 0xffffffffe000fbb8): ASSERT FAILED at (trusty/kernel/lib/trusty/ipc.c:472): ');
    expect(cut?.format.corrupted).toBeDefined();
    expect(cut?.format.title).toBe('trusty: ASSERT FAILED: {1}');
    expect(cut?.match[1]).toBe('');
  });

  test('a free-text WARNING needs a printk stamp; ordinary lines match nothing', () => {
    expect(matchHeader('WARNING: No OPTEE provided by BL2 boot loader')?.format.needsKernelOrigin).toBe(true);
    expect(matchHeader('rcu: Hierarchical RCU implementation.')).toBeUndefined();
    expect(matchHeader('Kernel command line: console=ttyS2,1500000')).toBeUndefined();
  });
});

describe('free-text titles in linear time (lazy `(.*?)\\s*$` had been quadratic in a long blank run)', () => {
  const blanks = ' '.repeat(200_000);

  test.each([
    ['WARNING: ', 'WARNING: {1}'],
    ['BUG: ', 'BUG: {1}'],
    ['Kernel panic - not syncing: ', 'kernel panic: {1}'],
    ['BUG kmalloc-64 (Not tainted): ', 'BUG: {1} in {frame}'],
    ['trusty: panic (caller 0x1): ', 'trusty: panic: {1}'],
  ])('%s', (head, title) => {
    const m = matchHeader(`${head}a${blanks}b${blanks}`);
    expect(m?.format.title).toBe(title);
    expect(m?.match[1]).toBe(`a${blanks}b`);
  });

  test('trusty rows: a long line of parentheses, colons or repeated ASSERT FAILED takes one pass', () => {
    expect(matchHeader(`trusty: panic (caller 0x1)${'): ('.repeat(100_000)}`)).toBeUndefined();
    expect(matchHeader(`trusty: panic (caller 0x1): ${'): ('.repeat(100_000)}`)?.format.title).toBe('trusty: panic: {1}');
    const asserts = `trusty: panic (caller x ${' ASSERT FAILED ('.repeat(30_000)}`;
    expect(matchHeader(asserts)?.format.corrupted).toBeDefined();
  });

  test('the captures end at the last non-blank, as before', () => {
    expect(matchHeader('WARNING: at foo  \t ')?.match[1]).toBe('at foo');
    expect(matchHeader('BUG: x')?.match[1]).toBe('x');
    expect(matchHeader('Kernel panic - not syncing:  ')?.match[1]).toBe('');
  });
});

test('a header after a glued login prompt, or in lockdep brackets, matches as alone', () => {
  const alone = matchHeader('BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580');
  for (const text of [
    'syzkaller login: BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580',
    '[ BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580',
  ]) {
    const m = matchHeader(text);
    expect(m?.format).toBe(alone?.format);
    expect(m?.match.groups).toEqual(alone?.match.groups);
  }
  // Only the first prompt may come before the header.
  expect(matchHeader('a login: b login: BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580')?.format.title).not.toBe(alone?.format.title);
});

// Found by a review: `.` does not match U+2028/U+2029, so a free-text header holding one opened no report at all.
test('a line separator inside a free-text header is read as a space', () => {
  for (const sep of ['\u2028', '\u2029']) {
    const m = matchHeader(`Kernel panic - not syncing: VFS: Unable to mount root fs on ${sep}unknown-block(0,0)`);
    expect(m?.format.kind).toBe('panic');
    expect(m?.match[1]).toBe('VFS: Unable to mount root fs on  unknown-block(0,0)');
    expect(matchHeader(`BUG: x${sep}y`)?.format.title).toBe('BUG: {1}');
  }
});
