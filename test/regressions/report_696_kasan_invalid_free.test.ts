import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';

// After the WARNING, line 52 reads `BUG: KASAN: invalid-free in kfree+0xf8/0x19c` (6.3 prints `invalid-free` alone,
// older kernels `double-free or invalid-free`). The trace runs print_report ← kasan_report_invalid_free ←
// __kasan_kfree_large ← free_large_kmalloc ← kfree ← kvfree ← ext4_expand_extra_isize_ea: everything above the ext4
// caller is KASAN or the allocator, so syzkaller's rule (skip kmem_/slab_/kfree/vunmap/vfree) names that caller.
const LOG = fileURLToPath(
  new URL('../../../shared/corpus/syzkaller__report_696__WARNING_in_ext4_expand_extra_isize_ea.txt', import.meta.url),
);

(existsSync(LOG) ? describe : describe.skip)('syzkaller report 696: KASAN invalid-free after a WARNING', () => {
  test('the KASAN report is named after the freeing caller, not a KASAN internal', async () => {
    const kasan = (await analyzeFile(LOG)).clusters.find((c) => c.kind === 'kasan');
    expect(kasan?.title).toBe('KASAN: invalid-free in ext4_expand_extra_isize_ea');
    expect(kasan?.firstLine).toBe(51);
  });
});
