import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';

// Line 9 reads `CPU: 185 PID: 11718 Comm: dbus-daemon Kdump: loaded Tainted: G        W         4.20.0-rc2+ #4`: a
// crash kernel was loaded, and dump_stack_print_info() printed `Kdump: loaded ` between the comm and the taint.
const LOG = fileURLToPath(
  new URL('../../../shared/corpus/syzkaller__report_316__kernel_panic_corrupted_stack_end_in_sys_socket.txt', import.meta.url),
);

(existsSync(LOG) ? describe : describe.skip)('syzkaller report 316: a CPU line with `Kdump: loaded`', () => {
  test('the comm is dbus-daemon, without the marker', async () => {
    const result = await analyzeFile(LOG);
    const example = result.clusters[0]?.example;
    expect(example).toMatchObject({ cpu: 185, pid: 11718, comm: 'dbus-daemon' });
  });
});
