import { ownCopy } from '../util/own-copy.js';
import { BoundedMemo } from '../util/bounded-memo.js';

/**
 * Frames that never name a bug, after syzkaller's pkg/report/linux.go `skipPatterns`: reporting machinery
 * (`__warn`, `report_bug`, `dump_stack`, `panic`), sanitizers, lock and refcount helpers, string and copy helpers,
 * and the arm64/arm32/riscv exception entry and unwinder frames that those kernels print above the culprit.
 * Each entry is a regular expression matched anywhere in the function name.
 */
const FRAME_SKIP: readonly string[] = [
  '__sanitizer', '__asan', 'kasan', '__msan', 'kmsan', 'hwasan', 'check_memory_region', 'read_word_at_a_time',
  'print_address_description', 'print_report', 'panic', 'invalid_op', 'report_bug', 'fixup_bug', 'do_error', '_trap$', 'do_trap', 'dump_stack',
  'show_stack', 'dump_backtrace', 'unwind_backtrace', 'walk_stackframe', 'warn_slowpath', 'warn_alloc', '__warn',
  'debug_object', 'timer_is_static_object', 'work_is_static_object', 'lockdep', 'perf_trace', 'lock_acquire',
  'lock_release', 'lock_class', 'reacquire_held_locks', 'spin_lock', 'spin_trylock', 'spin_unlock', 'raw_read_lock',
  'raw_read_trylock', 'raw_write_lock', 'raw_write_trylock', '^down$', '^down_read', '^down_write', '^up_read$',
  '^up_write$', 'mutex_lock', 'mutex_trylock', 'mutex_unlock', 'mutex_remove_waiter', 'osq_lock', 'osq_unlock',
  '__wake_up', 'refcount_add', 'refcount_sub', 'refcount_inc', 'refcount_dec', 'refcount_set', 'refcount_read',
  'memcpy', 'memcmp', 'memset', 'memchr', 'memmove', 'strcmp', 'strncmp', 'strcpy', 'strlcpy', 'strncpy', 'strscpy',
  'strlen', 'strnstr', 'strnlen', 'strchr', 'copy_to_user', 'copy_from_user', 'put_user', 'get_user', 'might_fault',
  'might_sleep', 'list_add', 'list_del', 'list_replace', 'list_move', 'list_splice', '_indirect_thunk_', 'snprintf',
  'scnprintf', 'kasprintf', 'kvasprintf', 'printk', 'va_format', 'dev_info', 'dev_notice', 'dev_warn', 'dev_err',
  'dev_alert', 'dev_crit', 'dev_emerg', 'del_timer', 'flush_work', '__cancel_work_timer', 'cancel_work_sync',
  'try_to_grab_pending', 'flush_workqueue', 'drain_workqueue', 'destroy_workqueue', 'queue_work', 'finish_wait',
  'kthread_stop', 'kobject_', 'add_uevent_var', 'get_device_parent', 'device_add', 'device_del', 'device_unregister',
  'device_destroy', 'device_release', 'devres_release_all', 'sysfs_remove', 'device_remove_file', 'usb_kill_urb',
  'usb_control_msg', 'usb_submit_urb', '^complete$', 'wait_for_completion', '^kfree$', 'kfree_skb', '^kvfree$',
  'kmem_cache', 'kmalloc', 'kvmalloc', '^(?:un)?lock_page$', '^(?:fast_)?dput$', '^mark_buffer_dirty$',
  '^__raw_(?:read|write)[bwlq]$', '^logic_(?:in|out)[bwl]?$',
  // arm64 exception entry between the faulting frame and its caller.
  '^el1_abort$', '^el1_sync', '^el1h_64_sync', '^do_mem_abort$', '^__do_kernel_fault$', '^do_translation_fault$',
  '^do_bad_area$', '^do_page_fault$', '^do_debug_exception$', '^brk_handler$', '^bug_handler$', '^do_tag_check_fault$',
  '^el1_da$', '^el1_dbg$', 'trace_hardirqs',
  // From syzkaller's newer skipPatterns: lockdep's report helpers, page-cache and allocation wrappers, atomics and
  // bit ops, more locks and refcounts (report_543, report_665 and report_1000 title past these). The rwsem entries
  // stay anchored, as above: rwsem_down_write_slowpath is where a hung task waits, and names it.
  'kcsan_setup_watchpoint', 'check_heap_object', 'check_object',
  // Anchored at its first `read_once_`: unanchored, a name of many of them backtracked in n².
  '^(?:(?!(?:read|write)_once_).)*(?:read|write)_once_.*nocheck', 'print_usage_bug',
  'walk_stack', 'warn_bogus', 'alloc_page', 'k?v?(?:m|z|c)alloc', 'krealloc', 'allocate_slab', 'folio_(?:alloc|unlock)',
  'filemap_alloc_folio', '__filemap_get_folio', 'find_or_create_page', 'do_read_cache_folio', 'read_cache_page',
  'pagecache_get_page', 'grab_cache_page_write_begin', 'slab_', '__might_fault', 'print_unlock', 'imbalance_bug',
  'bh_enable', 'bh_disable', 'mark_lock', '(?:reacquire|mark)_held_locks', 'raw_spin_rq', 'read_lock', 'read_trylock',
  'write_lock', 'write_trylock', 'read_unlock', 'write_unlock', '^down_trylock', '^__mutex_', '^rt_mutex_', 'owner_on_cpu',
  'atomic(?:64)?_(?:dec|inc|read|set|or|xor|and|add|sub|fetch|xchg|cmpxchg|try)', '(?:set|clear|change|test)_bit',
  '^refcount_', '^kref_', 'ref_tracker', 'memdup', 'strstr', 'strdup', 'strndup', 'copy_to_iter', 'copy_from_iter',
  'copy_page_to_iter', 'copy_page_from_iter', 'copy_folio_to_iter', '^rb_', '^__rb_', 'hwrng_unregister',
  'i2c_del_adapter', '__unregister_client', 'device_for_each_child', 'rollback_registered', 'unregister_netdev',
  'tty_unregister_device', 'usb_kill_anchored_urbs', 'usb_hcd_submit_urb', '__might_resched', '^iput$',
  '^iput_final$', '^ihold$', 'hex_dump_to_buffer', 'print_hex_dump', '^klist_', 'stack_trace_consume_entry',
  'arch_stack_walk', 'stack_trace_save', 'insert_work', '__queue_delayed_work', 'queue_delayed_work_on', 'ida_free',
  'print_tainted', 'xas_(?:start|load|find)', '__fortify_report', '^get_taint$', '^put_device$', 'lock_timer_base',
  '__timer_delete_sync', '__mod_timer', '^drop_nlink$',
  // lib/vsprintf.c below a format string's caller: the fault is in the argument it was given (coral 5.10).
  '^string(?:_nocheck)?$', '^pointer$', '^v?sprintf$',
  // Added to syzkaller's list since (an audit of its reports 656, 664 and 694): every mutex helper, assertion and
  // checksum helpers, MMIO accessors (arm drivers' readl/writel), and a few wrappers more.
  '^mutex_', 'assertfail', 'seqprop_assert', '^crc\\d+', 'crc_itu_t', 'readb$', 'readw$', 'readl$', 'readq$', 'writeb$',
  'writew$', 'writel$', 'writeq$', '^copyin$', '^copyout$', 'dummy_urb_enqueue', '__alloc_frozen_pages_noprof',
  'find_lock_entries', 'truncate_inode_pages_range', '__phys_addr', 'cleanup_srcu_struct', 'rhashtable_lookup',
  'extract_(?:user|iter)_to_sg', 'sk_stop_timer_sync',
];

const GENERAL = new RegExp(FRAME_SKIP.join('|'));

/**
 * A storm's reports name the same functions over and over, and titles and signatures ask these questions of each:
 * the answers per function (about 100 and 50 ns by regex, 8 by lookup).
 */
const MEMO_LIMIT = 4096;
const skippedByGeneral = new BoundedMemo<boolean>(MEMO_LIMIT);
const titleFunctions = new BoundedMemo<string>(MEMO_LIMIT);

/** The function without its compiler clone suffixes. */
export function withoutClone(func: string): string {
  return func.replace(/\..*$/, '');
}

/** True when `func` (compiler clone suffixes ignored) is a reporting, locking or entry helper to look past. */
export function isSkippedFrame(func: string, extra?: RegExp): boolean {
  let general = skippedByGeneral.get(func);
  if (general === undefined) {
    general = GENERAL.test(withoutClone(func));
    skippedByGeneral.set(ownCopy(func), general);
  }
  return general || (extra?.test(withoutClone(func)) ?? false);
}

/**
 * The name a title uses: compiler clone suffixes (`.isra.0`, `.constprop.9`, `.part.0`, `.cold`) dropped and
 * syscall wrappers (`__arm64_sys_`, `__x64_sys_`, `__se_sys_`, `__do_sys_`, `SyS_`) reduced to `sys_`, as syzkaller
 * does so the same bug gets the same title on every architecture.
 */
export function titleFunction(func: string): string {
  let name = titleFunctions.get(func);
  if (name === undefined) {
    // Cut from the copy, so that the name keeps no more alive than the key does.
    const key = ownCopy(func);
    name = withoutClone(key).replace(/^(?:__(?:arm64|x64|ia32|x32|riscv|se|do)_(?:compat_)?sys_|SyS_|sys_)/, 'sys_');
    titleFunctions.set(key, name);
  }
  return name;
}

/**
 * arm64's entry for an exception taken in the kernel (a data or instruction abort, a brk of BUG/WARN, an undefined
 * instruction, an SError), as 4.x-6.x name it. The kernel's own trace of a fault starts at the faulting frame; a
 * trace that holds the entry was printed from inside the fault's handling (a vendor die notifier's dump_stack:
 * MediaTek's `mrdump_common_die`; the panic of an SError or a bad mode), and every frame above the entry is that
 * handling, not the bug.
 */
export const EXCEPTION_ENTRY =
  /^el1_(?:da|ia|sync|abort|undef|inv|sp_pc|pc|dbg|fpac|bti|error|error_invalid)$|^el1h_64_(?:sync|error)(?:_handler)?$/;

/**
 * Where the frames of the code an exception interrupted begin: past the run of entry frames that starts at the first
 * (el1h_64_error_handler, then el1h_64_error), or 0 when the trace holds none.
 */
export function belowExceptionEntry(funcs: readonly string[]): number {
  let entry = funcs.findIndex((func) => EXCEPTION_ENTRY.test(func));
  if (entry < 0) return 0;
  while (entry + 1 < funcs.length && EXCEPTION_ENTRY.test(funcs[entry + 1]!)) entry++;
  return entry + 1;
}
