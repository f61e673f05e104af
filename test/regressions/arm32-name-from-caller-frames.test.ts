import { analyzeText } from '../../src/api.js';

// Found by a review: arm32 kernels from 5.16 print their traces as ` func from caller+0x10/0x14`; no line of one was
// read as a frame, so every such report was "no call trace" and titled "in corrupted". The lines below follow the
// shape of a 6.2 arm32 WARNING posted to LKML (lib/refcount.c, an of_node_get on a freed node).
const WARNING = `[    1.000000] ------------[ cut here ]------------
[    1.000001] WARNING: CPU: 0 PID: 1 at lib/refcount.c:25 kobject_get+0xa0/0xa4
[    1.000002] refcount_t: addition on 0; use-after-free.
[    1.000003] Modules linked in:
[    1.000004] CPU: 0 PID: 1 Comm: swapper/0 Tainted: G                 N 6.2.0-rc1 #21
[    1.000005] Hardware name: Generic DT based system
[    1.000006]  unwind_backtrace from show_stack+0x10/0x14
[    1.000007]  show_stack from dump_stack_lvl+0x40/0x4c
[    1.000008]  dump_stack_lvl from __warn+0x7c/0x15c
[    1.000009]  __warn from warn_slowpath_fmt+0x98/0xcc
[    1.000010]  warn_slowpath_fmt from kobject_get+0xa0/0xa4
[    1.000011]  kobject_get from of_node_get+0x14/0x1c
[    1.000012]  of_node_get from of_fwnode_get+0x34/0x40
[    1.000013] ---[ end trace 0000000000000000 ]---
`;

test('Found by a review: an arm32 WARNING of 5.16 or later has its call trace', async () => {
  const result = await analyzeText(WARNING);
  expect(result.clusters).toHaveLength(1);
  const cluster = result.clusters[0]!;
  expect(cluster.example.corrupted).toBeUndefined();
  expect(cluster.example.frames.map((f) => f.func)).toEqual(['unwind_backtrace', 'show_stack', 'dump_stack_lvl', '__warn', 'warn_slowpath_fmt', 'kobject_get', 'of_node_get']);
  expect(cluster.title).not.toContain('corrupted');
});
