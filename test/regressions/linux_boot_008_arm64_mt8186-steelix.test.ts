import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';

// Line 2055 reads `/init: 384: .: [  271.403835] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000200`:
// the initramfs shell's error message and the kernel's panic share one console line; the panic's CPU line and
// call trace follow on lines 2056-2071.
const LOG = fileURLToPath(
  new URL('../../../shared/corpus/kernelci-logspec__linux_boot_008_arm64_mt8186-steelix_6.13.0_LAVA.txt', import.meta.url),
);

(existsSync(LOG) ? describe : describe.skip)('kernelci linux_boot_008: panic printed after shell text', () => {
  test('the panic is found at line 2055', async () => {
    const result = await analyzeFile(LOG);
    const panic = result.clusters.find((c) => c.kind === 'panic');
    expect(panic?.title).toMatch(/^kernel panic: Attempted to kill init!/);
    expect(panic?.firstLine).toBe(2055);
  });
});
