/**
 * Bug (found by an audit of capture transports): a log rewrapped by a mail client at 72-78 columns merged the
 * clearfog log's two mvpp2 WARNINGs into one cluster titled `WARNING: CPU: 2 PID: 35 at` (the header broke after
 * `at`, then after its site), and lost the address of the e4 sample's Oops (`… at virtual address` + the address),
 * and with it the wrapped struct page it names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { analyzeText } from '../../src/api.js';
import { SAMPLES } from '../cli/_spawn-cli.js';

/** What a mail client does to a long line: breaks it at the last space that keeps each piece within `width`. */
function wordWrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const at = rest.lastIndexOf(' ', width);
    if (at <= 0) break;
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1).replace(/^ +/, '');
  }
  out.push(rest);
  return out;
}

const wrapped = (text: string, width: number) => text.split('\n').flatMap((l) => wordWrap(l, width)).join('\n');

async function findings(text: string) {
  const r = await analyzeText(text);
  return {
    clusters: r.clusters.map((c) => [c.title, c.count]).sort(),
    vmemmap: r.clusters.flatMap((c) => c.vmemmap.map((v) => [v.op, v.readCount, v.pageHull])).sort(),
  };
}

test.each([72, 78])('the e4 sample wrapped at %i columns gives the same findings', async (width) => {
  const log = readFileSync(`${SAMPLES}e4-48-4k-amdgpu-6.10-warn-then-oops.log`, 'utf8');
  expect(wrapped(log, width)).not.toBe(log);
  expect(await findings(wrapped(log, width))).toEqual(await findings(log));
});

// A second audit: with a journal prefix the lines are longer, and wrap where the first rows did not join: the memory
// node row before its range (memstart lost, every pfn shifted), a one-digit register before its colon (`x0` +
// `: fffffffff9000000`, the range lost), a fault line before its kind.
test.each([72, 76])('the e4 sample as journalctl prints it, wrapped at %i columns, gives the same findings', async (width) => {
  const log = readFileSync(`${SAMPLES}e4-48-4k-amdgpu-6.10-warn-then-oops.log`, 'utf8');
  const journal = log.split('\n').map((l) => (l.startsWith('[') ? `Jan 05 09:02:14 host kernel: ${l.replace(/^\[[^\]]*\] /, '')}` : l)).join('\n');
  const original = await findings(journal);
  expect(original.vmemmap.length).toBeGreaterThan(0);
  expect(await findings(wrapped(journal, width))).toEqual(original);
});

const CLEARFOG = new URL('../../../shared/corpus/boot__clearfog-gt-8k_armada8040_5.8_debian_dmesg.txt', import.meta.url);
(existsSync(CLEARFOG) ? test : test.skip)('boot__clearfog-gt-8k_armada8040_5.8_debian_dmesg wrapped at 78 columns keeps its two WARNINGs apart', async () => {
  const log = readFileSync(CLEARFOG, 'utf8');
  const original = await findings(log);
  expect(original.clusters).toHaveLength(2);
  expect(await findings(wrapped(log, 78))).toEqual(original);
});
