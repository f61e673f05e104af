import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';
import { buildReport } from '../../src/report/model.js';
import { renderText } from '../../src/report/render-text.js';

// Line 2141 opens the Oops (`BUG: unable to handle page fault for address: 0000000000200286`); lines 2142-2181 are
// mostly other drivers' messages (`sdhci-pci 0000:00:1b.0: …`, `acpi device:17: …`) that the console printed before
// the Oops's own `#PF:` (2182), `Oops:` (2185) and `RIP:` (2188) lines: the text example's 40 lines had shown the
// noise and cut the Oops's own lines.
const LOG = fileURLToPath(
  new URL('../../../shared/corpus/kernelci-logspec__linux_boot_005_x86_coral_5.10.219-rc1_WARNINGs_LAVA.txt', import.meta.url),
);

(existsSync(LOG) ? describe : describe.skip)('kernelci linux_boot_005 (coral): an Oops interleaved with device messages', () => {
  test("the text example shows the Oops's own lines, not the device messages printed between them", async () => {
    const report = buildReport([await analyzeFile(LOG)]);
    const text = renderText(report, { colour: false });
    const example = text.slice(text.indexOf('-- Example: BUG: unable to handle kernel paging request'));
    expect(example).toContain(' 2182 | #PF: supervisor read access in kernel mode');
    expect(example).toContain(' 2185 | Oops: 0000 [#1] PREEMPT SMP PTI');
    expect(example).toContain(' 2188 | RIP: 0010:string_nocheck+0x19/0x3d');
    expect(example).toContain(' 2200 | Call Trace:');
    expect(example).toMatch(/\(\d+ device messages of other drivers printed between its lines not shown\)/);
    expect(example).not.toContain('sdhci-pci 0000:00:1b.0');
  });
});
