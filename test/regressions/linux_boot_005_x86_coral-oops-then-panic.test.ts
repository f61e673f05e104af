import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';
import { buildReport } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { PANIC_LINE } from '../../src/parse/panic-line.js';
import { exampleOf } from './_example-runs.js';

// Both Oopses of this log (`BUG: unable to handle page fault for address: 0000000000200286`, lines 2141 and 5860)
// end in `Kernel panic - not syncing: Fatal exception` (lines 2268 and 5987): the kernel died twice. The report had
// said `2 Oopses` on its first line and opened its Markdown with `**Kernel Oops**`, though its JSON said
// `"panickedCount": 2` and `--fail-on panic` failed the run.
const LOG = fileURLToPath(
  new URL('../../../shared/corpus/kernelci-logspec__linux_boot_005_x86_coral_5.10.219-rc1_WARNINGs_LAVA.txt', import.meta.url),
);

(existsSync(LOG) ? describe : describe.skip)('kernelci linux_boot_005 (coral): Oopses the kernel panicked after', () => {
  const panics = () => readFileSync(LOG, 'utf8').split('\n').filter((l) => l.includes(PANIC_LINE)).length;

  test('Found by a review: the first line counts the panics, and the Markdown opens with a panic', async () => {
    const report = buildReport([await analyzeFile(LOG)]);
    const [first] = renderText(report, { colour: false }).split('\n');
    expect(first).toMatch(new RegExp(`, ${panics()} panics$`));
    expect(first).not.toContain('Oops');
    const oops = report.inputs[0]!.clusters.find((c) => c.kind === 'oops')!;
    expect(oops.panickedCount).toBe(panics());
    expect(renderMarkdown(report).startsWith(`**Kernel panic** after \`${oops.title}\``)).toBe(true);
  });

  // The example, headed `(lines 2141-2269, boot 0)`, had stopped at the Code: line 2258 with nothing after it.
  test('Found by a review: the text example shows the panic line that ended its Oops, and says what was left out after it', async () => {
    const log = readFileSync(LOG, 'utf8').split('\n');
    const report = buildReport([await analyzeFile(LOG)]);
    const oops = report.inputs[0]!.clusters.find((c) => c.kind === 'oops')!;
    const { shown, runs } = exampleOf(renderText(report, { colour: false }), oops.example.title);
    const panicLine = log.findIndex((l, i) => i >= oops.example.firstLine && l.includes(PANIC_LINE)) + 1;
    expect(panicLine).toBeLessThanOrEqual(oops.example.lastLine);
    expect(shown.at(-1)).toBe(panicLine);
    expect(runs.at(-1)).toMatchObject({ before: panicLine, omitted: oops.example.lastLine - panicLine });
  });
});
