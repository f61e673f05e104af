import type { Frame, Splat } from '../../src/parse/types.js';
import { normalizeTitle, signatureFrames, signatureOf } from '../../src/analyze/signature.js';

function frame(func: string, extra: Partial<Frame> = {}): Frame {
  return { func, lineNo: 1, ...extra };
}

function splat(title: string, frames: Frame[], extra: Partial<Splat> = {}): Splat {
  return { kind: 'warning', title, header: title, site: {}, regs: new Map(), frames, firstLine: 1, lastLine: 2, bootIndex: 0, lines: [], ...extra };
}

const populateTrace = [
  frame('vmemmap_populate', { off: 0x30n, size: 0x48n }),
  frame('__populate_section_memmap'),
  frame('sparse_add_section'),
  frame('__add_pages'),
];

test('titles lose numbers, addresses and clone suffixes', () => {
  expect(normalizeTitle('WARNING in foo.isra.0')).toBe('WARNING in foo');
  expect(normalizeTitle('WARNING in __arm64_sys_socket')).toBe('WARNING in sys_socket');
  expect(normalizeTitle('BUG: Bad page state at 0xffff00001234abcd')).toBe('BUG: Bad page state at ADDR');
  expect(normalizeTitle('INFO: task hung  for 143 seconds')).toBe('INFO: task hung for NUM seconds');
});

test('digits inside a function name stay: ext2 and ext4 are different file systems', () => {
  expect(normalizeTitle('WARNING in ext4_evict_inode')).toBe('WARNING in ext4_evict_inode');
  expect(normalizeTitle('WARNING in ext2_evict_inode')).not.toBe(normalizeTitle('WARNING in ext4_evict_inode'));
  expect(normalizeTitle('BUG kmalloc-64: Object already free')).toBe('BUG kmalloc-NUM: Object already free');
  // Numbered per run or boot, as syzkaller's titles have them: one problem, one cluster.
  expect(normalizeTitle('BUG: Dentry still in use [unmount of ext4 loop3]')).toBe(normalizeTitle('BUG: Dentry still in use [unmount of ext4 loop0]'));
  expect(normalizeTitle('BUG: scheduling while atomic: syz-executor3/8444')).toBe('BUG: scheduling while atomic: syz-executor');
  expect(normalizeTitle('BUG: scheduling while atomic: syz-executor.5/9')).toBe('BUG: scheduling while atomic: syz-executor');
  expect(normalizeTitle('BUG: scheduling while atomic: syzkaller123456:12')).toBe('BUG: scheduling while atomic: syzkaller');
  expect(normalizeTitle('BUG: Bad page state in process a pfn:4a2c3')).toBe('BUG: Bad page state in process a pfn:ADDR');
});

test('a title normalized again, or after thousands of others, comes out the same', () => {
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 3000; i++) expect(normalizeTitle(`WARNING in f${i}.isra.0 at 0x${i}`)).toBe(`WARNING in f${i} at ADDR`);
    expect(normalizeTitle('WARNING in foo.isra.0')).toBe('WARNING in foo');
  }
});

test('frames below the title function, skipping helpers and unreliable frames', () => {
  const s = splat('WARNING in vmemmap_populate', [frame('__warn'), frame('report_bug'), ...populateTrace]);
  expect(signatureFrames(s)).toEqual(['__populate_section_memmap', 'sparse_add_section']);
  const unsure = splat('WARNING in vmemmap_populate', [populateTrace[0]!, frame('foo', { unreliable: true }), frame('bar'), frame('baz')]);
  expect(signatureFrames(unsure)).toEqual(['bar', 'baz']);
});

test('a corrupted title has no frames', () => {
  expect(signatureFrames(splat('WARNING in corrupted', populateTrace))).toEqual([]);
  expect(signatureFrames(splat('WARNING in corrupted/usb_submit_urb', populateTrace))).toEqual([]);
});

test('`WARNING in <caller>/usb_submit_urb` signs with the frames below the caller', () => {
  const trace = ['usb_submit_urb', 'usb_start_wait_urb', 'foo_probe', 'usb_probe_interface', 'really_probe'].map((f) => frame(f));
  expect(signatureFrames(splat('WARNING in foo_probe/usb_submit_urb', trace))).toEqual(['usb_probe_interface', 'really_probe']);
});

test('the same problem on another CPU, PID, line and build has the same id', () => {
  const a = signatureOf(splat('WARNING in vmemmap_populate', populateTrace, { cpu: 1, pid: 10, firstLine: 100 }));
  const b = signatureOf(
    splat('WARNING in vmemmap_populate', populateTrace.map((f) => ({ ...f, off: 0x44n, size: 0x194n })), { cpu: 3, pid: 99, firstLine: 9000 }),
  );
  expect(a.id).toBe(b.id);
  expect(a.id).toMatch(/^[0-9a-f]{12}$/);
});

test('free and populate are different problems', () => {
  const populate = signatureOf(splat('WARNING in vmemmap_populate', populateTrace));
  const free = signatureOf(splat('WARNING in vmemmap_free', [frame('vmemmap_free'), frame('section_deactivate'), frame('__remove_pages')]));
  expect(populate.id).not.toBe(free.id);
});

test('WARNINGs whose title found no frame stay apart by the file their header names, not by its line', () => {
  // squad multiple_issues: `WARNING: ... at drivers/regulator/core.c:2042 _regulator_put.part.8+0x3c/0xf8` and the
  // same header cut short (`+0x3c/#`, no function), and `at ../drivers/gpu/drm/radeon/radeon_object.c:84`, all
  // without a trace.
  const regulator = (line: number, func?: string) =>
    splat('WARNING in corrupted', [], { site: { file: 'drivers/regulator/core.c', line, ...(func !== undefined && { func }) } });
  const radeon = splat('WARNING in corrupted', [], { site: { file: '../drivers/gpu/drm/radeon/radeon_object.c', line: 84, func: 'radeon_ttm_bo_destroy' } });
  expect(signatureOf(regulator(2042, '_regulator_put.part.8')).id).toBe(signatureOf(regulator(2051)).id);
  expect(signatureOf(regulator(2042)).id).not.toBe(signatureOf(radeon).id);
  expect(signatureOf(regulator(2042)).text).toBe('warning | WARNING in corrupted | at drivers/regulator/core.c');
  expect(signatureOf(radeon).text).toBe('warning | WARNING in corrupted | at drivers/gpu/drm/radeon/radeon_object.c');
  // The function, without its clone suffix, when the header names no file; nothing when it names neither.
  expect(signatureOf(splat('WARNING in corrupted', [], { site: { func: 'foo.isra.0' } })).text).toBe('warning | WARNING in corrupted | at foo');
  expect(signatureOf(splat('WARNING in corrupted', [])).text).toBe('warning | WARNING in corrupted');
});

test('a title that found its frame is not given the site as well', () => {
  const s = splat('WARNING in vmemmap_populate', populateTrace, { site: { file: 'arch/arm64/mm/mmu.c', line: 1197, func: 'vmemmap_populate' } });
  expect(signatureOf(s).text).toBe('warning | WARNING in vmemmap_populate | __populate_section_memmap | sparse_add_section');
});

// Found by a review: every arm64 SError panic was one cluster, signed by the panic's own path (do_serror,
// el1h_64_error_handler), whatever access the pc named.
test('a title naming no function signs with the code below the exception entry: two SErrors stay apart', () => {
  const panicPath = ['dump_backtrace', 'show_stack', 'dump_stack', 'panic', 'nmi_panic', 'arm64_serror_panic', 'do_serror', 'el1h_64_error_handler', 'el1h_64_error'];
  const serror = (...interrupted: string[]) => splat('kernel panic: Asynchronous SError Interrupt', [...panicPath, ...interrupted].map((f) => frame(f)), { kind: 'panic' });
  const pcie = signatureOf(serror('pcie_read_cfg', 'pci_bus_read_config_dword'));
  const smmu = signatureOf(serror('smmu_write_reg', 'arm_smmu_tlb_inv'));
  expect(pcie.text).toBe('panic | kernel panic: Asynchronous SError Interrupt | pcie_read_cfg | pci_bus_read_config_dword');
  expect(smmu.id).not.toBe(pcie.id);
  // Without an entry, the first frames, as before.
  expect(signatureOf(splat('kernel panic: VFS: Unable to mount root fs', [frame('mount_root'), frame('prepare_namespace')], { kind: 'panic' })).text)
    .toBe('panic | kernel panic: VFS: Unable to mount root fs | mount_root | prepare_namespace');
});

// Found by a review: two KFENCE reports of one access, whose stack held only the title function, signed with their
// allocation stacks (foo_alloc_small, foo_alloc_big) and were two clusters.
test('a KASAN or KFENCE report signs with its access stack only, not the allocation stack after it', () => {
  const kfence = (allocator: string) => splat('KFENCE: out-of-bounds write in foo_fill', [
    frame('foo_fill', { lineNo: 5 }),
    // kfence-#79 line, blank, `allocated by task 1 on cpu 0 at 1.234567s:` in between (mm/kfence/report.c).
    frame('__kmalloc', { lineNo: 10 }), frame(allocator, { lineNo: 11 }), frame('foo_open', { lineNo: 12 }),
  ], { kind: 'kfence' });
  expect(signatureOf(kfence('foo_alloc_small')).text).toBe('kfence | KFENCE: out-of-bounds write in foo_fill');
  expect(signatureOf(kfence('foo_alloc_big')).id).toBe(signatureOf(kfence('foo_alloc_small')).id);
  // A WARNING's trace is read on, whatever lines its frames are on (other CPUs' lines may come between).
  const warn = splat('WARNING in foo_fill', [frame('foo_fill', { lineNo: 5 }), frame('foo_open', { lineNo: 9 })]);
  expect(signatureFrames(warn)).toEqual(['foo_open']);
});

// Found by a review of the reports: a console that dropped the top of a storm's trace (`** 17 printk messages
// dropped **`) had signed the report with the first frames after the gap as if they were below vmemmap_populate.
describe('a trace a console cut', () => {
  const lined = (funcs: string[], from: number): Frame[] => funcs.map((func, i) => frame(func, { lineNo: from + i }));

  test('frames after a gap that lost the title function sign as cut, with the first frames after the gap', () => {
    const frames = lined(['devm_memremap_pages', 'kgd2kfd_init_zone_device', 'amdgpu_device_init'], 20);
    const cut = splat('WARNING in vmemmap_populate', frames, { traceGaps: [20] });
    expect(signatureFrames(cut)).toEqual(['…', 'devm_memremap_pages', 'kgd2kfd_init_zone_device']);
    const whole = splat('WARNING in vmemmap_populate', frames);
    expect(signatureFrames(whole)).toEqual(['devm_memremap_pages', 'kgd2kfd_init_zone_device']);
    expect(signatureOf(cut).id).not.toBe(signatureOf(whole).id);
  });

  test('a gap below the frames a signature uses, or above the title function, leaves the signature as it was', () => {
    const funcs = ['vmemmap_populate', '__populate_section_memmap', 'sparse_add_section', '__add_pages'];
    const below = splat('WARNING in vmemmap_populate', lined(funcs, 10), { traceGaps: [13] });
    expect(signatureFrames(below)).toEqual(['__populate_section_memmap', 'sparse_add_section']);
    const above = splat('WARNING in vmemmap_populate', lined(['el0_svc', ...funcs], 10), { traceGaps: [10] });
    expect(signatureFrames(above)).toEqual(['__populate_section_memmap', 'sparse_add_section']);
  });

  test('a gap between the title function and the frames below it cuts the signature there', () => {
    const frames = [...lined(['vmemmap_populate', '__populate_section_memmap'], 10), ...lined(['memremap_pages', 'dmirror_allocate_chunk'], 30)];
    expect(signatureFrames(splat('WARNING in vmemmap_populate', frames, { traceGaps: [30] }))).toEqual(['…', 'memremap_pages', 'dmirror_allocate_chunk']);
  });
});
