/**
 * Bug (found by an audit of capture transports): a log pasted indented (a Markdown code block, a mail, a tracker) or
 * quoted with no space before the stamp (`>[   12.3] `) lost every splat, or read each as corrupted with no register
 * range, and `--fail-on vmemmap` passed. dmesg's negative deltas (`-d`, `-H`) dropped the line they stamped.
 */
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../src/api.js';
import { SAMPLES } from '../cli/_spawn-cli.js';

const LOG = readFileSync(`${SAMPLES}e3-48-64k-nouveau-dmem-populate.log`, 'utf8');

async function findings(text: string) {
  const r = await analyzeText(text);
  return {
    splats: r.stats.splats,
    clusters: r.clusters.map((c) => [c.title, c.count]),
    vmemmap: r.clusters.flatMap((c) => c.vmemmap.map((v) => [v.readCount, v.pageHull, v.layout?.pageShift.value, v.layout?.memstart.value])),
  };
}

const each = (prefix: string) => LOG.split('\n').map((line) => (line === '' ? line : `${prefix}${line}`)).join('\n');

test.each([
  ['four spaces', '    '],
  ['a tab', '\t'],
  ['a quote with no space', '>'],
  ['two quotes with no space', '>>'],
  ['a quote and a tab', '> \t'],
])('indented or quoted with %s: the same findings as the log itself', async (_name, prefix) => {
  const original = await findings(LOG);
  expect(original.vmemmap).toHaveLength(1);
  expect(original.vmemmap[0]![0]).toBeGreaterThan(0);
  expect(await findings(each(prefix))).toEqual(original);
});

test('a negative dmesg -d delta keeps its line', async () => {
  const line = '[    5.099996 <   -0.000004>] WARNING: CPU: 1 PID: 1 at drivers/clk/clk.c:1045 clk_core_disable+0x1c/0x30\n';
  expect((await analyzeText(line)).stats.splats).toBe(1);
});
