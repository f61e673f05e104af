import { HANG_ANCHORS, STALL_ANCHORS } from '../../src/parse/stall-anchors.js';

test('dispatch points of x86 and arm64 stacks are anchors', () => {
  for (const func of ['process_one_work', 'do_syscall_64', '__netif_receive_skb_list_core', 'el0_svc_common', 'vfs_write'])
    expect(STALL_ANCHORS.some((re) => re.test(func))).toBe(true);
  expect(STALL_ANCHORS.some((re) => re.test('ip_list_rcv'))).toBe(false);
});

test('hangs on RCU grace periods share one name', () => {
  expect(HANG_ANCHORS.synchronize_net).toBe('synchronize_rcu');
  expect(HANG_ANCHORS.rtnl_lock).toBe('rtnl_lock');
});
