import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';
import { buildReport } from '../../src/report/model.js';
import { renderText } from '../../src/report/render-text.js';

// The Oops at line 1280 (`Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010`, pc
// at drm_setversion+0x80/0x18c) is titled `BUG: unable to handle kernel NULL pointer dereference in drm_setversion`.
// The cluster table had cut it to `… in drm_setversi…`, the function a reader looks for, and its row still took 110
// columns.
const LOG = fileURLToPath(new URL('../../../shared/corpus/boot__orangepi5_rk3588_5.10.110_dmesg.txt', import.meta.url));

(existsSync(LOG) ? describe : describe.skip)('orangepi5 rk3588: the cluster table of an Oops', () => {
  test.each([80, 100])('Found by a review: at %i columns the table shows the whole title and fits', async (width) => {
    const report = buildReport([await analyzeFile(LOG)]);
    const [cluster] = report.inputs[0]!.clusters;
    const out = renderText(report, { width }).split('\n');
    const header = out.findIndex((l) => l.trim().startsWith('COUNT'));
    const table = out.slice(header, out.indexOf('', header));
    expect(table.every((l) => l.length <= width)).toBe(true);
    expect(table.slice(1).map((l) => l.trim()).join(' ')).toContain(cluster!.title);
    expect(cluster!.title).toMatch(/ in drm_setversion$/);
  });
});
