/**
 * Hand-built analyzer results for the report tests. The vmemmap numbers follow John Hubbard's arm64 machine from
 * the LKML thread (/work/shared/seed): 48-bit VA, 4K pages, memstart_addr 0x80000000, a device-private struct page
 * at 0xffffffffaee00000. Derivations (E3, sizeof(struct page) = 64, SECTION_SIZE_BITS 27):
 *   PAGE_OFFSET   = -(1 << 48)                                  = 0xffff000000000000
 *   PAGE_END      = -(1 << 47)                                  = 0xffff800000000000
 *   VMEMMAP_SIZE  = (PAGE_END - PAGE_OFFSET) >> (12 - 6)        = 0x20000000000
 *   VMEMMAP_START = -(1 << (48 - 6))                            = 0xfffffc0000000000
 *   VMEMMAP_END   = VMEMMAP_START + VMEMMAP_SIZE                 = 0xfffffe0000000000
 *   vmemmap       = VMEMMAP_START - (0x80000000 >> 12) * 64      = 0xfffffbfffe000000
 *   PAGES_PER_SECTION = 1 << (27 - 12) = 32768, memmap per section = 32768 * 64 = 0x200000
 *   PAGES_PER_SUBSECTION = 1 << (21 - 12) = 512, memmap per subsection = 512 * 64 = 0x8000
 *   pfn(0xffffffffaee00000) = (0xffffffffaee00000 - vmemmap) / 64 = 0xffec38000 (the thread's page_to_pfn value)
 * Three consecutive one-section populate calls: pages [0xffffffffaee00000, +3 * 0x200000) = [.., 0xffffffffaf400000),
 * PFNs [0xffec38000, 0xffec38000 + 3 * 32768) = [.., 0xffec50000), physical = PFN << 12 = [0xffec38000000, 0xffec50000000),
 * size 3 << 27 = 0x18000000. The linear map ends at memstart + 2^47 = 0x800080000000, below that physical range.
 * Every optional field of the analyzer types is set somewhere below, so schema validation covers all of them.
 */
import type { AnalysisResult, Cluster, VmemmapFinding } from '../../src/analyze/types.js';
import type { Layout } from '../../src/layout/types.js';
import type { BootFacts, LogRecord, Splat } from '../../src/parse/types.js';

export const PAGE_START = 0xffff_ffff_aee0_0000n;
export const PAGE_END_EXCL = 0xffff_ffff_af40_0000n;
export const ONE_SECTION_END = 0xffff_ffff_af00_0000n;
export const PFN_START = 0xf_fec3_8000n;
export const PFN_END = 0xf_fec5_0000n;
export const PHYS_START = 0xffec_3800_0000n;
export const PHYS_END = 0xffec_5000_0000n;
export const VMEMMAP_START = 0xffff_fc00_0000_0000n;
export const VMEMMAP_END = 0xffff_fe00_0000_0000n;

const VERSION_LINE = 'Linux version 6.1.0-test (gcc 12.2.0) #1 SMP PREEMPT Tue Jan 10 12:00:00 UTC 2023';

export function boot(): BootFacts {
  return {
    index: 0,
    firstLine: 1,
    release: { value: '6.1.0-test', lineNo: 3, text: VERSION_LINE },
    versionLine: { value: VERSION_LINE, lineNo: 3, text: VERSION_LINE },
    compiler: { value: 'gcc 12.2.0', lineNo: 3, text: VERSION_LINE },
    machineModel: { value: 'Test Board', lineNo: 5, text: 'Machine model: Test Board' },
    cmdline: { value: 'console=ttyAMA0 nokaslr', lineNo: 6, text: 'Kernel command line: console=ttyAMA0 nokaslr' },
    memory: { value: '32G', lineNo: 15, text: 'Memory: 32000000K/33554432K available' },
    memoryTooBig: { value: false, lineNo: 16, text: 'no "Memory doesn\'t fit in the linear mapping" line' },
    zoneRanges: [
      { value: { zone: 'DMA', range: { start: 0x8000_0000n, end: 0xffff_ffffn } }, lineNo: 9, text: '  DMA      [mem 0x0000000080000000-0x00000000ffffffff]' },
      { value: { zone: 'Normal' }, lineNo: 11, text: '  Normal   empty' },
    ],
    nodeRanges: [{ value: { node: 0, range: { start: 0x8000_0000n, end: 0x8_7fff_ffffn } }, lineNo: 14, text: '  node   0: [mem 0x0000000080000000-0x000000087fffffff]' }],
    pgtable: { value: { pageSizeKiB: 4, vaBits: 48 }, lineNo: 7, text: 'user pgtable: 4k pages, 48-bit VAs, pgdp=0x0000000081234000' },
    // Only kernels up to ~4.16 print this block (reference §6, removal ~v4.17 unverified); kept so the report and schema see one (VMEMMAP_START..END).
    virtualLayout: [
      {
        value: { region: 'vmemmap', start: VMEMMAP_START, end: VMEMMAP_END, kind: 'maximum' },
        lineNo: 17,
        text: '    vmemmap : 0xfffffc0000000000 - 0xfffffe0000000000   (  2048 GB maximum)',
      },
    ],
    cpuFeatures: [{ value: 'detected: GIC system register CPU interface', lineNo: 20, text: 'CPU features: detected: GIC system register CPU interface' }],
    kaslr: { value: false, lineNo: 21, text: 'KASLR disabled on command line' },
    arch: { value: 'arm64', lineNo: 2, text: 'Booting Linux on physical CPU 0x0000000000 [0x410fd083]' },
  };
}

export function layout(): Layout {
  return {
    release: { value: '6.1.0-test', source: { kind: 'log', lineNo: 3, text: VERSION_LINE }, confidence: 'high' },
    era: { value: 'E3', source: { kind: 'version-default', text: '5.11 <= 6.1 < 6.9' }, confidence: 'high' },
    pageShift: { value: 12, source: { kind: 'log', lineNo: 7, text: 'user pgtable: 4k pages, 48-bit VAs, pgdp=0x0000000081234000' }, confidence: 'high' },
    vaBits: { value: 48, source: { kind: 'register', reg: 'x21', lineNo: 70, text: 'x21 equals VMEMMAP_END of a 48-bit layout' }, confidence: 'high' },
    structPageSize: { value: 64, source: { kind: 'default' }, confidence: 'medium' },
    memstart: { value: 0x8000_0000n, source: { kind: 'heuristic', lineNo: 9, text: 'lowest DRAM address (KASLR disabled)' }, confidence: 'medium' },
    sectionShift: { value: 27, source: { kind: 'version-default', text: 'SECTION_SIZE_BITS 27 for 4K pages since 5.12' }, confidence: 'high' },
    constants: {
      pageOffset: 0xffff_0000_0000_0000n,
      pageEnd: 0xffff_8000_0000_0000n,
      vaBitsMin: 48,
      vmemmapStart: VMEMMAP_START,
      vmemmapEnd: VMEMMAP_END,
      vmemmapSize: 0x200_0000_0000n,
      vmemmapBase: 0xffff_fbff_fe00_0000n,
      pagesPerSection: 32768n,
      pagesPerSubsection: 512n,
      memmapBytesPerSection: 0x20_0000n,
      memmapBytesPerSubsection: 0x8000n,
    },
    assumptions: ['sizeof(struct page) is 64 bytes'],
  };
}

function rec(lineNo: number, text: string, ts = 100 + lineNo / 1000): LogRecord {
  return { lineNo, text, ts };
}

export function vmemmapSplat(): Splat {
  const first = 60;
  const texts = [
    '------------[ cut here ]------------',
    'WARNING: CPU: 2 PID: 345 at arch/arm64/mm/mmu.c:1157 vmemmap_populate+0x30/0x48',
    'Modules linked in: nouveau(O)',
    'CPU: 2 PID: 345 Comm: modprobe Tainted: G        W  O       6.1.0-test #1',
    'Hardware name: Test Board (DT)',
    'pstate: 80400009 (Nzcv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)',
    'pc : vmemmap_populate+0x30/0x48',
    'lr : __populate_section_memmap+0x5c/0x88',
    'sp : ffff80000a2b3c40',
    'x29: ffff80000a2b3c40 x28: 0000000000000000 x27: 0000000000000000',
    'x21: fffffe0000000000 x2 : 0000000000000000',
    'x1 : ffffffffaf000000 x0 : ffffffffaee00000',
    'Call trace:',
    ' vmemmap_populate+0x30/0x48',
    ' __populate_section_memmap+0x5c/0x88',
    '---[ end trace 0000000000000000 ]---',
  ];
  return {
    kind: 'warning',
    title: 'WARNING in vmemmap_populate',
    header: texts[1] ?? '',
    site: { file: 'arch/arm64/mm/mmu.c', line: 1157, func: 'vmemmap_populate', off: 0x30n, size: 0x48n },
    cpu: 2,
    pid: 345,
    comm: 'modprobe',
    taint: { raw: 'G        W  O      ', flags: ['WARN', 'OOT_MODULE'] },
    release: '6.1.0-test',
    build: '1',
    hardware: 'Test Board (DT)',
    pstate: '80400009 (Nzcv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)',
    pc: { func: 'vmemmap_populate', off: 0x30n, size: 0x48n },
    lr: { func: '__populate_section_memmap', off: 0x5cn, size: 0x88n },
    sp: 0xffff_8000_0a2b_3c40n,
    // Insertion order deliberately scrambled: the report must put them in x29..x0 order.
    regs: new Map([
      ['x0', PAGE_START],
      ['x21', VMEMMAP_END],
      ['x1', ONE_SECTION_END],
      ['x29', 0xffff_8000_0a2b_3c40n],
      ['x2', 0n],
      ['x28', 0n],
      ['x27', 0n],
    ]),
    frames: [
      { func: 'vmemmap_populate', off: 0x30n, size: 0x48n, lineNo: first + 13 },
      { func: '__populate_section_memmap', off: 0x5cn, size: 0x88n, lineNo: first + 14 },
    ],
    modules: ['nouveau(O)'],
    firstLine: first,
    lastLine: first + texts.length - 1,
    ts: 100.061,
    bootIndex: 0,
    lines: texts.map((t, i) => rec(first + i, t)),
  };
}

export function vmemmapFinding(): VmemmapFinding {
  return {
    op: 'populate',
    bootIndex: 0,
    splatCount: 3,
    readCount: 3,
    pageRanges: [{ start: PAGE_START, end: PAGE_END_EXCL }],
    pageHull: { start: PAGE_START, end: PAGE_END_EXCL },
    pfnHull: { start: PFN_START, end: PFN_END },
    physHull: { start: PHYS_START, end: PHYS_END },
    physSizeBytes: 0x1800_0000n,
    sectionsTouched: 3,
    startStep: 0x20_0000n,
    position: 'above-window',
    warnArm: 'end-above',
    wrapped: false,
    aboveLinearMap: true,
    layout: layout(),
    example: {
      start: PAGE_START,
      end: ONE_SECTION_END,
      startReg: 'x0',
      endReg: 'x1',
      constantRegs: [{ reg: 'x21', constant: 'VMEMMAP_END', form: 'exact', value: VMEMMAP_END, layouts: ['E3 48/4K'] }],
      confidence: 'high',
      reason: 'x0/x1 differ by one section of memmap (0x200000)',
    },
    confidence: 'high',
    diagnosis: 'Device-private memory hot-plugged above the linear map gets struct pages past VMEMMAP_END.',
    path: 'memremap_pages -> pagemap_range -> __add_pages -> vmemmap_populate',
    driver: 'nouveau',
    family: 'device-private',
    consequence: 'struct pages land outside the vmemmap window',
    nextSteps: ['Check CONFIG_DEVICE_PRIVATE users (HMM drivers).', 'Pick a physical range below 0x800080000000.'],
    notes: ['memstart_addr inferred from the DRAM base.'],
  };
}

export function bugSplat(): Splat {
  return {
    kind: 'bug',
    title: 'BUG: unable to handle kernel paging request in foo_read',
    header: 'Unable to handle kernel paging request at virtual address dead000000000108',
    site: { func: 'foo_read', off: 0x1cn, size: 0x200n, module: 'foo' },
    cpu: 0,
    regs: new Map(),
    frames: [
      { func: 'foo_read', off: 0x1cn, size: 0x200n, module: 'foo', file: 'drivers/foo/foo.c', line: 42, inline: true, marker: 'P', lineNo: 205 },
      { func: 'vfs_read', unreliable: true, lineNo: 206, addr: 0xffff_8000_0812_3456n },
    ],
    firstLine: 200,
    lastLine: 206,
    bootIndex: 0,
    corrupted: 'no end marker before the log ended',
    escalations: ['Internal error: Oops: 96000004 [#1] SMP'],
    code: 'f9400661 (f9400a60)',
    wallTime: '2023-01-10T12:03:20.000Z',
    caller: 'T123',
    lines: [
      {
        lineNo: 200,
        text: 'Unable to handle kernel paging request at virtual address dead000000000108',
        wallTime: '2023-01-10T12:03:20.000Z',
        caller: 'T123',
        truncated: true,
      },
      rec(205, ' foo_read+0x1c/0x200 [foo]'),
      rec(206, ' ? vfs_read+0x0/0x100'),
    ],
    droppedLines: 2,
  };
}

export function vmemmapCluster(): Cluster {
  return {
    id: '1f2e3d4c5b6a7988',
    signature: 'warning|vmemmap_populate',
    kind: 'warning',
    title: 'WARNING in vmemmap_populate',
    count: 3,
    firstLine: 60,
    lastLine: 120,
    firstTs: 100.061,
    lastTs: 100.121,
    cpus: [2],
    pids: [345],
    releases: ['6.1.0-test'],
    hardware: ['Test Board (DT)'],
    corruptedCount: 0,
    example: vmemmapSplat(),
    vmemmap: [vmemmapFinding()],
  };
}

export function bugCluster(): Cluster {
  return {
    id: '0a0b0c0d0e0f1011',
    signature: 'bug|foo_read',
    kind: 'bug',
    title: 'BUG: unable to handle kernel paging request in foo_read',
    count: 1,
    firstLine: 200,
    lastLine: 206,
    firstWallTime: '2023-01-10T12:03:20.000Z',
    lastWallTime: '2023-01-10T12:03:20.000Z',
    cpus: [0],
    pids: [],
    releases: [],
    hardware: [],
    corruptedCount: 1,
    example: bugSplat(),
    vmemmap: [],
  };
}

export function armResult(): AnalysisResult {
  return {
    source: 'hubbard-dmesg.txt',
    stats: { lines: 250, bytes: 18_000, boots: 1, splats: 4, truncatedLines: 0, cappedSplats: 0 },
    boots: [boot()],
    clusters: [vmemmapCluster(), bugCluster()],
    arch: 'arm64',
    warnings: [],
  };
}

export function quietResult(): AnalysisResult {
  return {
    source: 'quiet.log.gz',
    stats: { lines: 10, bytes: 400, boots: 1, splats: 0, truncatedLines: 1, cappedSplats: 0 },
    boots: [{ index: 0, firstLine: 1, zoneRanges: [], nodeRanges: [], virtualLayout: [], cpuFeatures: [] }],
    clusters: [],
    arch: 'unknown',
    warnings: ['line 7 was cut at 65536 bytes'],
  };
}

export const TOOL = { name: 'vmemwarn', version: '9.9.9-test' };
