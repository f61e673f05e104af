import { diagnose } from '../../../src/analyze/vmemmap/diagnose.js';
import { reconstruct } from '../../../src/analyze/vmemmap/reconstruct.js';
import { makeLayout } from './make-layout.js';
import { frames } from './make-splat.js';

const U64 = (x: bigint) => BigInt.asUintN(64, x);
const layout48 = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0x8000_0000n, sectionShift: 27 });
// vmemmap = -2^42 - (0x80000000 >> 12) * 64
// Linear map end: memstart + 2^(VA_BITS_MIN - 1).
const LINEAR_END = 0x8000_0000n + (1n << 47n);
const page = (pfn: bigint) => U64(-(1n << 42n) - 0x8_0000n * 64n + pfn * 64n);

describe('diagnose', () => {
  test('device-private populate storm above the linear map', () => {
    const r = reconstruct([{ start: page(0xf_fec3_8000n), end: page(0xf_fec4_0000n) }], layout48).fields;
    const d = diagnose({ op: 'populate', splatCount: 1, readCount: 1, frames: frames('vmemmap_populate', '__add_pages', 'pagemap_range', 'memremap_pages', 'nouveau_dmem_chunk_alloc [nouveau]'), layout: layout48, r, relativePfns: false, linearMapPhysEnd: LINEAR_END });
    expect(d.family).toBe('device-private memory placed above the linear map');
    expect(d.driver).toBe('nouveau dmem');
    expect(d.diagnosis).toContain('pfn 0xffec38000-0xffec40000');
    expect(d.diagnosis).toContain('end > VMEMMAP_END');
    // DIRECT_MAP_PHYSMEM_END = __pa(PAGE_END - 1) = memstart + 2^47 - 1
    expect(d.nextSteps[0]).toContain(`0x${(0x8000_0000n + (1n << 47n) - 1n).toString(16)}`);
    expect(d.consequence).toMatch(/works by accident/);
  });

  // Found by review: with 80-byte struct pages the E3 window, sized for 128-byte ones (STRUCT_PAGE_MAX_SHIFT 7),
  // holds struct pages past the linear map; the text had said it covers only the linear map.
  test('an E3 window sized for larger struct pages says how far it reaches', () => {
    const l80 = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0x8000_0000n, sectionShift: 27, structPageSize: 80 });
    // VMEMMAP_START = -2^(48 - (12 - 7)) = -2^43; vmemmap = VMEMMAP_START - (memstart >> 12) * 80;
    // the last pfn whose struct page fits below VMEMMAP_END = -2^42 is (2^43 - 2^42 + 0x80000 * 80) / 80.
    const base = U64(-(1n << 43n) - 0x8_0000n * 80n);
    const windowPhysEnd = ((U64(-(1n << 42n)) - base) / 80n) << 12n;
    expect(windowPhysEnd.toString(16)).toBe('cccd4cccc000');
    const pageOf = (pfn: bigint) => U64(base + pfn * 80n);
    const r = reconstruct([{ start: pageOf(0xf_fffc_0000n), end: pageOf(0x10_0000_0000n) }], l80).fields;
    const d = diagnose({ op: 'populate', splatCount: 1, readCount: 1, frames: frames('vmemmap_populate'), layout: l80, r, relativePfns: false, linearMapPhysEnd: LINEAR_END });
    expect(d.diagnosis).toContain(
      'the linear map covers phys 0x80000000-0x800080000000, and the vmemmap window 0xfffff80000000000-0xfffffc0000000000, ' +
        'sized for 128-byte struct pages, holds 80-byte ones up to phys 0xcccd4cccc000; these pages are above the window',
    );
    // 64-byte pages fill the window exactly: the short form stays.
    const r64 = reconstruct([{ start: page(0xf_fec3_8000n), end: page(0xf_fec4_0000n) }], layout48).fields;
    expect(diagnose({ op: 'populate', splatCount: 1, readCount: 1, frames: frames('vmemmap_populate'), layout: layout48, r: r64, relativePfns: false, linearMapPhysEnd: LINEAR_END }).diagnosis)
      .toContain('the vmemmap window 0xfffffc0000000000-0xfffffe0000000000 only covers phys 0x80000000-0x800080000000 (the linear map)');
  });

  // Found by an audit of capture transports: with no register dump read, the text said the pages were inside the
  // window, touched 0 sections, and worked by accident.
  test('no range read: outside by the WARN alone, no section count, nothing said of what the pages overlap', () => {
    const r = reconstruct([], layout48).fields;
    expect(r.position).toBeUndefined();
    const d = diagnose({ op: 'populate', splatCount: 8, readCount: 0, frames: frames('vmemmap_populate', '__add_pages', 'memremap_pages', 'nouveau_dmem_chunk_alloc [nouveau]'), layout: layout48, r, relativePfns: false, linearMapPhysEnd: LINEAR_END });
    expect(d.diagnosis).toContain('these pages are outside it (the WARN fired), but no register dump said where.');
    expect(d.diagnosis).not.toContain('inside the window');
    expect(d.consequence).toBe('8 WARNING splat(s), one per section: slow setup (driver load); no register dump gave the range, so what the struct pages overlap is not known.');
  });

  // Found by an audit (a 4.19 hot-remove variant): above the window of E1, whose end is PAGE_OFFSET, is the linear
  // map, where the text had said "VA no one else uses yet, so it works by accident".
  test('E1: pages above the window are in the linear map, and no upstream 4.6-5.3 kernel has the WARN', () => {
    const e1 = makeLayout({ era: 'E1', pageShift: 12, vaBits: 48, memstart: 0x8000_0000n, sectionShift: 27 });
    // E1 48/4K (arm64-layout.md): VMEMMAP_START 0xffff7e0000000000, vmemmap = START - (memstart >> 12) * 64.
    const e1Page = (pfn: bigint) => U64(0xffff_7e00_0000_0000n - 0x8_0000n * 64n + pfn * 64n);
    const r = reconstruct([{ start: e1Page(0xf_fec3_8000n), end: e1Page(0xf_fec4_0000n) }], e1).fields;
    expect(r.position).toBe('above-window');
    const d = diagnose({ op: 'free', splatCount: 1, readCount: 1, frames: frames('vmemmap_free', '__remove_pages'), layout: e1, r, relativePfns: false, linearMapPhysEnd: LINEAR_END });
    expect(d.diagnosis).toContain('these pages are above the window, in the linear map (PAGE_OFFSET 0xffff800000000000 and up');
    // Found by review: this had said no kernel before 5.4 has the WARN; vmemmap_free has it from 5.7.
    expect(d.consequence).toMatch(/land in the linear map, .* Upstream vmemmap_free has this WARN only from 5\.7 \(bbd6ec605c0f\), after these layouts/);
    expect(d.consequence).not.toMatch(/works by accident/);
  });

  // A 5.10 log whose registers showed E3's VMEMMAP_START (a vendor kernel): nothing said that upstream 5.10 has no
  // such WARN in vmemmap_populate.
  test.each<['populate' | 'free', string, boolean]>([
    ['populate', '5.10.0', true],
    ['populate', '5.11.2', true],
    ['populate', '5.12.0', false],
    ['free', '5.6.19', true],
    ['free', '5.7.0', false],
  ])('a %s splat on %s says whether upstream has its WARN', (op, release, predates) => {
    const withRelease = { ...layout48, release: { value: release, source: { kind: 'log' as const }, confidence: 'high' as const } };
    const r = reconstruct([{ start: page(0xf_fec3_8000n), end: page(0xf_fec4_0000n) }], withRelease).fields;
    const d = diagnose({ op, splatCount: 1, readCount: 1, frames: frames(`vmemmap_${op}`), layout: withRelease, r, relativePfns: false, linearMapPhysEnd: LINEAR_END });
    const note = `Upstream vmemmap_${op} has this WARN_ON only from ${op === 'free' ? '5.7 (bbd6ec605c0f)' : '5.12 (edb739eed8f3)'}: on ${release} it comes from a backport or a vendor tree.`;
    if (predates) expect(d.diagnosis.endsWith(` ${note}`)).toBe(true);
    else expect(d.diagnosis).not.toContain('Upstream vmemmap_');
  });

  test('generic hotplug below the window, and a misaligned hot-remove', () => {
    const r = reconstruct([{ start: page(0x4_0000n), end: page(0x4_8000n) }], layout48).fields;
    const hot = diagnose({ op: 'populate', splatCount: 1, readCount: 1, frames: frames('vmemmap_populate', 'arch_add_memory', 'add_memory_resource', 'acpi_memory_device_add'), layout: layout48, r, relativePfns: false, linearMapPhysEnd: LINEAR_END });
    expect(hot.family).toBe('memory hotplug outside the vmemmap window');
    expect(hot.consequence).toMatch(/overlap other kernel mappings/);
    expect(hot.nextSteps[0]).toMatch(/arch_get_mappable_range/);
    // pfn 0x40000 is phys 0x40000000, below memstart 0x80000000: the advice names that side.
    expect(hot.nextSteps[0]).toMatch(/^Memory below phys 0x80000000 /);
    const partial = reconstruct([{ start: page(0x4_0200n), end: page(0x4_0400n) }], layout48).fields;
    const rm = diagnose({ op: 'free', splatCount: 1, readCount: 1, frames: frames('vmemmap_free', '__remove_pages', 'arch_remove_memory', 'try_remove_memory'), layout: layout48, r: partial, relativePfns: false, linearMapPhysEnd: LINEAR_END });
    expect(rm.family).toBe('misaligned hot-remove');
  });

  test('39-bit VA advice and relative PFNs are spelled out', () => {
    const l39 = makeLayout({ era: 'E3', pageShift: 12, vaBits: 39, memstart: 0x80_0000_0000n, sectionShift: 27 }, 'default');
    const r = reconstruct([{ start: 0x3b_fe00_0000n, end: 0x3b_fe20_0000n }], l39).fields;
    const d = diagnose({ op: 'populate', splatCount: 1, readCount: 1, frames: frames('vmemmap_populate', 'pagemap_range', 'memremap_pages', 'dmirror_allocate_chunk [test_hmm]'), layout: l39, r, relativePfns: true, linearMapPhysEnd: 0x80_0000_0000n + (1n << 38n) });
    expect(d.nextSteps.join(' ')).toMatch(/VA_BITS=39/);
    expect(d.diagnosis).toMatch(/relative to an assumed memstart/);
    expect(d.consequence).toMatch(/user-half/);
    // pgd_offset_k() masks the index: the entries go into the kernel page table at a kernel VA's slot, not the task's.
    // The walk masks to 39 bits: -2^39 + 0x3bfe000000, in the linear map, at 0x3bfe000000 + memstart.
    expect(d.consequence).toContain(
      "puts their entries into the kernel page table at the slot of kernel VA 0xffffffbbfe000000 (pgd_index masks the address), which is the linear map's entry for phys 0xbbfe000000",
    );
  });

  // Found by a review: with generic KASAN (the amdgpu storm with `kasan: KernelAddressSanitizer initialized (generic)`)
  // the text said the window "only covers phys 0x80000000-0x600080000000 (the linear map)". From 5.11 PAGE_END =
  // KASAN_SHADOW_START shortens the linear map only; VMEMMAP_SIZE = (_PAGE_END(VA_BITS_MIN) - PAGE_OFFSET) >> 6.
  test('under KASAN the window covers more than the linear map, and says both (Found by a review)', () => {
    const shadow = { scaleShift: 3 };
    const kasan = { ...makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0x8000_0000n, sectionShift: 27, kasanShadow: shadow }), kasanShadow: shadow };
    // KASAN_SHADOW_END = _PAGE_END(48) (the Kconfig default offset) = 0xffff800000000000; PAGE_END = KASAN_SHADOW_START
    // = END - 2^(48 - 3) = 0xffff600000000000: the linear map covers memstart + 0x600000000000 = 0x600080000000.
    // The window: VMEMMAP_END - vmemmap = 2^41 + 0x80000 * 64 struct pages of 64 bytes: pfns up to 0x800080000,
    // phys 0x800080000000 = memstart + 2^47.
    const r = reconstruct([{ start: page(0xf_fec3_8000n), end: page(0xf_fec4_0000n) }], kasan).fields;
    const d = diagnose({ op: 'populate', splatCount: 1, readCount: 1, frames: frames('vmemmap_populate'), layout: kasan, r, relativePfns: false, linearMapPhysEnd: 0x6000_8000_0000n });
    expect(d.diagnosis).toContain(
      'the vmemmap window 0xfffffc0000000000-0xfffffe0000000000 covers phys 0x80000000-0x800080000000, and the linear map, ' +
        'shortened by the KASAN shadow (PAGE_END = KASAN_SHADOW_START), only phys 0x80000000-0x600080000000; these pages are above the window',
    );
  });

  // Found by a review: the Seattle test_hmm storm's wrapped struct pages (0x3fbfe000000, from the sample log) are at
  // or above 2^39; with TCR_EL1.T0SZ = 64 - vabits_actual = 64 - 39, TTBR0 covers [0, 2^39) only, so the address is
  // in neither TTBR0's nor TTBR1's range: every access faults, and no task memory can be hit. The text had said the
  // accesses went through the task's page table and could corrupt its memory.
  test('wrapped struct pages at or above 2^vabits_actual: a translation fault, not the task\'s memory (Found by a review)', () => {
    const l39 = makeLayout({ era: 'E3', pageShift: 12, vaBits: 39, memstart: 0x80_0000_0000n, sectionShift: 27 });
    const frames39 = frames('vmemmap_populate', 'pagemap_range', 'memremap_pages', 'dmirror_allocate_chunk [test_hmm]');
    const at = (start: bigint) => {
      const r = reconstruct([{ start, end: start + 0x20_0000n }], l39).fields;
      return diagnose({ op: 'populate', splatCount: 1, readCount: 1, frames: frames39, layout: l39, r, relativePfns: false, linearMapPhysEnd: 0x80_0000_0000n + (1n << 38n) }).consequence;
    };
    // 2^39 = 0x8000000000 <= 0x3fbfe000000.
    const above = at(0x3fb_fe00_0000n);
    expect(above).toContain('each lies at or above 2^39, beyond TTBR0\'s range (TCR_EL1.T0SZ = 64 - vabits_actual) and below TTBR1\'s: every access takes a translation fault');
    expect(above).not.toContain('corrupts the task\'s memory');
    // 0x3bfe000000 + 0x200000 <= 2^39: through the task's page table, as before.
    expect(at(0x3b_fe00_0000n)).toContain('through the current task\'s page table: that faults where nothing is mapped or PAN forbids it, and otherwise corrupts the task\'s memory');
    // A range across 2^39 (0x7fffff0000 to 0x80001f0000): each part said.
    expect(at(0x7f_ffff_0000n)).toMatch(/those below 2\^39 through the current task's page table.*; the rest lies at or above 2\^39/);
  });

  // Found by review: test_hmm and nouveau add chunks on demand from a migration ioctl, which was called driver load.
  test.each([
    [['vmemmap_populate', 'pagemap_range', 'memremap_pages', 'dmirror_allocate_chunk [test_hmm]', 'dmirror_fops_unlocked_ioctl [test_hmm]', '__arm64_sys_ioctl', 'invoke_syscall', 'el0_svc'], 'first use (memory added on demand, in the ioctl system call)'],
    [['vmemmap_populate', 'pagemap_range', 'memremap_pages', 'kgd2kfd_init_zone_device [amdgpu]', 'do_init_module', '__arm64_sys_finit_module', 'invoke_syscall'], 'setup (driver load)'],
    [['vmemmap_populate', 'pagemap_range', 'memremap_pages', 'kgd2kfd_init_zone_device [amdgpu]', 'amdgpu_pci_probe [amdgpu]'], 'setup (driver load)'],
    // Before 4.19 the wrappers were SyS_*, and el0_svc_naked the entry (found by review: a module load had read as on demand).
    [['vmemmap_populate', 'memremap_pages', 'kgd2kfd_init_zone_device [amdgpu]', 'do_one_initcall', 'SyS_finit_module', 'el0_svc_naked'], 'setup (driver load)'],
    [['vmemmap_populate', 'memremap_pages', 'dmirror_allocate_chunk [test_hmm]', 'SyS_ioctl', 'el0_svc_naked'], 'first use (memory added on demand, in the ioctl system call)'],
    [['vmemmap_populate', 'memremap_pages', 'dmirror_allocate_chunk [test_hmm]', '__arm64_compat_sys_ioctl', 'el0_svc'], 'first use (memory added on demand, in the ioctl system call)'],
  ])('when the cost falls, from the call trace: %j', (names, phase) => {
    const r = reconstruct([{ start: page(0xf_fec3_8000n), end: page(0xf_fec4_0000n) }], layout48).fields;
    const d = diagnose({ op: 'populate', splatCount: 1, readCount: 1, frames: frames(...names), layout: layout48, r, relativePfns: false, linearMapPhysEnd: LINEAR_END });
    expect(d.consequence).toContain(`: slow ${phase};`);
  });

  test('a wrapped teardown storm says what unmapping does, not what populate does', () => {
    const l39 = makeLayout({ era: 'E3', pageShift: 12, vaBits: 39, memstart: 0x80_0000_0000n, sectionShift: 27 }, 'default');
    const r = reconstruct([{ start: 0x3b_fe00_0000n, end: 0x3b_fe20_0000n }], l39).fields;
    const d = diagnose({ op: 'free', splatCount: 1, readCount: 1, frames: frames('vmemmap_free', '__remove_pages', 'memunmap_pages', 'dmirror_device_remove [test_hmm]'), layout: l39, r, relativePfns: true, linearMapPhysEnd: 0x80_0000_0000n + (1n << 38n) });
    expect(d.consequence).toMatch(/^1 WARNING splat\(s\), one per section .*slow teardown \(driver unload\)/);
    expect(d.consequence).toMatch(/teardown walks the kernel page table at the slot of kernel VA 0xffffffbbfe000000 \(pgd_index masks the address\) and clears and frees/);
    expect(d.consequence).not.toMatch(/populate writes/);
  });
});
