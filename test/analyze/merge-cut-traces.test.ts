import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/api.js';

const sample = (name: string) => readFileSync(path.resolve(process.cwd(), 'samples/logs', name), 'utf8');

const DROPPED = '** 17 printk messages dropped **';

/**
 * The sample with a console's drop in reports `from`..`to` (1-based): from its `x29:` row on, as many lines as the
 * register rows, `Call trace:` and the first frames of `lost` (the trace lines after `Call trace:` it takes) are
 * replaced by one `** N printk messages dropped **` line, as a serial console that fell behind prints it.
 */
function withDrops(text: string, from: number, to: number, lost: number): { log: string; reports: number; cut: number } {
  const lines = text.split('\n');
  const out: string[] = [];
  let report = 0;
  let cut = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('cut here')) report += 1;
    if (report >= from && report <= to && line.includes('] x29: ')) {
      const traceAt = lines.findIndex((l, j) => j > i && l.includes('] Call trace:'));
      out.push(`${line.slice(0, line.indexOf(']') + 1)} ${DROPPED}`);
      i = traceAt + lost;
      cut += 1;
      continue;
    }
    out.push(line);
  }
  return { log: out.join('\n'), reports: report, cut };
}

// Found by a review of the reports: six reports of a 40-report storm whose console dropped their registers and the
// top of their traces had made a second cluster (`via devm_memremap_pages, kgd2kfd_init_zone_device`), and the
// vmemmap finding of the first had counted 34 WARNINGs in two ranges.
describe('reports whose traces a console cut join the cluster of their whole traces', () => {
  const { log, reports, cut } = withDrops(sample('e3-48-4k-amdgpu-populate-storm.log'), 10, 15, 6);

  test('one cluster, every report counted, the cut ones as unread', async () => {
    expect(cut).toBe(6);
    const result = await analyzeText(log);
    expect(result.clusters).toHaveLength(1);
    const [cluster] = result.clusters;
    expect(cluster!.count).toBe(reports);
    expect(cluster!.signature).not.toContain('…');
    expect(cluster!.corruptedCount).toBe(cut);
    const finding = cluster!.vmemmap[0]!;
    expect(finding.splatCount).toBe(reports);
    expect(finding.readCount).toBe(reports - cut);
    expect(finding.consequence).toContain(`in the ${reports - cut} splat(s) whose registers were read`);
  });

  // Found by a review of this session's change: with two more lines lost, the cut traces kept `amdgpu_device_init
  // [amdgpu]` and not `kgd2kfd_init_zone_device`, and had become a second finding of the same driver, with no range.
  test('however much of the top a console cut, one finding of the driver', async () => {
    for (const lost of [6, 8, 10]) {
      const cutMore = withDrops(sample('e3-48-4k-amdgpu-populate-storm.log'), 10, 15, lost);
      const result = await analyzeText(cutMore.log);
      expect(result.clusters).toHaveLength(1);
      const findings = result.clusters[0]!.vmemmap;
      expect(findings.map((v) => [v.driver, v.splatCount, v.readCount])).toEqual([[findings[0]!.driver, cutMore.reports, cutMore.reports - cutMore.cut]]);
      expect(findings[0]!.driver).toContain('kgd2kfd_init_zone_device');
    }
  });

  test('the same when the cut reports come first: the merge does not depend on order', async () => {
    const early = withDrops(sample('e3-48-4k-amdgpu-populate-storm.log'), 1, 3, 6);
    const result = await analyzeText(early.log);
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]!.count).toBe(early.reports);
    expect(result.clusters[0]!.firstLine).toBe(log.split('\n').findIndex((l) => l.includes('cut here')) + 1);
  });

  test('with no whole trace to join, the cut reports stay a cluster of their own, signed as cut', async () => {
    const all = withDrops(sample('e3-48-4k-amdgpu-populate-storm.log'), 1, 1000, 6);
    const result = await analyzeText(all.log);
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]!.signature).toContain('| … |');
    expect(result.clusters[0]!.count).toBe(all.reports);
  });

  test('frames after the gap that no whole trace holds in a row: the cut reports stay apart', async () => {
    // The cut reports are made to go through another caller than the whole ones.
    const lines = log.split('\n');
    const mixed = lines.map((l, i) => (lines.slice(Math.max(0, i - 12), i).some((x) => x.includes(DROPPED)) ? l.replace('kgd2kfd_init_zone_device', 'someone_else_init') : l));
    const apart = await analyzeText(mixed.join('\n'));
    expect(apart.clusters).toHaveLength(2);
    expect(apart.clusters.filter((c) => c.signature.includes('…')).map((c) => c.count)).toEqual([cut]);
  });
});
