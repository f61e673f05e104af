import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/api.js';
import { DETAILED_BOOTS, LISTED_BOOTS } from '../../src/parse/boot-facts.js';
import { MAX_VMEMMAP_BOOTS } from '../../src/analyze/cluster-accumulator.js';

const sample = (name: string) => readFileSync(path.resolve(process.cwd(), 'samples/logs', name), 'utf8');

describe('LogAnalyzer over many boots (a reboot loop captured in one log)', () => {
  test('boots past the detailed ones keep their release only, and a warning says how many', async () => {
    const boots = DETAILED_BOOTS + 6;
    const result = await analyzeText(sample('plain-boot-6.6-unrelated-warning.log').repeat(boots));
    expect(result.boots).toHaveLength(boots);
    // At the end every boot past the detailed ones that no finding reads is slimmed, the newest two too.
    expect(result.warnings).toContain(`${boots - DETAILED_BOOTS} boot(s) after the first ${DETAILED_BOOTS} kept only their release: no vmemmap finding reads their other facts`);
    expect(result.clusters[0]!.count).toBe(boots);
  });

  test('past LISTED_BOOTS boots are counted in stats, listed only when read; the report says so', async () => {
    const boots = LISTED_BOOTS + 5;
    const result = await analyzeText('[    0.000000] Linux version 6.6.0 (u@h) (gcc 13) #1 SMP\n'.repeat(boots));
    expect(result.stats.boots).toBe(boots);
    expect(result.boots).toHaveLength(LISTED_BOOTS + 1);
    expect(result.boots.at(-1)!.index).toBe(boots - 1);
    expect(result.warnings).toContain(`4 boot(s) after the first ${LISTED_BOOTS} are counted, not listed: no vmemmap finding reads them`);
  });

  test('a report with a caller id, open when its kernel rebooted past LISTED_BOOTS, keeps its boot and release', async () => {
    // The review's ev.txt: the report waited for its task to print again, boots later, while its boot was unlisted.
    const lines = sample('e4-48-4k-amdgpu-6.10-warn-then-oops.log').split('\n');
    const start = lines.findIndex((l) => l.includes('cut here'));
    const end = lines.findIndex((l, i) => i > start && l.includes('end trace'));
    const report = lines.slice(start, end).map((l) => l.replace(/^\[\s*([\d.]+)\]/, '[$1][ T1311]'));
    const at = LISTED_BOOTS + 50;
    const log = Array.from({ length: LISTED_BOOTS + 60 }, (_, b) => [
      '[    0.000000][    T0] Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]',
      `[    0.000000][    T0] Linux version 6.10.${b === at ? 0 : 99} (builder@buildhost) (gcc 13.2.0) #1 SMP PREEMPT`,
      ...(b === at ? report : []),
    ]).flat().join('\n');
    const result = await analyzeText(`${log}\n`);
    const finding = result.clusters.find((c) => c.vmemmap.length > 0)!;
    expect(finding.example.bootIndex).toBe(at);
    expect(result.boots.find((b) => b.index === at)?.release?.value).toBe('6.10.0');
    expect(finding.vmemmap[0]!.layout!.release?.value).toBe('6.10.0');
  });

  test('a storm in every boot: findings for the first MAX_VMEMMAP_BOOTS boots, the rest counted, and said so', async () => {
    const storm = sample('e3-48-4k-amdgpu-populate-storm.log');
    const perBoot = (await analyzeText(storm)).clusters[0]!.count;
    const boots = MAX_VMEMMAP_BOOTS + 3;
    const result = await analyzeText(storm.repeat(boots));
    const cluster = result.clusters.find((c) => c.vmemmap.length > 0)!;
    expect(cluster.count).toBe(perBoot * boots);
    expect(cluster.vmemmap).toHaveLength(MAX_VMEMMAP_BOOTS);
    expect(result.warnings).toContain(
      `${cluster.title}: ${perBoot * 3} splat(s) in boots after the first ${MAX_VMEMMAP_BOOTS} with such splats are counted, not analyzed`,
    );
    // Each finding's boot kept its facts: memstart came from the log, not a default.
    for (const f of cluster.vmemmap) expect(f.layout?.memstart.source.kind).toBe('log');
  });
});
