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
