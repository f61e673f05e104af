import { analyzeFile } from '../../src/api.js';
import { syzkallerReport } from './_syzkaller-report.js';

// syzkaller's report 315 (x86 4.18): `PANIC: double fault, error_code: 0x0`, `RIP: 0010:trace_hardirqs_off_thunk`, an
// empty `Call Trace:`, then `Kernel panic - not syncing: Machine halted.` and the panic's own trace (dump_stack, panic,
// df_debug, do_double_fault, double_fault). Its TITLE is `PANIC: double fault in corrupted`, CORRUPTED: Y: syzkaller
// reads a double fault's RIP line alone, and trace_hardirqs_* is skipped.
const LOG = syzkallerReport(315, 'syzkaller__report_315__PANIC_double_fault_in_corrupted.txt');

(LOG !== undefined ? describe : describe.skip)('syzkaller report 315: double fault whose own trace is empty', () => {
  test('the report is `in corrupted` and counted corrupted, not named after the panic handler', async () => {
    const df = (await analyzeFile(LOG!)).clusters.find((c) => c.title.startsWith('PANIC: double fault'));
    expect(df?.title).toBe('PANIC: double fault in corrupted');
    expect(df?.corruptedCount).toBe(1);
  });
});
