import { isSkippedFrame, titleFunction } from '../../src/parse/frame-skip.js';

describe('isSkippedFrame', () => {
  test.each(['__warn', 'report_bug', 'warn_slowpath_fmt', '__might_sleep', 'debug_object_free', '_raw_spin_lock',
    'dump_stack_lvl', 'panic', 'do_mem_abort', 'el1h_64_sync_handler', 'mutex_lock_nested', 'kvfree',
    '__kmem_cache_alloc_node', 'bug_handler.part.1',
    // lib/vsprintf.c under a caller's bad argument (coral 5.10: a page fault in string_nocheck, from devm_kasprintf).
    'string_nocheck', 'string', 'pointer', 'vsnprintf', 'vsprintf', 'drop_nlink',
    // Added to syzkaller's list since (an audit of its reports 656, 664, 694).
    'mutex_optimistic_spin', 'mutex_spin_on_owner', 'btrfs_assertfail', 'readl', '__raw_writel', 'crc32_le', 'do_trap',
    'math_error_trap', 'find_lock_entries', '__rhashtable_lookup'])('%s is skipped', (func) => {
    expect(isSkippedFrame(func)).toBe(true);
  });

  test.each(['vmemmap_populate', 'vhci_shutdown_connection', 'rwsem_down_write_slowpath', 'ext4_unlink', 'down_up',
    'string_to_uuid', 'pointer_walk', 'inode_drop_nlink',
    // `_trap` was matched anywhere (report 694: nsim_dev_trap_report_work skipped for process_one_work).
    'nsim_dev_trap_report_work', 'readl_poll_demo'])(
    '%s names a bug',
    (func) => expect(isSkippedFrame(func)).toBe(false),
  );

  test('a format adds its own patterns', () => {
    expect(isSkippedFrame('rose_timer_expiry', /timer_/)).toBe(true);
    expect(isSkippedFrame('rose_timer_expiry')).toBe(false);
    expect(isSkippedFrame('rose_timer_expiry', /timer_/)).toBe(true);
  });

  test('answers stay right when asked again, and after thousands of other names', () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5000; i++) expect(isSkippedFrame(i % 2 ? `f${i}` : `__warn${i}`)).toBe(i % 2 === 0);
    }
  });
});

describe('titleFunction', () => {
  test.each([
    ['do_ipv6_setsockopt.isra.0', 'do_ipv6_setsockopt'],
    ['_snd_timer_stop.constprop.9', '_snd_timer_stop'],
    ['__arm64_sys_rt_sigreturn', 'sys_rt_sigreturn'],
    ['__x64_sys_socket', 'sys_socket'],
    ['SyS_socket', 'sys_socket'],
    ['__fput', '__fput'],
  ])('%s → %s', (func, name) => {
    expect(titleFunction(func)).toBe(name);
    expect(titleFunction(func)).toBe(name);
  });

  test('names stay right after thousands of others', () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5000; i++) expect(titleFunction(`__x64_sys_f${i}.isra.0`)).toBe(`sys_f${i}`);
    }
  });
});
