import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';

// Line 15 reads `syzkaller login: [  417.725670][    C1] rcu: INFO: rcu_sched self-detected stall on CPU`: the
// console glued the login prompt before a printk-stamped record. syzkaller titles it `INFO: rcu detected stall in
// sys_recvmmsg` (TYPE: HANG).
const LOG = fileURLToPath(
  new URL('../../../shared/corpus/syzkaller__report_688__INFO_rcu_detected_stall_in_sys_recvmmsg.txt', import.meta.url),
);

(existsSync(LOG) ? describe : describe.skip)('syzkaller report 688: RCU stall after a login prompt', () => {
  test('the stall is found and opens at line 15', async () => {
    const result = await analyzeFile(LOG);
    const stall = result.clusters.find((c) => c.kind === 'rcu-stall');
    expect(stall?.title).toMatch(/^INFO: rcu detected stall in /);
    expect(stall?.firstLine).toBe(15);
  });
});
