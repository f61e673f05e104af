import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BootFacts, Splat } from '../../src/parse/types.js';
import { analyzeText } from '../../src/api.js';
import type { Signature } from '../../src/analyze/signature.js';
import { ClusterAccumulator, MAX_VMEMMAP_BOOTS } from '../../src/analyze/cluster-accumulator.js';
import { makeBoot } from './vmemmap/make-boot.js';
import { frames, makeSplat, regsWith } from './vmemmap/make-splat.js';
import { cutFromMiB, heapHeldBy } from '../util/held-heap.js';

// The caps of cluster-accumulator.ts: MAX_IDS for cpus and pids, MAX_NAMES for releases and hardware.
const MAX_IDS = 64;
const MAX_NAMES = 16;

const U64 = (x: bigint) => BigInt.asUintN(64, x);
const SP = 64n; // sizeof(struct page)
const MEMSTART0 = 0x8000_0000n;
// A second boot whose DRAM starts at 4 GiB: round_down(0x1_0000_0000, 2^30) keeps it (ARM64_MEMSTART_ALIGN, 4K: 2^30).
const MEMSTART1 = 0x1_0000_0000n;
// E3 48/4K: VMEMMAP_START = -2^42; vmemmap = VMEMMAP_START - (memstart >> 12) * 64 (reference §2, §4).
const E3_VMEMMAP0 = U64(-(1n << 42n) - (MEMSTART0 >> 12n) * SP);
/** The struct page of `pfn` in boot 0 (memstart 0x80000000). */
const page0 = (pfn: bigint) => U64(E3_VMEMMAP0 + pfn * SP);
const SECTION_PAGES = 1n << 15n; // PAGES_PER_SECTION = 2^(SECTION_SIZE_BITS 27 - PAGE_SHIFT 12)
// 32 sections below phys 2^48 (pfn 2^36): above the 48-bit linear map, as in the amdgpu storm of the vmemmap tests,
// and still below 2^48 in boot 1, whose memstart puts the same struct pages 16 sections higher (4K kernels address
// no more than 48 bits: a layout that puts them past it is not taken).
const P = (1n << 36n) - 32n * SECTION_PAGES;
const AMDGPU = frames('vmemmap_populate', '__populate_section_memmap', 'sparse_add_section', '__add_pages', 'pagemap_range', 'memremap_pages', 'devm_memremap_pages', 'kgd2kfd_init_zone_device [amdgpu]');

const VMEMMAP_SIG: Signature = { id: '0123456789ab', text: 'warning | WARNING in vmemmap_populate | __populate_section_memmap | sparse_add_section' };
const OTHER_SIG: Signature = { id: 'ba9876543210', text: 'warning | WARNING in foo_bar | foo_probe | platform_probe' };

/** A vmemmap_populate splat over one section starting at `pfn` (boot-0 addresses). */
function populate(pfn: bigint, over: Partial<Splat> = {}): Splat {
  return makeSplat({ frames: AMDGPU, regs: regsWith({ x0: page0(pfn), x1: page0(pfn + SECTION_PAGES) }), ...over });
}

/** A WARNING elsewhere in an arm64 kernel: not a vmemmap splat (its site is not arch/arm64/mm/mmu.c). */
function other(over: Partial<Splat> = {}): Splat {
  return makeSplat({
    title: 'WARNING in foo_bar',
    header: 'WARNING: CPU: 0 PID: 100 at drivers/foo/bar.c:10 foo_bar+0x10/0x20',
    site: { file: 'drivers/foo/bar.c', line: 10, func: 'foo_bar', off: 0x10n, size: 0x20n },
    pc: { func: 'foo_bar', off: 0x10n, size: 0x20n },
    frames: frames('foo_bar', 'foo_probe', 'platform_probe'),
    ...over,
  });
}

/** As the analyzer does it: the first splat opens the cluster and is then added like every other. */
function cluster(signature: Signature, first: Splat, ...rest: Splat[]): ClusterAccumulator {
  const acc = new ClusterAccumulator(signature, first);
  for (const s of [first, ...rest]) acc.add(s);
  return acc;
}

const boot0: BootFacts = makeBoot('6.1.0', { start: MEMSTART0, end: 0x8_7fff_ffffn });
const boot1: BootFacts = { ...makeBoot('6.1.0', { start: MEMSTART1, end: 0x8_ffff_ffffn }), index: 1 };

describe('counts', () => {
  test('the constructor only opens the cluster; each add counts one splat, corrupted ones also on their own', () => {
    const first = other({ firstLine: 1 });
    const opened = new ClusterAccumulator(OTHER_SIG, first);
    expect(opened.finish([], undefined).count).toBe(0);
    expect(opened.id).toBe(OTHER_SIG.id);

    const acc = cluster(OTHER_SIG, first, other({ corrupted: 'no call trace' }), other(), other({ corrupted: 'truncated' }), other());
    const c = acc.finish([], undefined);
    expect(c.count).toBe(5); // first + 4 more
    expect(c.corruptedCount).toBe(2);
    expect(c).not.toHaveProperty('panickedCount');
  });

  test('splats a `Kernel panic` escalated are counted apart, also across parts; an `Internal error:` is no panic', () => {
    const panicked = () => other({ escalations: ['Kernel panic - not syncing: panic_on_warn set ...'] });
    const oopsed = other({ escalations: ['Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP'] });
    const acc = cluster(OTHER_SIG, other(), panicked(), oopsed);
    expect(acc.finish([], undefined).panickedCount).toBe(1);
    acc.absorb(ClusterAccumulator.revive(structuredClone(cluster(OTHER_SIG, panicked(), panicked()))));
    expect(acc.finish([], undefined)).toMatchObject({ count: 5, panickedCount: 3 });
  });
});

describe('bounded sets', () => {
  test('cpus and pids keep the first MAX_IDS distinct values, sorted as numbers; undefined is not a value', () => {
    const n = MAX_IDS + 6;
    const splats: Splat[] = [];
    // cpus arrive in descending order (n-1 .. 0), pids ascending (1000 .. 1000+n-1); each splat comes twice.
    for (let i = 0; i < n; i++) {
      const s = other({ cpu: n - 1 - i, pid: 1000 + i });
      splats.push(s, s);
    }
    splats.push(other({})); // makeSplat sets neither cpu nor pid
    const c = cluster(OTHER_SIG, splats[0]!, ...splats.slice(1)).finish([], undefined);
    // The first MAX_IDS cpus seen are n-1 down to n-MAX_IDS = 6.
    expect(c.cpus).toEqual(Array.from({ length: MAX_IDS }, (_, i) => n - MAX_IDS + i));
    expect(c.cpus[0]).toBe(6);
    expect(c.cpus).toHaveLength(MAX_IDS);
    expect(c.pids).toEqual(Array.from({ length: MAX_IDS }, (_, i) => 1000 + i));
    expect(c.pids.at(-1)).toBe(1063);
    expect(c.count).toBe(2 * n + 1);
    // 70 distinct cpus and pids were seen: both lists say they are cut; releases and hardware were never set.
    expect(c.truncatedLists).toEqual(['cpus', 'pids']);
  });

  test('a list at its cap but never past it is not marked cut', () => {
    const splats = Array.from({ length: MAX_IDS }, (_, i) => other({ cpu: i }));
    const c = cluster(OTHER_SIG, splats[0]!, ...splats.slice(1)).finish([], undefined);
    expect(c.cpus).toHaveLength(MAX_IDS);
    expect(c).not.toHaveProperty('truncatedLists');
  });

  test('numbers sort numerically, not as text', () => {
    const c = cluster(OTHER_SIG, other({ cpu: 10, pid: 200 }), other({ cpu: 2, pid: 30 }), other({ cpu: 1, pid: 1000 })).finish([], undefined);
    expect(c.cpus).toEqual([1, 2, 10]);
    expect(c.pids).toEqual([30, 200, 1000]);
  });

  test('releases and hardware keep the first MAX_NAMES distinct values, sorted as text', () => {
    const n = MAX_NAMES + 4;
    const splats = Array.from({ length: n }, (_, i) => other({ release: `6.${i}.0`, hardware: `Board rev ${i}` }));
    splats.push(other({ release: '6.0.0' }), other({ hardware: 'Board rev 0' }));
    const c = cluster(OTHER_SIG, splats[0]!, ...splats.slice(1)).finish([], undefined);
    // Kept: the values of i = 0 .. MAX_NAMES-1, in code-unit order ('6.10.0' < '6.2.0').
    const releases = Array.from({ length: MAX_NAMES }, (_, i) => `6.${i}.0`).sort();
    expect(c.releases).toEqual(releases);
    expect(c.releases.slice(0, 4)).toEqual(['6.0.0', '6.1.0', '6.10.0', '6.11.0']);
    expect(c.releases).not.toContain('6.16.0');
    expect(c.hardware).toEqual(Array.from({ length: MAX_NAMES }, (_, i) => `Board rev ${i}`).sort());
    expect(c.hardware).toHaveLength(MAX_NAMES);
    expect(c.hardware).not.toContain(`Board rev ${MAX_NAMES}`);
    expect(c.truncatedLists).toEqual(['releases', 'hardware']);
  });
});

describe('first, last and example', () => {
  test('first and last bound the cluster; the example is the first splat that is not corrupted', () => {
    const s1 = other({ title: 'WARNING in foo_bar.isra.0', corrupted: 'register dump cut', firstLine: 10, lastLine: 20, ts: 1.5, wallTime: '2024-05-01T10:00:00Z' });
    const s2 = other({ title: 'WARNING in foo_bar.isra.1', firstLine: 30, lastLine: 45, ts: 2.25 });
    const s3 = other({ title: 'WARNING in foo_bar.isra.2', firstLine: 50, lastLine: 70, ts: 3, wallTime: '2024-05-01T10:00:02Z' });
    const c = cluster(OTHER_SIG, s1, s2, s3).finish([], undefined);
    expect(c).toMatchObject({ firstLine: 10, lastLine: 70, firstTs: 1.5, lastTs: 3, firstWallTime: '2024-05-01T10:00:00Z', lastWallTime: '2024-05-01T10:00:02Z' });
    expect(c.example).toStrictEqual(s2);
    expect(c.title).toBe('WARNING in foo_bar.isra.1');
  });

  test('kind and title come from the example', () => {
    const garbled = other({ kind: 'other', title: 'corrupted report', corrupted: 'header unreadable' });
    const c = cluster(OTHER_SIG, garbled, other({ firstLine: 60 })).finish([], undefined);
    expect(c.kind).toBe('warning');
    expect(c.title).toBe('WARNING in foo_bar');
    expect(c.example.firstLine).toBe(60);
  });

  test('a first splat that is not corrupted stays the example', () => {
    const s1 = other({ firstLine: 5 });
    const c = cluster(OTHER_SIG, s1, other({ firstLine: 9 }), other({ firstLine: 12, corrupted: 'truncated' })).finish([], undefined);
    expect(c.example).toStrictEqual(s1);
    expect(c.lastLine).toBe(40); // makeSplat's lastLine of the last splat added
  });

  test('when every splat is corrupted the first one is the example', () => {
    const s1 = other({ firstLine: 1, corrupted: 'a' });
    const c = cluster(OTHER_SIG, s1, other({ firstLine: 50, corrupted: 'b' })).finish([], undefined);
    expect(c.example).toStrictEqual(s1);
    expect(c.corruptedCount).toBe(2);
  });

  test('a report of a log with caller ids is kept as a copy; one without, whose lines are one run of the log, as it is', () => {
    const withCaller = other({ firstLine: 5, caller: 'T100' });
    const copied = cluster(OTHER_SIG, withCaller).finish([], undefined).example;
    expect(copied).not.toBe(withCaller);
    expect(copied).toStrictEqual(withCaller);
    const plain = other({ firstLine: 5 });
    expect(cluster(OTHER_SIG, plain).finish([], undefined).example).toBe(plain);
  });

  test('keeps none of the log text its splats were cut from (a report printed among others, caller ids, has a batch per line)', () => {
    /** Every string of the splat cut from a 1 MiB string of its own, as split2's batches would be. */
    const cutSplat = (i: number): Splat =>
      other({
        title: cutFromMiB(`WARNING in foo_bar.isra.${i}`),
        header: cutFromMiB(`WARNING: CPU: 0 PID: ${100 + i} at drivers/foo/bar.c:10 foo_bar+0x10/0x20`),
        comm: cutFromMiB(`kworker/u16:${i}-events`),
        release: cutFromMiB(`6.6.${i}-00001-gabcdef012345`),
        hardware: cutFromMiB(`Generic board number ${i} (DT)`),
        wallTime: cutFromMiB(`2024-05-01T10:00:0${i}.000000Z`),
        frames: frames(cutFromMiB('foo_bar_longer_name'), cutFromMiB('foo_probe_longer_name')),
        lines: [1, 2, 3].map((n) => ({ lineNo: n, text: cutFromMiB(`line ${n} of report ${i}, long enough to be a slice`) })),
        firstLine: 10 * i,
        lastLine: 10 * i + 5,
        caller: 'T100',
      });
    expect(heapHeldBy(() => [1, 2, 3, 4].map(cutSplat))).toBeGreaterThan(32 * 2 ** 20);
    const filled = (): ClusterAccumulator => {
      const acc = new ClusterAccumulator(OTHER_SIG, cutSplat(1));
      for (let i = 1; i <= 4; i++) acc.add(cutSplat(i));
      return acc;
    };
    // While it reads, the last splat's wall time alone is kept as cut (one string, replaced by every splat).
    expect(heapHeldBy(filled)).toBeLessThan(2 ** 20 + 2 ** 19);
    expect(heapHeldBy(() => filled().finish([], undefined))).toBeLessThan(2 ** 19);
  });

  test('times absent from the first or last splat are absent from the cluster', () => {
    const c = cluster(OTHER_SIG, other({ firstLine: 1 }), other({ firstLine: 50, ts: 7.5, wallTime: '2024-05-01T10:00:07Z' })).finish([], undefined);
    expect(c).not.toHaveProperty('firstTs');
    expect(c).not.toHaveProperty('firstWallTime');
    expect(c.lastTs).toBe(7.5);
    expect(c.lastWallTime).toBe('2024-05-01T10:00:07Z');
    const d = cluster(OTHER_SIG, other({ ts: 1 }), other()).finish([], undefined);
    expect(d.firstTs).toBe(1);
    expect(d).not.toHaveProperty('lastTs');
  });
});

describe('finish', () => {
  test('a cluster of non-vmemmap splats: every field, and no vmemmap findings', () => {
    const s1 = other({ cpu: 3, pid: 77, release: '6.6.0', hardware: 'Acme Board', firstLine: 100, lastLine: 130, ts: 12.5 });
    const s2 = other({ cpu: 1, pid: 77, release: '6.6.0', firstLine: 200, lastLine: 222, ts: 13.75, corrupted: 'no call trace' });
    const c = cluster(OTHER_SIG, s1, s2).finish([boot0], undefined);
    expect(c).toStrictEqual({
      id: OTHER_SIG.id,
      signature: OTHER_SIG.text,
      kind: 'warning',
      title: 'WARNING in foo_bar',
      count: 2,
      firstLine: 100,
      lastLine: 222,
      firstTs: 12.5,
      lastTs: 13.75,
      cpus: [1, 3],
      pids: [77],
      releases: ['6.6.0'],
      hardware: ['Acme Board'],
      corruptedCount: 1,
      example: s1,
      vmemmap: [],
    });
  });
});

describe('per-boot vmemmap accumulators', () => {
  test('one finding per boot, sorted by boot, each under its own boot facts', () => {
    // Opened in boot 1, then boot 0 (the order of the Map), then boot 1 again.
    const a = populate(P, { bootIndex: 1, pid: 100, firstLine: 500 });
    const b = populate(P, { bootIndex: 0, pid: 100, firstLine: 100 });
    const c = populate(P + SECTION_PAGES, { bootIndex: 1, pid: 100, firstLine: 600 });
    const cl = cluster(VMEMMAP_SIG, a, b, c).finish([boot0, boot1], undefined);
    expect(cl.vmemmap.map((f) => [f.bootIndex, f.splatCount, f.readCount])).toEqual([
      [0, 1, 1],
      [1, 2, 2],
    ]);
    const [f0, f1] = cl.vmemmap;
    expect(f0?.op).toBe('populate');
    expect(f0?.layout?.memstart.value).toBe(MEMSTART0);
    expect(f1?.layout?.memstart.value).toBe(MEMSTART1);
    expect(f0?.pfnHull).toEqual({ start: P, end: P + SECTION_PAGES });
    // The same struct page address in boot 1: pfn = (addr - VMEMMAP_START) / 64 + (memstart >> 12), so every pfn is
    // (MEMSTART1 - MEMSTART0) >> 12 = 0x80000 higher than in boot 0; boot 1 covers two sections.
    const shift = (MEMSTART1 - MEMSTART0) >> 12n;
    expect(shift).toBe(0x8_0000n);
    expect(f1?.pfnHull).toEqual({ start: P + shift, end: P + 2n * SECTION_PAGES + shift });
    // Two splats of pid 100 one section apart: the step is one section's memmap, 2^15 * 64 = 2 MiB.
    expect(f1?.startStep).toBe(SECTION_PAGES * SP);
    expect(f0?.startStep).toBeUndefined();
    expect(cl.count).toBe(3);
  });

  test('a boot without facts still gets its finding', () => {
    const cl = cluster(VMEMMAP_SIG, populate(P, { bootIndex: 2 })).finish([boot0], undefined);
    expect(cl.vmemmap).toHaveLength(1);
    expect(cl.vmemmap[0]).toMatchObject({ bootIndex: 2, splatCount: 1, readCount: 1 });
  });

  test('a corrupted vmemmap splat is still counted by its boot accumulator', () => {
    const cl = cluster(VMEMMAP_SIG, populate(P, { corrupted: 'truncated' }), populate(P + SECTION_PAGES)).finish([boot0], undefined);
    expect(cl.vmemmap).toHaveLength(1);
    expect(cl.vmemmap[0]?.splatCount).toBe(2);
    expect(cl.corruptedCount).toBe(1);
  });
});

describe('revive after structuredClone (the worker-thread path)', () => {
  test('a clone loses its class; a revived clone adds splats exactly like the original', () => {
    const before = [
      populate(P, { pid: 100, cpu: 0, release: '6.1.0', firstLine: 10, ts: 1 }),
      populate(P + SECTION_PAGES, { pid: 100, cpu: 1, release: '6.1.0', firstLine: 50, ts: 2, corrupted: 'no code line' }),
    ];
    const original = cluster(VMEMMAP_SIG, before[0]!, before[1]!);
    const clone = structuredClone(original);
    // structuredClone keeps every field and drops the prototype (jest's realm has its own Object.prototype).
    expect(clone).not.toBeInstanceOf(ClusterAccumulator);
    expect('add' in clone).toBe(false);
    const revived = ClusterAccumulator.revive(clone);
    expect(revived).toBeInstanceOf(ClusterAccumulator);
    expect(revived.id).toBe(VMEMMAP_SIG.id);

    const after = [
      populate(P + 2n * SECTION_PAGES, { pid: 100, cpu: 2, release: '6.1.0', hardware: 'Acme Board', firstLine: 90, ts: 3 }),
      populate(P + 3n * SECTION_PAGES, { pid: 100, cpu: 3, release: '6.1.0', firstLine: 130, ts: 4 }),
    ];
    for (const s of after) {
      original.add(s);
      revived.add(s);
    }
    const fromRevived = revived.finish([boot0], undefined);
    expect(fromRevived).toEqual(original.finish([boot0], undefined));
    expect(fromRevived).toMatchObject({ count: 4, corruptedCount: 1, cpus: [0, 1, 2, 3], pids: [100], releases: ['6.1.0'], hardware: ['Acme Board'], firstLine: 10, firstTs: 1, lastTs: 4 });
    const f = fromRevived.vmemmap[0];
    expect(fromRevived.vmemmap).toHaveLength(1);
    // Four consecutive sections, two read before the clone and two after.
    expect(f).toMatchObject({ splatCount: 4, readCount: 4, sectionsTouched: 4 });
    expect(f?.pfnHull).toEqual({ start: P, end: P + 4n * SECTION_PAGES });
    // The step from the last start before the clone to the first after it needs the StepCounter's state to survive.
    expect(f?.startStep).toBe(SECTION_PAGES * SP);
  });

  test('a revived clone keeps its caps: full sets stay full', () => {
    const splats = Array.from({ length: MAX_IDS }, (_, i) => other({ cpu: i, pid: i, release: `r${String(i).padStart(2, '0')}` }));
    const revived = ClusterAccumulator.revive(structuredClone(cluster(OTHER_SIG, splats[0]!, ...splats.slice(1))));
    revived.add(other({ cpu: MAX_IDS, pid: MAX_IDS, release: 'r99' }));
    const c = revived.finish([], undefined);
    expect(c.cpus).toHaveLength(MAX_IDS);
    expect(c.cpus).not.toContain(MAX_IDS);
    expect(c.pids).not.toContain(MAX_IDS);
    // Releases r00..r15 filled MAX_NAMES before r16: r99 is left out.
    expect(c.releases).toEqual(Array.from({ length: MAX_NAMES }, (_, i) => `r${String(i).padStart(2, '0')}`));
    expect(c.count).toBe(MAX_IDS + 1);
  });

  test('a splat that is first, last and example at once is shifted once, in the clone only', () => {
    const s = populate(P, { bootIndex: 0 });
    const original = cluster(VMEMMAP_SIG, s);
    const revived = ClusterAccumulator.revive(structuredClone(original));
    revived.shiftBoots(2);
    const boots = [boot0, { ...boot0, index: 1 }, { ...boot0, index: 2 }];
    const c = revived.finish(boots, undefined);
    expect(c.example.bootIndex).toBe(2);
    expect(c.vmemmap.map((f) => f.bootIndex)).toEqual([2]);
    expect(s.bootIndex).toBe(0);
  });

  test('absorbing a revived later part gives what one accumulator reading on would hold', () => {
    // The later part starts one boot into the log: its boot 0 is boot 1 of the whole.
    // Every splat of the early part is corrupted: the example must come from the later part.
    const early = [populate(P, { pid: 100, cpu: 0, firstLine: 10, corrupted: 'truncated' }), populate(P + SECTION_PAGES, { pid: 100, cpu: 1, firstLine: 50, corrupted: 'truncated' })];
    const late = [populate(P, { pid: 100, cpu: 2, firstLine: 900, lastLine: 930 }), populate(P + SECTION_PAGES, { pid: 100, cpu: 3, firstLine: 950, lastLine: 990 })];
    const whole = cluster(VMEMMAP_SIG, early[0]!, early[1]!, ...late.map((s) => ({ ...s, bootIndex: 1 })));
    const a = cluster(VMEMMAP_SIG, early[0]!, early[1]!);
    const b = ClusterAccumulator.revive(structuredClone(cluster(VMEMMAP_SIG, late[0]!, late[1]!)));
    b.shiftBoots(1);
    a.absorb(b);
    const boots = [boot0, boot1];
    const merged = a.finish(boots, undefined);
    expect(merged).toEqual(whole.finish(boots, undefined));
    expect(merged).toMatchObject({ count: 4, corruptedCount: 2, cpus: [0, 1, 2, 3], firstLine: 10, lastLine: 990 });
    expect(merged.example.firstLine).toBe(900);
    expect(merged.example.bootIndex).toBe(1);
    expect(merged.vmemmap.map((f) => [f.bootIndex, f.splatCount])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  test('a first splat that names no operation leaves the cluster open to the vmemmap splats after it, cut or not', () => {
    // A cut header (no function) and no pc line: the splat names no vmemmap operation, yet shares the signature.
    const cut = populate(P, { firstLine: 10, header: 'WARNING: CPU: 0 PID: 100 at arch/arm64/mm/mmu.c:1162', site: { file: 'arch/arm64/mm/mmu.c', line: 1162 } });
    delete cut.pc;
    const full = [populate(P + SECTION_PAGES, { firstLine: 50 }), populate(P + 2n * SECTION_PAGES, { firstLine: 90 })];
    const whole = cluster(VMEMMAP_SIG, cut, ...full).finish([boot0], undefined);
    // Two splats name vmemmap_populate; the cut one counts in the cluster only.
    expect(whole.count).toBe(3);
    expect(whole.vmemmap.map((f) => [f.op, f.splatCount])).toEqual([['populate', 2]]);
    // analyze/parts/ cut between the first splat and the rest: the same answer.
    const early = cluster(VMEMMAP_SIG, cut);
    early.absorb(cluster(VMEMMAP_SIG, full[0]!, full[1]!));
    expect(early.finish([boot0], undefined)).toEqual(whole);
  });
});

describe('bounded over boots', () => {
  test('vmemmap splats of the first MAX_VMEMMAP_BOOTS boots with any are analyzed; later ones are counted only', () => {
    const splats = Array.from({ length: 20 }, (_, boot) => populate(P, { bootIndex: boot, firstLine: 10 + boot }));
    const acc = cluster(VMEMMAP_SIG, splats[0]!, ...splats.slice(1));
    const boots = splats.map((_, i) => ({ ...boot0, index: i }));
    const c = acc.finish(boots, undefined);
    expect(c.count).toBe(20);
    expect(c.vmemmap).toHaveLength(MAX_VMEMMAP_BOOTS);
    expect(acc.omittedVmemmapSplats).toBe(20 - MAX_VMEMMAP_BOOTS);
  });

  test('add says whether the splat went to a vmemmap accumulator', () => {
    const acc = new ClusterAccumulator(VMEMMAP_SIG, populate(P));
    expect(acc.add(populate(P))).toBe(true);
    const plain = new ClusterAccumulator(OTHER_SIG, other());
    expect(plain.add(other())).toBe(false);
  });

  test('absorbing a later part keeps the bound and counts what it could not take', () => {
    const early = cluster(VMEMMAP_SIG, ...(Array.from({ length: 10 }, (_, b) => populate(P, { bootIndex: b })) as [Splat, ...Splat[]]));
    const late = cluster(VMEMMAP_SIG, ...(Array.from({ length: 10 }, (_, b) => populate(P, { bootIndex: 10 + b })) as [Splat, ...Splat[]]));
    early.absorb(late);
    const boots = Array.from({ length: 20 }, (_, i) => ({ ...boot0, index: i }));
    expect(early.finish(boots, undefined).vmemmap).toHaveLength(MAX_VMEMMAP_BOOTS);
    expect(early.omittedVmemmapSplats).toBe(20 - MAX_VMEMMAP_BOOTS);
  });
});

// Found by a review of the reports: an amdgpu storm and a test_hmm storm in one boot share a signature (the frames
// below vmemmap_populate are the sparse code's), and their one finding named amdgpu for both ranges.
describe('two drivers whose storms share a cluster in one boot', () => {
  const read = (name: string) => readFileSync(path.resolve(process.cwd(), 'samples/logs', name), 'utf8').split('\n');

  test('get a finding each, with its own splats, range and driver', async () => {
    const amdgpu = read('e3-48-4k-amdgpu-populate-storm.log');
    const hmm = read('e3-48-4k-test-hmm-populate-free-storm.log');
    // test_hmm's reports, from its first `cut here` on, printed later in amdgpu's boot.
    const hmmReports = hmm.slice(hmm.findIndex((l) => l.includes('cut here')));
    const populates = (lines: string[]) => lines.filter((l) => / WARNING: .* vmemmap_populate\+/.test(l)).length;
    const result = await analyzeText([...amdgpu, ...hmmReports].join('\n'));
    const populate = result.clusters.find((c) => c.title === 'WARNING in vmemmap_populate')!;
    expect(populate.count).toBe(populates(amdgpu) + populates(hmmReports));
    const findings = populate.vmemmap.map((v) => ({ driver: v.driver, splats: v.splatCount }));
    expect(findings).toEqual([
      { driver: 'amdgpu KFD SVM (kgd2kfd_init_zone_device)', splats: populates(amdgpu) },
      { driver: 'HMM test driver (test_hmm, dmirror)', splats: populates(hmmReports) },
    ]);
    expect(new Set(populate.vmemmap.map((v) => v.bootIndex))).toEqual(new Set([0]));
  });
});

// Found by a review of this session's change: a console that dropped the bottom of six traces (from
// devm_memremap_pages on, so no frame names the driver) had made those six a finding of no driver beside amdgpu's.
describe('splats whose traces name no driver, in a boot of one driver', () => {
  const lines = readFileSync(path.resolve(process.cwd(), 'samples/logs', 'e3-48-4k-amdgpu-populate-storm.log'), 'utf8').split('\n');
  /** Reports 10 to 15 lose their frames from devm_memremap_pages to the end marker to one dropped-messages line. */
  function bottomCut(): string {
    const out: string[] = [];
    let report = 0;
    let skipping = false;
    for (const line of lines) {
      if (line.includes('cut here')) report += 1;
      if (report >= 10 && report <= 15 && line.includes(' devm_memremap_pages+')) {
        out.push(`${line.slice(0, line.indexOf(']') + 1)} ** 40 printk messages dropped **`);
        skipping = true;
        continue;
      }
      if (skipping && line.includes('end trace')) skipping = false;
      if (!skipping) out.push(line);
    }
    return out.join('\n');
  }
  const reports = lines.filter((l) => l.includes('cut here')).length;

  test('join its finding', async () => {
    const result = await analyzeText(bottomCut());
    const findings = result.clusters[0]!.vmemmap;
    expect(findings.map((v) => [v.splatCount, v.readCount])).toEqual([[reports, reports]]);
    expect(findings[0]!.driver).toContain('amdgpu');
  });

  test('a reboot loop of such boots: a finding per boot, MAX_VMEMMAP_BOOTS boots as before', async () => {
    const boots = MAX_VMEMMAP_BOOTS + 2;
    const result = await analyzeText(`${bottomCut()}\n`.repeat(boots));
    const findings = result.clusters[0]!.vmemmap;
    expect(findings.map((v) => v.bootIndex)).toEqual([...Array(MAX_VMEMMAP_BOOTS).keys()]);
    expect(result.warnings.join('\n')).toContain(`${2 * reports} splat(s) in boots after the first ${MAX_VMEMMAP_BOOTS}`);
  });
});
