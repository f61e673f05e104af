import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';
import { buildReport } from '../../src/report/model.js';
import { renderText } from '../../src/report/render-text.js';
import { PANIC_LINE } from '../../src/parse/panic-line.js';
import { exampleOf } from './_example-runs.js';

// An arm64 Oops in vgic_mmio_write_invlpi: its trace, then `Code:` and `---[ end trace ]---`, then `Kernel panic - not
// syncing: Oops: Fatal exception` and four more lines of panic(). The text example, cut at 40 lines, had printed
// `… 15 more lines (the Code: and end-of-trace lines follow)` before the Code: line, though 10 of those lines came
// before it and 5, the panic line among them, after the end of the trace, and were never shown nor counted there.
const LOG = fileURLToPath(
  new URL('../../../shared/corpus/syzkaller__report_734__BUG_unable_to_handle_kernel_paging_request_in_vgic_mmio_write_invlpi.txt', import.meta.url),
);

(existsSync(LOG) ? describe : describe.skip)('syzkaller report 734: an Oops cut short, then the panic', () => {
  test('Found by a review: the example shows the panic line, and counts each run of lines left out where it was', async () => {
    const log = readFileSync(LOG, 'utf8').split('\n');
    const panicLine = log.findIndex((l) => l.includes(PANIC_LINE)) + 1;
    const codeLine = log.findIndex((l) => l.includes('] Code: ')) + 1;
    const report = buildReport([await analyzeFile(LOG)]);
    const cluster = report.inputs[0]!.clusters.find((c) => c.panickedCount)!;
    const { shown, runs } = exampleOf(renderText(report, { colour: false }), cluster.example.title);
    expect(shown).toContain(codeLine);
    expect(shown).toContain(panicLine);
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) {
      // Lines of the log between the rows around it (the last one: up to the splat's last line).
      expect(run.omitted).toBe((run.after ?? cluster.example.lastLine + 1) - run.before! - 1);
    }
    expect(runs[0]!.text).toContain('(the Code:, end-of-trace and panic lines follow)');
  });
});
