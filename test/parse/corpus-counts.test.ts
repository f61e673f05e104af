import { corpusAvailable, corpusFiles, corpusSplats } from './_records.js';

/**
 * Splats in every corpus log, counted by reading the log (MANIFEST counts are grep counts, not an oracle): an
 * `Unable to handle` + `Internal error` + `Kernel panic` escalation is one report, a lone header line without its
 * report is one corrupted splat, firmware `WARNING:` lines are none.
 */
const EXPECTED: Readonly<Record<string, number>> = {
  // Two mvpp2 WARNINGs (mvpp2_bm_bufs_free, mvpp2_bm_pool_destroy), each cut here … end trace.
  'boot__clearfog-gt-8k_armada8040_5.8_debian_dmesg.txt': 2,
  // Clean L4T boots.
  'boot__jetson-tx2_4.4.38-tegra_dmesg.txt': 0,
  'boot__jetson-tx2_4.4.38_samsung_dmesg.txt': 0,
  // One NULL dereference in drm_setversion + Internal error; its memory dumps run past 400 lines (truncated).
  'boot__orangepi5_rk3588_5.10.110_dmesg.txt': 1,
  // TF-A `WARNING: No OPTEE provided by BL2` is firmware, not a splat.
  'boot__rg353v_rk3566_6.4.0_mainline.txt': 0,
  'boot__rg353v_rk3566_6.6.0-rc2_dmesg.txt': 0,
  'boot__uz801-msm8916_5.10.33_postmarketos_dmesg.txt': 0,
  // Firmware `WARNING: region N:` lines only.
  'kernelci-logspec__linux_boot_004_arm64_mt8183-juniper_6.6.33-rc1_LAVA.txt': 0,
  // Three boots: WARNING in apply_returns each time; boots 1 and 2 also a page fault in string_nocheck whose
  // Oops and `Kernel panic - not syncing: Fatal exception` escalate it; coreboot `WARNING:` lines are firmware.
  'kernelci-logspec__linux_boot_005_x86_coral_5.10.219-rc1_WARNINGs_LAVA.txt': 5,
  // Two boots end in `Kernel panic - not syncing: Attempted to kill init!`, glued after the initramfs shell's
  // `/init: 384: .: ` on lines 2055 and 5431.
  'kernelci-logspec__linux_boot_008_arm64_mt8186-steelix_6.13.0_LAVA.txt': 2,
  'kernelci-logspec__test_baseline_001_arm64_mt8183-juniper_6.10-rc3-next_LAVA.txt': 0,
  'kernelci-logspec__test_baseline_002_arm64_sc7180-kingoftown_6.10-rc2_LAVA.txt': 0,
  // One KFENCE memory corruption report between its ===== rules.
  'squad__linux_log_parser_kfence_arm64_hikey.txt': 1,
  // Concatenated logs: radeon WARNING, two stack-protector panics, then lone injected headers (Alignment trap,
  // two Unhandled faults, an Oops, three WARNINGs) whose neighbours belong to other boots.
  'squad__linux_log_parser_multiple_issues_dmesg_x86.txt': 10,
  // Semi-synthetic: an Internal error, kernel BUG at walt.c and an edited `Oops - BUG: 99` 100 s out of order
  // (three corrupted pieces), eight spinlock lockups (two cut short), a WARNING cut by the next one, a WARNING in
  // watchdog_timer_fn, a last Internal error.
  // Lines 91-130: a 4.4-style `[ INFO: suspicious RCU usage. ]` lockdep report, the first of the log.
  'squad__linux_log_parser_oops_arm64_hikey_4.4.89.txt': 15,
  // One `WARNING: suspicious RCU usage` at boot.
  'squad__linux_log_parser_rcu_warning_arm64_juno_4.14.156.txt': 1,
  'syzkaller__decompile_arm64_0.in.txt': 1,
  'syzkaller__decompile_arm64_1.in.txt': 1,
  // Nested-lock lockdep report cut by the paging-request Oops it triggered: two reports.
  'syzkaller__guilty_55.txt': 2,
  'syzkaller__guilty_59.txt': 1,
  'syzkaller__guilty_64.txt': 1,
  // WARNING without its stack, cut by another CPU's general protection fault.
  'syzkaller__report_142__WARNING_in_corrupted.txt': 2,
  // Trusty's panic line (its TITLE), then the kernel's WARNING in trusty_std_call32 that it led to.
  'syzkaller__report_353__trusty_ASSERT_FAILED_list_in_list_chan-_node.txt': 2,
  'syzkaller__report_354__trusty_ASSERT_FAILED_list_in_list_ref-_ref_node.txt': 2,
  'syzkaller__report_355__trusty_panic_failed_-NUM_to_start_app_NUM.txt': 2,
  'syzkaller__report_356__trusty_ASSERT_FAILED.txt': 2,
  // Alignment trap line alone, then the Unhandled fault + Internal error it led to.
  'syzkaller__report_242__Alignment_trap_in_corrupted.txt': 2,
  // Two tasks oops at once (T3083 complete, T3080 cut by the end of the log).
  'syzkaller__report_680__BUG_unable_to_handle_kernel_paging_request_in_simple_xattr_alloc.txt': 2,
  // Lockdep report cut by the Oops it triggered.
  'syzkaller__report_655__WARNING_nested_lock_was_not_taken_in_evict.txt': 2,
  // WARNING in free_large_kmalloc, then the KASAN invalid-free report that follows it.
  'syzkaller__report_696__WARNING_in_ext4_expand_extra_isize_ea.txt': 2,
};

/** Every other syzkaller report file holds the one report named by its TITLE (688's RCU stall is glued after
 *  `syzkaller login: ` on line 15). */
const expectedCount = (file: string): number => EXPECTED[file] ?? (file.startsWith('syzkaller__report_') ? 1 : 0);

(corpusAvailable ? describe : describe.skip)('splats per corpus log', () => {
  const files = corpusFiles();

  test('the corpus has the logs this table was read from', () => {
    for (const file of Object.keys(EXPECTED)) expect(files).toContain(file);
  });

  test.each(files)('%s', (file) => {
    expect(corpusSplats(file)).toHaveLength(expectedCount(file));
  });
});
