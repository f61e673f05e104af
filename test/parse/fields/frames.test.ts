import { isTraceStart, parseBareFrame, parseFrame } from '../../../src/parse/fields/frames.js';

describe('isTraceStart', () => {
  test.each(['Call trace:', 'Call Trace:', 'Backtrace: '])('%j', (text) => expect(isTraceStart(text)).toBe(true));
  test.each(['stack backtrace:', ' Call trace:', 'Call stack:', 'Back'])('not %j', (text) => expect(isTraceStart(text)).toBe(false));
});

describe('parseFrame', () => {
  test('arm64 frame with module', () => {
    expect(parseFrame(' mvpp2_bm_pool_destroy+0xcc/0xe8 [mvpp2]', 7)).toEqual({
      func: 'mvpp2_bm_pool_destroy',
      off: 0xccn,
      size: 0xe8n,
      module: 'mvpp2',
      lineNo: 7,
    });
  });

  test('address prefix and unreliable mark', () => {
    expect(parseFrame('[<ffffffff81094815>] ? prepare_to_wait_event+0x75/0xf0', 3)).toEqual({
      func: 'prepare_to_wait_event',
      off: 0x75n,
      size: 0xf0n,
      addr: 0xffff_ffff_8109_4815n,
      unreliable: true,
      lineNo: 3,
    });
  });

  // arch/x86/kernel/dumpstack.c of 4.4-4.8: print_trace_stack() prints `"%s <%s> "` (no newline) as the unwinder enters
  // another stack (IRQ, EOI, the exception stacks NMI, #DF, #DB, #MC, then <EOE>), and the next frame's
  // `" [<%p>] %s%pB\n"` ends that line: ` <IRQ>  [<ffffffff813f1143>] dump_stack+0x63/0x90`.
  test('Found by a review: a 4.4-4.8 x86 frame printed on the line of the stack it enters (`<IRQ>`, `<EOI>`, `<NMI>`, `<<EOE>>`)', () => {
    expect(parseFrame(' <IRQ>  [<ffffffff813f1143>] dump_stack+0x63/0x90', 4)).toEqual({
      func: 'dump_stack',
      off: 0x63n,
      size: 0x90n,
      addr: 0xffff_ffff_813f_1143n,
      lineNo: 4,
    });
    expect(parseFrame(' <EOI>  [<ffffffff816b4cd1>] ? cpuidle_enter_state+0x111/0x2b0', 5)).toMatchObject({
      func: 'cpuidle_enter_state',
      unreliable: true,
    });
    expect(parseFrame(' <NMI>  [<ffffffff8103f4a5>] nmi_handle+0x65/0x140', 6)?.func).toBe('nmi_handle');
    expect(parseFrame(' <#DF>  [<ffffffff8103f4a5>] df_debug+0x25/0x30', 6)?.func).toBe('df_debug');
    expect(parseFrame(' <<EOE>>  [<ffffffff8182d2e7>] ? native_safe_halt+0x17/0x20', 7)?.func).toBe('native_safe_halt');
    // The marker alone on its line (4.9+) is no frame.
    expect(parseFrame(' <IRQ>', 8)).toBeUndefined();
  });

  test('6.13 unwinder marker', () => {
    expect(parseFrame(' el1_interrupt+0x38/0x64 (P)', 1)).toMatchObject({ func: 'el1_interrupt', marker: 'P' });
  });

  test('symbolized and inlined frames', () => {
    expect(parseFrame(' unlock_page+0x18/0xb8 mm/folio-compat.c:19', 1)).toMatchObject({
      func: 'unlock_page',
      file: 'mm/folio-compat.c',
      line: 19,
    });
    expect(parseFrame(' nfc_llcp_find_local net/nfc/llcp_core.c:286 [inline]', 2)).toEqual({
      func: 'nfc_llcp_find_local',
      file: 'net/nfc/llcp_core.c',
      line: 286,
      inline: true,
      lineNo: 2,
    });
  });

  test('arm32 `(func) from` frame: the callee, and the caller the line names', () => {
    expect(parseFrame('[<8015df40>] (migrate_task_rq_fair) from [<801559ec>] (set_task_cpu+0x4c/0xf8)', 9)).toEqual({
      func: 'migrate_task_rq_fair',
      addr: 0x8015_df40n,
      from: 'set_task_cpu',
      lineNo: 9,
    });
  });

  // Found by a review: arm32 since 5.16 prints `%ps from %pS` (dump_backtrace_entry without
  // CONFIG_BACKTRACE_VERBOSE); none of these lines was a frame, so every such report was "no call trace".
  test.each([
    [' unwind_backtrace from show_stack+0x10/0x14', { func: 'unwind_backtrace', from: 'show_stack', lineNo: 3 }],
    ['   warn_slowpath_fmt from kobject_get+0xa0/0xa4', { func: 'warn_slowpath_fmt', from: 'kobject_get', lineNo: 3 }],
    [' wiphy_unregister [cfg80211] from wilc_sdio_remove+0xb0/0x15c [wilc1000_sdio]', { func: 'wiphy_unregister', module: 'cfg80211', from: 'wilc_sdio_remove', lineNo: 3 }],
  ])('Found by a review: arm32 `func from caller+off/size` frame %j', (text, frame) => {
    expect(parseFrame(text, 3)).toEqual(frame);
  });

  test('text with `from` and an offset in it is no such frame', () => {
    expect(parseFrame('random: get_random_u32 called from bucket_table_alloc+0x120/0x258 with crng_init=0', 3)).toBeUndefined();
    expect(parseFrame(' ret_fast_syscall from 0x7efff000', 3)).toBeUndefined();
  });

  // A syzbot arm64 KASAN report (6.17): the faulting frame, inlined, had been dropped from the trace.
  test('an inlined frame with the unwinder marker after `[inline]`', () => {
    expect(parseFrame(' __kvm_pgtable_visit arch/arm64/kvm/hyp/pgtable.c:161 [inline] (P)', 5)).toEqual({
      func: '__kvm_pgtable_visit',
      file: 'arch/arm64/kvm/hyp/pgtable.c',
      line: 161,
      inline: true,
      marker: 'P',
      lineNo: 5,
    });
  });

  test('raw address frame keeps its address', () => {
    expect(parseFrame('[<0000000015c44a38>] 0xffffffffdeadbeef', 4)).toEqual({ addr: 0x15c4_4a38n, lineNo: 4 });
  });

  test('frames without an offset hold a `[`; lines with neither are no frames', () => {
    expect(parseFrame(' foo net/x.c:12 [inline]', 1)).toMatchObject({ func: 'foo', inline: true });
    expect(parseFrame(' foo net/x.c:12 inline', 1)).toBeUndefined();
    expect(parseFrame(' 0xffffffffdeadbeef', 1)).toBeUndefined();
    expect(parseFrame('x29: ffff80000830ab60 x28: 0000000000000000', 1)).toBeUndefined();
  });

  // LKFT and KernelCI mail traces through decode_stacktrace.sh, which drops the offsets: such a trace had read as
  // none at all (`no call trace`, `WARNING in corrupted`).
  test('decode_stacktrace.sh frames: `func (file:line)`, with a discriminator, with an offset kept', () => {
    expect(parseFrame(' foo_check (drivers/misc/foo.c:77 (discriminator 1))', 3)).toEqual({ func: 'foo_check', file: 'drivers/misc/foo.c', line: 77, lineNo: 3 });
    expect(parseFrame('dump_backtrace (arch/arm64/kernel/stacktrace.c:321)', 4)).toEqual({
      func: 'dump_backtrace', file: 'arch/arm64/kernel/stacktrace.c', line: 321, lineNo: 4,
    });
    expect(parseFrame(' foo_probe+0x1c/0x40 (drivers/misc/foo.c:42)', 5)).toEqual({
      func: 'foo_probe', off: 0x1cn, size: 0x40n, file: 'drivers/misc/foo.c', line: 42, lineNo: 5,
    });
    expect(parseFrame('Hardware name: linux,dummy-virt (DT)', 1)).toBeUndefined();
    expect(parseFrame(' foo (not a location)', 1)).toBeUndefined();
  });

  test('lines that are not frames', () => {
    expect(parseFrame('Kernel panic - not syncing: Fatal exception', 1)).toBeUndefined();
    expect(parseFrame(' #0: ffff00004002a138 (rcu_read_lock){....}, at: process_one_work+0x76c/0x1af8', 1)).toBeUndefined();
    expect(parseFrame('hardirqs last  enabled at (83252): [<ffffa0001768a558>] _raw_spin_unlock+0xd8/0x110', 1)).toBeUndefined();
  });

  describe('a line parsed again (storms repeat their call traces)', () => {
    const line = ' kgd2kfd_init_zone_device+0xe0/0x1f0 [amdgpu]';

    test('gets its own line number and its own object', () => {
      const first = parseFrame(line, 10);
      const again = parseFrame(line, 20);
      expect(again).toEqual({ ...first, lineNo: 20 });
      expect(again).not.toBe(first);
    });

    test('is not changed by what a caller did to the first result', () => {
      const fresh = ' svm_migrate_init+0x48/0x110 [amdgpu]';
      const first = parseFrame(fresh, 1)!;
      first.func = 'changed';
      first.unreliable = true;
      expect(parseFrame(fresh, 2)).toEqual({ func: 'svm_migrate_init', off: 0x48n, size: 0x110n, module: 'amdgpu', lineNo: 2 });
    });

    test('that is no frame stays no frame', () => {
      const pc = 'pc : vmemmap_populate+0x30/0x48';
      expect(parseFrame(pc, 1)).toBeUndefined();
      expect(parseFrame(pc, 2)).toBeUndefined();
    });

    test('a trace repeated with one line changed parses each line as it is', () => {
      const trace = (mid: string) => [' a1+0x1/0x10', mid, ' c3+0x3/0x30'];
      const funcs = (lines: string[]) => lines.map((l, i) => parseFrame(l, i)?.func);
      expect(funcs(trace(' b2+0x2/0x20'))).toEqual(['a1', 'b2', 'c3']);
      expect(funcs(trace(' b2+0x2/0x20'))).toEqual(['a1', 'b2', 'c3']);
      expect(funcs(trace(' x9+0x2/0x20'))).toEqual(['a1', 'x9', 'c3']);
      expect(funcs(trace('b2+0x2/0x20 is no frame'))).toEqual(['a1', undefined, 'c3']);
      expect(funcs(trace(' b2+0x2/0x20'))).toEqual(['a1', 'b2', 'c3']);
    });

    test('thousands of different frames later, still parses right', () => {
      for (let i = 0; i < 10_000; i++) expect(parseFrame(` f${i}+0x${i.toString(16)}/0x20000`, i)?.off).toBe(BigInt(i));
      expect(parseFrame(line, 3)).toMatchObject({ func: 'kgd2kfd_init_zone_device', lineNo: 3 });
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 5_000; i++) expect(parseFrame(` g${i}+0x${i.toString(16)}/0x20000`, i)?.func).toBe(`g${i}`);
      }
    });
  });
});

describe('parseBareFrame (read inside a call trace only)', () => {
  test('an indented lone name is a frame', () => {
    expect(parseBareFrame(' __lock_acquire', 7)).toEqual({ func: '__lock_acquire', lineNo: 7 });
    expect(parseBareFrame('  lock_acquire.part.0 ', 8)).toEqual({ func: 'lock_acquire.part.0', lineNo: 8 });
  });

  test('anything else is not', () => {
    for (const text of ['__lock_acquire', ' two words', ' <IRQ>', ' ---[ end trace ]---', ' 0x1234+', '']) expect(parseBareFrame(text, 1)).toBeUndefined();
  });
});
