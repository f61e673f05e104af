import { evidenceFromResult, layoutBootNote } from '../../src/analyze/layout-evidence.js';
import { analyzeFile } from '../../src/api.js';
import { explainValue } from '../../src/layout/explain.js';
import { candidateLayouts, plausibleLayouts } from '../../src/layout/infer.js';
import { renderExplainJson } from '../../src/report/render-explain.js';
import { renderLayoutJson } from '../../src/report/render-layout.js';
import { runInProcess } from '../cli/_run-cli.js';
import { SAMPLES } from '../cli/_spawn-cli.js';
import type { AnalysisResult, Cluster } from '../../src/analyze/types.js';
import type { BootFacts } from '../../src/parse/types.js';
import { armResult, bugCluster, vmemmapCluster } from '../report/fixtures.js';

function boot(index: number, release?: string): BootFacts {
  return {
    index,
    firstLine: 1 + index * 1000,
    zoneRanges: [],
    nodeRanges: [],
    virtualLayout: [],
    cpuFeatures: [],
    ...(release !== undefined && { release: { value: release, lineNo: 2 + index * 1000, text: `Linux version ${release}` } }),
  };
}

function result(boots: BootFacts[], clusters: Cluster[]): AnalysisResult {
  return { ...armResult(), boots, clusters };
}

/** A vmemmap cluster whose example splat was printed in boot `bootIndex`, with `release` on its CPU: line. */
function vmemmapIn(bootIndex: number, release?: string): Cluster {
  const c = vmemmapCluster();
  const { release: _dropped, ...example } = c.example;
  return { ...c, example: { ...example, bootIndex, ...(release !== undefined && { release }) } };
}

/** A cluster without vmemmap findings, printed in `bootIndex`, with or without a release. */
function bugIn(bootIndex: number, release?: string): Cluster {
  const c = bugCluster();
  return { ...c, example: { ...c.example, bootIndex, ...(release !== undefined && { release }) } };
}

describe('which boot', () => {
  test('the boot of the first vmemmap cluster, even when a later boot printed a release', () => {
    const boots = [boot(0, '6.1.0'), boot(1), boot(2, '6.6.0')];
    const evidence = evidenceFromResult(result(boots, [bugIn(2), vmemmapIn(1)]));
    expect(evidence.boot).toBe(boots[1]);
  });

  test('the first vmemmap cluster decides when there are two', () => {
    // Neither the second vmemmap cluster's boot (2) nor the last boot with a release (2).
    const boots = [boot(0, '6.1.0'), boot(1, '6.6.0'), boot(2, '6.8.0')];
    expect(evidenceFromResult(result(boots, [vmemmapIn(1), vmemmapIn(2)])).boot).toBe(boots[1]);
  });

  test('without a vmemmap cluster, the last boot that printed a release', () => {
    const boots = [boot(0, '6.1.0'), boot(1, '6.6.0'), boot(2)];
    expect(evidenceFromResult(result(boots, [bugIn(2)])).boot).toBe(boots[1]);
  });

  test('a vmemmap cluster in a boot the result does not hold falls back to the last boot with a release', () => {
    const boots = [boot(0), boot(1, '6.1.0'), boot(2)];
    expect(evidenceFromResult(result(boots, [vmemmapIn(5)])).boot).toBe(boots[1]);
  });

  test('no boot printed a release: the first boot', () => {
    const boots = [boot(0), boot(1)];
    expect(evidenceFromResult(result(boots, [bugIn(1)])).boot).toBe(boots[0]);
  });

  test('no boots at all: no boot key', () => {
    const evidence = evidenceFromResult(result([], [bugIn(0)]));
    expect('boot' in evidence).toBe(false);
  });
});

// Found by a review: layout --log on a two-boot log showed one KASLR memstart as "high" without saying whose it was.
describe('the note naming the boot', () => {
  const withBoots = (boots: BootFacts[], clusters: Cluster[]) => ({ ...result(boots, clusters), stats: { ...armResult().stats, boots: boots.length } });

  test('names the boot, its first line and why it was taken', () => {
    expect(layoutBootNote(withBoots([boot(0, '6.1.0'), boot(1), boot(2, '6.6.0')], [bugIn(2), vmemmapIn(1)]))).toBe(
      'hubbard-dmesg.txt holds 3 boots; the layout is boot 1\'s (from line 1001), the boot of the first vmemmap finding',
    );
    expect(layoutBootNote(withBoots([boot(0, '6.1.0'), boot(1, '6.6.0'), boot(2)], [bugIn(2)]))).toBe(
      'hubbard-dmesg.txt holds 3 boots; the layout is boot 1\'s (from line 1001), the last boot that printed its release',
    );
    expect(layoutBootNote(withBoots([boot(0), boot(1)], []))).toMatch(/the layout is boot 0's \(from line 1\), the first boot$/);
  });

  test('a log of one boot needs no note', () => {
    expect(layoutBootNote(withBoots([boot(0, '6.1.0')], [vmemmapIn(0)]))).toBeUndefined();
  });
});

describe('splat release', () => {
  test('from the first cluster whose example has one, vmemmap or not', () => {
    const evidence = evidenceFromResult(result([boot(0)], [vmemmapIn(0), bugIn(0, '5.15.0-91'), bugIn(0, '6.8.0')]));
    expect(evidence.splatRelease).toBe('5.15.0-91');
  });

  test('absent when no example printed one', () => {
    const evidence = evidenceFromResult(result([boot(0)], [vmemmapIn(0), bugIn(0)]));
    expect('splatRelease' in evidence).toBe(false);
  });
});

describe('register values', () => {
  test('every register of the vmemmap example, at the line of the row that printed it, in dump order', () => {
    const c = vmemmapCluster();
    const evidence = evidenceFromResult(result([boot(0)], [bugCluster(), c]));
    const rowOf = (reg: string) => c.example.lines.find((l) => new RegExp(`\\b${reg} ?: `).test(l.text))?.lineNo;
    const expected = [...c.example.regs].map(([reg, value]) => ({ reg, value, lineNo: rowOf(reg) }));
    expect(evidence.registerValues).toEqual(expected);
    // The fixture's dump: x0 = start of the struct page range, x21 = VMEMMAP_END of the 48-bit layout.
    expect(evidence.registerValues).toContainEqual({ reg: 'x0', value: 0xffff_ffff_aee0_0000n, lineNo: 71 });
    expect(evidence.registerValues).toContainEqual({ reg: 'x21', value: 0xffff_fe00_0000_0000n, lineNo: 70 });
  });

  test('the example\'s call range (x1 - x0), which can rule a page size out', () => {
    const c = vmemmapCluster();
    const evidence = evidenceFromResult(result([boot(0)], [c]));
    expect(evidence.largestCall).toBe(c.example.regs.get('x1')! - c.example.regs.get('x0')!);
    expect(evidence.largestCall).toBeGreaterThan(0n);
  });

  test('none from clusters without vmemmap findings, whatever their registers', () => {
    const bug = bugCluster();
    const withRegs = { ...bug, example: { ...bug.example, regs: new Map([['x0', 0x1234n]]) } };
    const evidence = evidenceFromResult(result([boot(0)], [withRegs]));
    expect('registerValues' in evidence).toBe(false);
  });

  test('a vmemmap example without registers gives no key', () => {
    const c = vmemmapCluster();
    const bare = { ...c, example: { ...c.example, regs: new Map<string, bigint>() } };
    expect('registerValues' in evidenceFromResult(result([boot(0)], [bare]))).toBe(false);
  });
});

test('a result with nothing in it gives empty evidence', () => {
  expect(evidenceFromResult(result([], []))).toEqual({});
});

test('the full evidence of the fixture result', () => {
  const r = armResult();
  const evidence = evidenceFromResult(r);
  expect(evidence.boot).toBe(r.boots[0]);
  // The vmemmap splat's CPU: line reads `... 6.1.0-test #1`.
  expect(evidence.splatRelease).toBe('6.1.0-test');
  // vmemmapSplat() dumps seven registers.
  expect(evidence.registerValues).toHaveLength(7);
});

// Found by review: `layout --log` and `explain --log` tested no page size against the struct pages, where analyze did.
test('the struct pages of the boot\'s vmemmap findings are evidence, together, as analyze uses them', () => {
  const r = armResult();
  const cluster = r.clusters.find((c) => c.vmemmap.length > 0)!;
  const finding = cluster.vmemmap[0]!;
  expect(evidenceFromResult(r).pageSpan).toEqual(finding.pageHull);
  // A second finding of the same boot widens the span; one of another boot does not.
  const hull = finding.pageHull!;
  cluster.vmemmap.push({ ...finding, pageHull: { start: hull.end, end: hull.end + 0x1000n } });
  cluster.vmemmap.push({ ...finding, bootIndex: finding.bootIndex + 1, pageHull: { start: 0n, end: 0x40n } });
  expect(evidenceFromResult(r).pageSpan).toEqual({ start: hull.start, end: hull.end + 0x1000n });
});

// Found by an API audit: a library caller building the evidence by hand ({ boot }) got E3 and E4 with a 64-byte struct
// page where `layout --log` says E3 with an 80-byte one; evidenceFromResult is the CLI's evidence, exported.
describe('the library gives the CLI\'s layout of e3-48-4k-80-byte-struct-page-test-hmm.log', () => {
  const LOG = `${SAMPLES}e3-48-4k-80-byte-struct-page-test-hmm.log`;

  test('layout --log: candidateLayouts(evidenceFromResult(analyzeFile(log)))', async () => {
    const cli = await runInProcess(['layout', '--log', LOG, '--format', 'json']);
    expect(cli.code).toBe(0);
    const result = await analyzeFile(LOG);
    const layouts = candidateLayouts(evidenceFromResult(result));
    expect(renderLayoutJson(layouts)).toBe(cli.stdout);
    // The CLI's answer: one layout, E3 from x5 (line 44: `x5 : fffff80000000000`, VMEMMAP_START of E3 48-bit/4K with
    // 80-byte struct pages), not the E3 and E4 of 64 bytes the boot alone gives.
    expect(layouts.map((l) => [l.era.value, l.structPageSize.value, l.constants.vmemmapStart])).toEqual([['E3', 80, 0xffff_f800_0000_0000n]]);
    expect(layouts[0]!.era.source).toMatchObject({ kind: 'register', reg: 'x5', lineNo: 44 });
    expect(candidateLayouts({ boot: result.boots.at(-1)! }).map((l) => [l.era.value, l.structPageSize.value])).toEqual([['E3', 64], ['E4', 64]]);
  });

  test('explain --log: plausibleLayouts of the same evidence', async () => {
    // x5's value, VMEMMAP_START: the struct page of the first pfn the vmemmap window holds.
    const cli = await runInProcess(['explain', '0xfffff80000000000', '--log', LOG, '--format', 'json']);
    expect(cli.code).toBe(0);
    const layouts = plausibleLayouts(evidenceFromResult(await analyzeFile(LOG)));
    expect(renderExplainJson('addr', 0xffff_f800_0000_0000n, explainValue('addr', 0xffff_f800_0000_0000n, layouts))).toBe(cli.stdout);
  });
});
