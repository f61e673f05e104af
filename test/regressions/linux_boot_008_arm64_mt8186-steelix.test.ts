import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';
import { inferLayout } from '../../src/layout/infer.js';

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

  // Lines 2073 and 5449, after each boot's panic: `PHYS_OFFSET: 0xfff081e440000000` and `PHYS_OFFSET: 0xfff0826440000000`,
  // the kernel's memstart_addr; that far below zero it is a 52-bit kernel's.
  test('each boot takes memstart from its PHYS_OFFSET line, and VA_BITS 52 from it', async () => {
    const result = await analyzeFile(LOG);
    expect(result.boots.map((b) => b.physOffset?.value)).toEqual([0xfff0_81e4_4000_0000n, 0xfff0_8264_4000_0000n]);
    const layout = inferLayout({ ...(result.boots[1] && { boot: result.boots[1] }) }, {});
    expect(layout.memstart).toMatchObject({ value: 0xfff0_8264_4000_0000n, confidence: 'high', source: { lineNo: 5449 } });
    expect(layout.vaBits.value).toBe(52);
  });

  // Lines 2074 and 5450: `CPU features: 0x300,00006170,00901250,8200720b`, the capability bitmap arm64 dumps at panic
  // under the prefix of its boot-time feature lines.
  test('the capability bitmap printed at panic is not listed as a CPU feature', async () => {
    const result = await analyzeFile(LOG);
    const features = result.boots.flatMap((b) => b.cpuFeatures);
    expect(features.length).toBeGreaterThan(0);
    expect(features.filter((f) => f.value.startsWith('0x'))).toEqual([]);
  });
});
