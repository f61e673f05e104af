import fc from 'fast-check';
import { joinWrapped, mayContinue, WRAP_JOINS } from '../../src/parse/wrap-joins.js';

describe('mayContinue', () => {
  test.each([
    'WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197',
    'WARNING: at kernel/watchdog.c:352',
    'pc :',
    'lr : ',
    'x29: ffff8000118eb810 x28:',
    'x29: ffff8000118eb810 x28: ffff0001',
    'sp :',
  ])('incomplete: %s', (text) => {
    expect(mayContinue(text)).toBe(true);
  });

  // Lines from boot__clearfog-gt-8k_armada8040_5.8_debian_dmesg.txt, prefixes stripped.
  test.each([
    'WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
    'pc : mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]',
    'sp : ffff8000118eb810',
    'x29: ffff8000118eb810 x28: ffff000133646e80 ',
    'x5 : 00ffffffffffffff x4 : 0000000000000000 ',
    'xhci-hcd xhci-hcd.0.auto: xHCI Host Controller',
    '',
  ])('complete: %s', (text) => {
    expect(mayContinue(text)).toBe(false);
  });
});

describe('mayContinue of register rows', () => {
  const row = 'x29: ffff8000118eb810 x28: ffff000133646e80 x27: 0000000000000000';
  const registerJoins = WRAP_JOINS.filter((j) => j.firstChars.includes('x'));

  test('is the head regex of their rows, on rows cut anywhere and padded', () => {
    expect(registerJoins).toHaveLength(1);
    fc.assert(
      fc.property(fc.nat({ max: row.length }), fc.constantFrom('', ' ', '  ', '\t'), (cut, pad) => {
        const text = row.slice(0, cut) + pad;
        if (!text.startsWith('x')) return;
        expect(mayContinue(text)).toBe(registerJoins.some((j) => j.head.test(text)));
      }),
    );
  });

  // A second audit: one-digit registers print `x9 : `, and a word wrap breaks at that space.
  test('a row cut between a one-digit name and its colon', () => {
    expect(mayContinue('x11: ffff00046f069c68 x10: ffff0001689d5aa0 x9')).toBe(true);
    expect(joinWrapped('x11: ffff00046f069c68 x10: ffff0001689d5aa0 x9', ': ffff80003a8512d8'))
      .toBe('x11: ffff00046f069c68 x10: ffff0001689d5aa0 x9 : ffff80003a8512d8');
    expect(joinWrapped('x2 : 0000000000000000 x1 : fffffffff9200000 x0', ': fffffffff9000000'))
      .toBe('x2 : 0000000000000000 x1 : fffffffff9200000 x0 : fffffffff9000000');
    expect(joinWrapped('x11: ffff00046f069c68 x10: ffff0001689d5aa0 x9', 'Call trace:')).toBeUndefined();
    expect(mayContinue('x11: ffff00046f069c68 x10: ffff0001689d5aa0 x99')).toBe(false);
  });
});

// Found by an audit of capture transports: a mail client wrapping at 72-78 columns merged the clearfog log's two
// mvpp2 WARNINGs into one cluster titled `WARNING: CPU: 2 PID: 35 at`, and lost the e4 sample's Oops address.
describe('joinWrapped, mail-client word wraps', () => {
  const joinAll = (...parts: string[]): string | undefined =>
    parts.slice(1).reduce<string | undefined>((head, next) => (head === undefined ? undefined : joinWrapped(head, next)), parts[0]);

  test('a WARNING header broken after `at`, then after its site', () => {
    expect(mayContinue('WARNING: CPU: 2 PID: 35 at')).toBe(true);
    const site = joinWrapped('WARNING: CPU: 2 PID: 35 at', 'drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449');
    expect(site).toBe('WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449');
    expect(mayContinue(site!)).toBe(true);
    expect(joinAll('WARNING: CPU: 2 PID: 35 at', 'drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449', 'mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]'))
      .toBe('WARNING: CPU: 2 PID: 35 at drivers/net/ethernet/marvell/mvpp2/mvpp2_main.c:449 mvpp2_bm_bufs_free+0x1a4/0x1c0 [mvpp2]');
    expect(joinWrapped('WARNING: CPU: 2 PID: 35 at', 'Modules linked in: mvpp2')).toBeUndefined();
  });

  test('a lockdep event whose frame, with a module build ID, went to the next line', () => {
    const frame = '[<ffffa00010004ac0>] ath11k_mhi_resume+0x17/0x50 [ath11k_pci 05e8ca762c997bd5feabff7694276ca7ec83d39c]';
    expect(joinWrapped('hardirqs last disabled at (83253):', frame)).toBe(`hardirqs last disabled at (83253): ${frame}`);
  });

  // A second audit found the module (`[mac80211]`) made the header no header at all, and more break points.
  const NEW = 'WARNING: net/mac80211/tx.c:5024 at __ieee80211_beacon_get+0x1a3/0x1f40 [mac80211], CPU#1: kworker/1:3/17677';
  test.each(NEW.split(' ').map((_, i, words) => i).filter((i) => i >= 2))('a 2025+ WARNING header broken after word %i', (i) => {
    const words = NEW.split(' ');
    const head = words.slice(0, i).join(' ');
    expect(mayContinue(head)).toBe(true);
    expect(joinWrapped(head, words.slice(i).join(' '))).toBe(NEW);
  });

  // A metamorphic audit: a 72-column mail breaks the header before its site, inside its condition, or twice.
  test.each([
    [['WARNING: [time_after(jiffies, timeout)]', 'io_uring/io_uring.c:3026 at io_ring_exit_work+0x44c/0xbc0, CPU#0: kworker/u8:0/10040']],
    [['WARNING: [(start < VMEMMAP_START) ||', '(end > VMEMMAP_END)] arch/arm64/mm/mmu.c:1162 at vmemmap_populate+0x30/0x48, CPU#3: modprobe/1234']],
    [['WARNING: [time_after(jiffies, timeout)]', 'io_uring/io_uring.c:3026 at io_ring_exit_work+0x44c/0xbc0, CPU#0:', 'kworker/u8:0/10040']],
    [['WARNING: io_uring/io_uring.c:3026 at', 'io_ring_exit_work+0x44c/0xbc0, CPU#0:', 'kworker/u8:0/10040']],
  ])('a 2025+ WARNING header broken into %j', (parts) => {
    let joined = parts[0]!;
    for (const next of parts.slice(1)) {
      expect(mayContinue(joined)).toBe(true);
      const j = joinWrapped(joined, next);
      expect(j).toBeDefined();
      joined = j!;
    }
    expect(joined).toBe(parts.join(' '));
    expect(mayContinue(joined)).toBe(false);
  });

  test('a whole KASAN or hung-task header waits for nothing; a tail that is no end of one stays apart', () => {
    expect(mayContinue('BUG: KASAN: invalid-access in __list_add_valid+0x10/0x90')).toBe(false);
    expect(mayContinue('INFO: task syz-fuzzer:4433 blocked for more than 143 seconds.')).toBe(false);
    expect(joinWrapped('BUG: KASAN: invalid-access in', 'Read at addr f2ff000009d85f48 by task syz/5830')).toBeUndefined();
    expect(joinWrapped('INFO: task syz:1 is blocked on a mutex likely owned by task', 'syz:2.')).toBeUndefined();
  });

  test('a 2025+ WARNING header: a whole one waits for nothing, a tail that does not complete it stays apart', () => {
    expect(mayContinue(NEW)).toBe(false);
    expect(mayContinue('WARNING: fs/dcache.c:829 at fast_dput+0x334/0x430, CPU#1: syz-executor/5830')).toBe(false);
    expect(joinWrapped('WARNING: fs/dcache.c:829 at', 'CPU#1: syz-executor/5830')).toBeUndefined();
    expect(joinWrapped('WARNING: fs/dcache.c:829 at fast_dput+0x334/0x430,', 'Modules linked in: a b')).toBeUndefined();
  });

  test.each([
    ['Unable to handle kernel paging request at virtual address', '000001ffba000000'],
    ['Unable to handle kernel NULL pointer dereference at virtual', 'address 0000000000000000'],
    ['Unable to handle kernel paging request at', 'virtual address ffff800012345678'],
    ['Unable to handle kernel', 'paging request at virtual address 000001ffba000000'],
    ['Unable to handle kernel NULL pointer', 'dereference at virtual address 0000000000000008'],
  ])('a kernel fault broken before its address: %s', (head, tail) => {
    expect(mayContinue(head)).toBe(true);
    expect(joinWrapped(head, tail)).toBe(`${head} ${tail}`);
  });

  test.each([
    ['watchdog: BUG: soft', 'lockup - CPU#0 stuck for 22s! [syz-executor:1234]'],
    ['watchdog: BUG: soft lockup - CPU#0 stuck for', '22s! [syz-executor:1234]'],
    ['BUG: soft lockup - CPU#3 stuck for 23s!', '[kworker/3:1:42]'],
  ])('a soft lockup header broken at a space: %s', (head, tail) => {
    expect(joinWrapped(head, tail)).toBe(`${head} ${tail}`);
  });

  test('a stack-protector panic whose function went to the next line', () => {
    expect(joinWrapped('Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in:', 'amdgpu_atombios_crtc_powergate_init+0x72/0x80 [amdgpu]'))
      .toBe('Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: amdgpu_atombios_crtc_powergate_init+0x72/0x80 [amdgpu]');
    expect(joinWrapped('Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in:', 'CPU: 1 PID: 1594 Comm: modprobe')).toBeUndefined();
    expect(joinWrapped('Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in:', 'ffffffffc0c88942'))
      .toBe('Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: ffffffffc0c88942');
  });

  test.each([
    ['  node   0: [mem', '0x0000000080000000-0x000000087fffffff]'],
    ['  DMA      [mem', '0x0000000080000000-0x00000000ffffffff]'],
  ])('a memory map row whose range went to the next line: %j', (head, tail) => {
    expect(mayContinue(head)).toBe(true);
    expect(joinWrapped(head, tail)).toBe(`${head} ${tail}`);
    expect(mayContinue(' vmemmap_populate+0x30/0x48')).toBe(false);
  });

  // LKFT and kunit mails: the release (the kernel the layout is inferred for) had been lost to the wrap.
  test.each([
    ['CPU: 1 PID: 653 Comm: set_robust_list Not tainted', '6.6.0-rc7-next-20231026 #1'],
    ['CPU: 3 PID: 9 Comm: kunit_try_catch Tainted: G    B   W', '      N 6.4.0-rc2-next-20230517 #1'],
    ['CPU: 0 UID: 0 PID: 1 Comm: init Tainted: G        W', '6.12.0 #1 PREEMPT(full)'],
  ])('a CPU line whose release went to the next line: %j', (head, tail) => {
    expect(mayContinue(head)).toBe(true);
    expect(joinWrapped(head, tail)).toBe(`${head} ${tail.trim()}`);
  });

  // Found by a review: a flowed mail at 72 columns cut `Not` from `tainted`, and the cluster lost CPU, PID and release.
  test('a CPU line cut between `Not` and `tainted`: joined, and the release with it', () => {
    const cpu = 'CPU: 0 PID: 6700 Comm: syz-executor.0 Not';
    expect(mayContinue(cpu)).toBe(true);
    expect(joinWrapped(cpu, 'tainted 5.11.0-rc3 #1')).toBe('CPU: 0 PID: 6700 Comm: syz-executor.0 Not tainted 5.11.0-rc3 #1');
    expect(joinWrapped(cpu, 'Hardware name: linux,dummy-virt (DT)')).toBeUndefined();
  });

  test('a CPU line cut after its flags is not joined with a line that is no release', () => {
    const head = 'CPU: 1 PID: 7 Comm: kworker/1:0 Tainted: G        W';
    for (const next of ['Hardware name: linux,dummy-virt (DT)', 'Call trace:', 'pstate: 60400005 (nZCv daif +PAN -UAO)', ' foo_bar+0x10/0x20']) {
      expect(joinWrapped(head, next)).toBeUndefined();
    }
    expect(mayContinue('CPU: 1 PID: 7 Comm: kworker/1:0 Tainted: G        W          6.1.0 #1')).toBe(false);
  });

  test.each([
    ['Hardware name: Raspberry Pi 4 Model B', 'Rev 1.1 (DT)'],
    ['Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS', '1.16.0-debian-1.16.0-5 04/01/2014'],
    ['Hardware name: GIGABYTE R272-P30-JG/MP32-AR0-JG, BIOS F16f (SCP: 1.06.20210615)', '07/01/2021'],
    ['Hardware name: Ampere Computing LLC Mt.Jade, BIOS 2.04.20220524 (SCP:', '2.04.20220524) 2022/05/24'],
    // A metamorphic audit: syzkaller's KASAN reports 568-573 and 616 and hung tasks 526 and 1000, mailed at 72 columns.
    ['BUG: KASAN: invalid-access in', '__list_add_valid+0x10/0x90'],
    ['BUG: KASAN:', 'slab-use-after-free in foo_release+0x3c/0x80 drivers/foo/foo.c:123'],
    ['BUG: KFENCE: use-after-free read', 'in kfree+0x8c/0x174'],
    ['INFO: task udevd:5612 blocked in I/O wait for more', 'than 143 seconds.'],
    ['INFO: task Web Content:4122 blocked for', 'more than 122 seconds.'],
  ])('a machine line, KASAN, KFENCE or hung-task header broken at a space: %j', (head, tail) => {
    expect(mayContinue(head)).toBe(true);
    expect(joinWrapped(head, tail)).toBe(`${head} ${tail}`);
  });

  test('a machine line that is whole, or a next line that does not complete it, stays apart', () => {
    expect(mayContinue('Hardware name: linux,dummy-virt (DT)')).toBe(false);
    expect(mayContinue('Hardware name: QEMU KVM Virtual Machine, BIOS 0.0.0 02/06/2015')).toBe(false);
    // arm32's machine line ends in neither: the trace after it is no part of it.
    expect(joinWrapped('Hardware name: Generic DT based system', '[<c010e1a0>] (unwind_backtrace) from [<c010b8b0>] (show_stack+0x10/0x14)')).toBeUndefined();
    for (const next of ['Workqueue: events_unbound deferred_probe_work_func', 'pstate: 60400005 (nZCv daif +PAN -UAO)', 'Call trace:']) {
      expect(joinWrapped('Hardware name: Raspberry Pi 4 Model B', next)).toBeUndefined();
    }
  });

  // A ThunderX 4.8 boot log on LKML (2016): every row of its layout block wrapped, and the block unread.
  test.each([
    ['    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000   (', '2 GB maximum)', '    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000   (2 GB maximum)'],
    ['              0xfffffdff80005000 - 0xfffffdffc4000000   (', '1087 MB actual)', '              0xfffffdff80005000 - 0xfffffdffc4000000   (1087 MB actual)'],
    ['    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000   (     2 GB', 'maximum)', '    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000   (     2 GB maximum)'],
    ['    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000', '(     2 GB maximum)', '    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000   (     2 GB maximum)'],
    // A 78-column mail breaks every stamped row between the size's number and its unit (a metamorphic audit).
    ['    modules : 0xffff000000000000 - 0xffff000008000000   (   128', 'MB)', '    modules : 0xffff000000000000 - 0xffff000008000000   (   128 MB)'],
    ['              0xffff7e0000000000 - 0xffff7e0020000000   (   512', 'MB actual)', '              0xffff7e0000000000 - 0xffff7e0020000000   (   512 MB actual)'],
  ])('a virtual layout row whose size went to the next line: %j', (head, tail, whole) => {
    expect(mayContinue(head)).toBe(true);
    expect(joinWrapped(head, tail)).toBe(whole);
  });

  test('a layout row is not joined with a line that is no size, and a frame is no row', () => {
    expect(joinWrapped('    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000   (', '    vmalloc : 0xffff000000000000')).toBeUndefined();
    expect(mayContinue('    vmemmap : 0xfffffdff80000000 - 0xfffffe0000000000   (     2 GB maximum)')).toBe(false);
    expect(mayContinue(' vmemmap_populate+0x44/0x194')).toBe(false);
    expect(mayContinue(' foo_probe+0x44/0x194 (12')).toBe(false);
    expect(joinWrapped('    modules : 0xffff000000000000 - 0xffff000008000000   (   128', ' vmemmap_populate+0x44/0x194')).toBeUndefined();
  });

  test('whole lines of these shapes wait for nothing', () => {
    for (const line of [
      'Unable to handle kernel paging request at virtual address 000001ffba000000',
      'watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [syz-executor:1234]',
      '  node   0: [mem 0x0000000080000000-0x000000087fffffff]',
    ]) expect(mayContinue(line)).toBe(false);
  });

  test('a fault line and a line of another shape stay two', () => {
    expect(joinWrapped('Unable to handle kernel paging request at virtual address', 'Mem abort info:')).toBeUndefined();
    expect(joinWrapped('Unable to handle kernel paging request at', '0000000000000000')).toBeUndefined();
  });
});

describe('joinWrapped', () => {
  test('register value split 8 + 8 hex digits', () => {
    expect(joinWrapped('x29: ffff8000118eb810 x28: ffff0001', '33646e80 x27: ffff000133647000 '))
      .toBe('x29: ffff8000118eb810 x28: ffff000133646e80 x27: ffff000133647000');
  });
  test('register value that would not be 16 hex digits', () => {
    expect(joinWrapped('x28: ffff0001', '33646e8')).toBeUndefined();
  });
  test('tail of another shape', () => {
    expect(joinWrapped('WARNING: CPU: 0 PID: 452 at arch/arm64/mm/mmu.c:1197', 'Modules linked in:')).toBeUndefined();
  });
  test('head that is complete', () => {
    expect(joinWrapped('pc : vmemmap_populate+0x44/0x194', 'vmemmap_populate+0x44/0x194')).toBeUndefined();
  });
});

// Found by a review hunting exceptions and slow lines: tails and heads whose regexes backtracked on long runs of blanks
// (a fault line's tail in cubic time, 16 s for 6 KB; others quadratic, 1.5–2 s for 60 KB).
describe('long parts', () => {
  test('Found by a review: a fault line’s tail is the old regex’s, for any short text', () => {
    const old = /^\s*([\w -]+?)\s*$/;
    const tail = WRAP_JOINS.find((j) => j.name === 'kernel fault broken before its address')!.tail;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\t', 'a', 'Z', '0', '_', '-', '.', '\u00a0'), { maxLength: 14 }), (chars) => {
        const text = chars.join('');
        expect(tail.exec(text)?.[1]).toBe(old.exec(text)?.[1]);
      }),
      { numRuns: 5000 },
    );
  });

  test('Found by a review: a fault line’s tail of 6 KB of blanks around a dash is read at once, and joins nothing', () => {
    const tail = `${' '.repeat(3000)}-${' '.repeat(3000)}\t-`;
    expect(joinWrapped('Unable to handle kernel', tail)).toBeUndefined();
  });

  test('no part longer than a printk record’s text (1024 bytes) is a head or a tail', () => {
    const head = 'Unable to handle kernel';
    expect(joinWrapped(head, 'paging request at virtual address 000001ffba000000')).toBe(
      'Unable to handle kernel paging request at virtual address 000001ffba000000',
    );
    expect(joinWrapped(head, `${' '.repeat(1000)}paging request at virtual address 000001ffba000000`)).toBeUndefined();
    expect(mayContinue(`INFO: task a:1 blocked for more${' '.repeat(1000)}`)).toBe(false);
    expect(mayContinue('INFO: task a:1 blocked for more')).toBe(true);
  });
});
