/**
 * Generic dispatch points (syscall entry, workqueue, softirq, timers, file and socket operations) from syzkaller's
 * `linuxStallAnchorFrames`: a stall or soft lockup is named after the frame just above the first of them, because
 * the top of a looping stack is random.
 */
export const STALL_ANCHORS: readonly RegExp[] = [
  /process_one_work/, /do_syscall_/, /do_fast_syscall_/, /sysenter_dispatch/, /tracesys_phase2/, /netif_receive_skb/,
  /do_softirq/, /call_timer_fn/, /_run_timers/, /run_timer_softirq/, /run_ksoftirqd/, /smpboot_thread_fn/,
  /^kthread$/, /^kthread_worker_fn$/, /start_secondary/, /cpu_startup_entry/, /ret_from_fork/, /vfs_write/, /vfs_read/, /vfs_iter_read/,
  /vfs_iter_write/, /do_iter_read/, /do_iter_write/, /vfs_ioctl/, /ksys_ioctl/, /compat_ioctl/, /compat_sys_ioctl/,
  /blkdev_driver_ioctl/, /blkdev_ioctl/, /^call_read_iter/, /^call_write_iter/, /do_iter_readv_writev/, /^call_mmap/,
  /mmap_region/, /do_mmap/, /do_dentry_open/, /vfs_open/, /^sock_sendmsg/, /^sock_recvmsg/, /^sock_release/,
  /^__sock_release/, /__sys_setsockopt/, /kernel_setsockopt/, /sock_common_setsockopt/, /__sys_listen/, /kernel_listen/, /sk_common_release/, /^sock_mmap/,
  /__sys_accept/, /kernel_accept/, /^sock_do_ioctl/, /^sock_ioctl/, /^compat_sock_ioctl/, /^nfnetlink_rcv_msg/,
  /^rtnetlink_rcv_msg/,
  /^(?:compat_)?(?:SYSC|SyS|__sys|___sys|__do_sys|__se_sys|__x64_sys|__arm64_sys)_(?:socketpair|connect|ioctl)/,
  /__do_fault/, /handle_mm_fault/, /do_page_fault/, /^page_fault$/, /__fput/, /task_work_run/, /exit_to_usermode/,
  /smp_call_function/,
  // arm64 entry points that play the role of do_syscall_64 there.
  /^el0_svc/, /^invoke_syscall/, /^el0t_64_sync/,
  // From syzkaller's newer list: arm32's syscall entry, tasklets and hrtimers, sync read/write, netlink dumps and the
  // socket calls' own names (an audit of its reports 237, 538 and 549).
  /ret_fast_syscall/, /tasklet_action/, /tasklet_hi_action/, /hrtimer_run/, /new_sync_read/, /new_sync_write/,
  /^netlink_dump/, /^setsockopt$/, /^listen$/, /^accept$/,
];

/** Hung tasks waiting here are grouped under the lock they wait for (syzkaller's `anchorFrames`). */
export const HANG_ANCHORS: Readonly<Record<string, string>> = {
  rtnl_lock: 'rtnl_lock',
  synchronize_rcu: 'synchronize_rcu',
  synchronize_srcu: 'synchronize_rcu',
  synchronize_net: 'synchronize_rcu',
  synchronize_sched: 'synchronize_rcu',
};

/** What a blocked or sleeping-in-atomic task is usually doing: scheduling, locking and waiting frames. */
export const HANG_SKIP =
  /sched|_lock|_slowlock|down|rwsem|completion|kthread|wait|synchronize|context_switch|__switch_to|cancel_delayed_work|rcu_barrier/;
