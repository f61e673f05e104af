import { HANG_ANCHORS, HANG_SKIP, STALL_ANCHORS } from '../../src/parse/stall-anchors.js';

test('dispatch points of x86 and arm64 stacks are anchors', () => {
  for (const func of ['process_one_work', 'do_syscall_64', '__netif_receive_skb_list_core', 'el0_svc_common', 'vfs_write'])
    expect(STALL_ANCHORS.some((re) => re.test(func))).toBe(true);
  expect(STALL_ANCHORS.some((re) => re.test('ip_list_rcv'))).toBe(false);
});

test('hangs on RCU grace periods share one name', () => {
  expect(HANG_ANCHORS.synchronize_net).toBe('synchronize_rcu');
  expect(HANG_ANCHORS.rtnl_lock).toBe('rtnl_lock');
});

// An audit of syzkaller's reports: arm32 stalls in a syscall had found no anchor (549, `in corrupted`), tasklet ones
// named the tasklet machinery (538), and `/kthread/` took kthread_worker_fn.
test("syzkaller's newer anchors: arm32 syscall entry, tasklets, hrtimers, sync read/write, socket calls", () => {
  for (const func of ['ret_fast_syscall', 'tasklet_action_common', 'tasklet_hi_action', 'hrtimer_run_queues', 'new_sync_read', 'new_sync_write', 'netlink_dump', 'setsockopt', 'listen', 'accept', 'kthread'])
    expect([func, STALL_ANCHORS.some((re) => re.test(func))]).toEqual([func, true]);
  for (const func of ['kthread_create_on_node', 'do_setsockopt', 'listen_demo']) expect([func, STALL_ANCHORS.some((re) => re.test(func))]).toEqual([func, false]);
  // A kthread worker dispatches works as process_one_work does: the work names the stall, not the worker loop.
  expect(STALL_ANCHORS.some((re) => re.test('kthread_worker_fn'))).toBe(true);
});

test('a hung task waiting in rcu_barrier is named by its caller (syzkaller report 692)', () => {
  expect(HANG_SKIP.test('rcu_barrier')).toBe(true);
});
