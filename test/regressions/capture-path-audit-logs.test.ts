/**
 * Bugs found by an audit of the paths real kernel logs take to a bug report: EFI pstore and ramoops records,
 * Android logcat, vendor (Qualcomm, MediaTek, HiSilicon) printk prefixes, netconsole, HTML mail. The logs are not
 * copied here: each case is a short log written after the real one, with made-up names and addresses, and names
 * where the real one was posted.
 */
import { analyzeText } from '../../src/api.js';

async function firstSplat(text: string) {
  const r = await analyzeText(text);
  return r.clusters[0]?.example;
}

// An EFI pstore panic of an openSUSE kernel (CONFIG_STACKTRACE_BUILD_ID), mailed to linux-wireless in 2023: a
// module's frames carry its build ID, and had been dropped from the trace.
test('frames of a module printed with its build ID are frames', async () => {
  const log = [
    '<0>[  105.480845][    C2] Kernel panic - not syncing: demo_pci 0000:01:00.0: unrecoverable failure',
    '<4>[  105.480856][    C2] Call Trace:',
    '<0>[  105.480860][    C2]  demo_pm_resume+0x284/0x410 [demo_bus 75aba2ea7e1783672c961bedf4c141b8800b9c9e]',
    '<0>[  105.480862][    C2]  demo_pci_resume+0x17/0x50 [demo_pci 05e8ca762c997bd5feabff7694276ca7ec83d39c]',
    '<0>[  105.480863][    C2]  dpm_run_callback+0x4a/0x150',
  ].join('\n');
  const splat = await firstSplat(log);
  expect(splat?.frames.map((f) => [f.func, f.module])).toEqual([
    ['demo_pm_resume', 'demo_bus'],
    ['demo_pci_resume', 'demo_pci'],
    ['dpm_run_callback', undefined],
  ]);
});

// An MT8195 crash log quoted in a ZTE engineer's notes: MediaTek's prefix had hidden the Oops, and its die notifier's
// dump_stack had put the fault's handling (mrdump_common_die, notify_die, die) above the faulting frames.
test("a MediaTek Oops is found and titled below the fault's entry", async () => {
  const pre = (lvl: number, ts: string) => `<${lvl}>[  976.${ts}]-(5)[7247:insmod]`;
  const log = [
    `<1>[  976.945656] (5)[7247:insmod]Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000`,
    `${pre(0, '945701')}Internal error: Oops: 96000005 [#1] PREEMPT SMP`,
    `${pre(4, '946735')}CPU: 5 PID: 7247 Comm: insmod Tainted: P S         O      4.19.127 #2`,
    `${pre(4, '946736')}Hardware name: Demo MT board (DT)`,
    `${pre(4, '946752')}pc : __pi_strcmp+0x8c/0x154`,
    `${pre(4, '946753')}lr : kset_find_obj+0x50/0x90`,
    `${pre(4, '946815')}Call trace:`,
    ...['dump_backtrace+0x0/0x18c', 'show_stack+0x14/0x1c', 'dump_stack+0xb8/0xf0', 'mrdump_common_die+0xc4/0x10c',
      'ipanic_die+0x30/0x40', 'notify_die+0x64/0xb4', 'die+0xac/0x37c', 'die_kernel_fault+0x60/0x70',
      'do_page_fault+0x54/0x4e0', 'do_translation_fault+0x2c/0x40', 'do_mem_abort+0x4c/0xf8', 'el1_da+0x1c/0xac',
      '__pi_strcmp+0x8c/0x154', 'demo_driver_register+0x58/0x108', 'init_module+0x1c/0xfe0 [demo]'].map((f, i) => `${pre(4, String(946820 + i))} ${f}`),
  ].join('\n');
  const r = await analyzeText(log);
  expect(r.clusters.map((c) => c.title)).toEqual(['BUG: unable to handle kernel NULL pointer dereference in demo_driver_register']);
  expect(r.clusters[0]?.example.release).toBe('4.19.127');
});

// `adb logcat -b all` of a Motorola phone (Qualcomm msm-4.9), in androidqf's documentation: neither logcat's prefix
// nor Qualcomm's `,cpu` in the printk time was read, and the log had no kernel release or architecture.
test('boot facts from the kernel buffer of Android logcat, Qualcomm printk times', async () => {
  const log = [
    '--------- beginning of kernel',
    '09-06 10:36:55.187     0     0 I         : [    0.000000,0] Booting Linux on physical CPU 0x0',
    '09-06 10:36:55.187     0     0 I         : [    0.000000,0] Linux version 4.9.337-perf+ (root@build) (clang version 17.0.2) #1 SMP PREEMPT',
    '09-06 10:36:55.187     0     0 I         : [    0.000000,0] Boot CPU: AArch64 Processor [51af8014]',
    '09-06 10:36:55.187     0     0 I [    0.000000,0] Machine: demo',
  ].join('\n');
  const r = await analyzeText(log);
  expect(r.arch).toBe('arm64');
  expect(r.boots[0]?.release?.value).toBe('4.9.337-perf+');
});

// The same EFI pstore dump: its parts come newest first, and the panic had run on past the `Panic#1 Part4` header
// into an older task dump's trace.
test('a report ends at a pstore part header', async () => {
  const log = [
    '<0>[  105.480845][    C2] Kernel panic - not syncing: demo_pci 0000:01:00.0: unrecoverable failure',
    '<4>[  105.480856][    C2] Call Trace:',
    '<4>[  105.480860][    C2]  <IRQ>',
    '<4>[  105.480861][    C2]  dump_stack_lvl+0x45/0x5e',
    '<4>[  105.480862][    C2]  panic+0x10c/0x2a0',
    'Panic#1 Part4',
    '<6>[   45.225721][  T115] demo 0000:33:00.0: an older line',
    '<0>[  105.480570][    C2] demo_pci 0000:01:00.0: PM: **** DPM device timeout ****',
    '<0>[  105.480587][    C2] Call Trace:',
    '<0>[  105.480594][    C2]  <TASK>',
    '<0>[  105.480603][    C2]  __schedule+0x301/0x1310',
  ].join('\n');
  const r = await analyzeText(log);
  expect(r.clusters.map((c) => [c.count, c.example.firstLine, c.example.lastLine])).toEqual([[1, 1, 5]]);
});
