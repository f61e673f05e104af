import { nextSteps, type NextStepInput } from '../../../src/analyze/vmemmap/next-steps.js';
import type { Era } from '../../../src/layout/types.js';
import { makeLayout } from './make-layout.js';

const MEMSTART = 0x8000_0000n;
/** The layout of an era/page/VA combination; SECTION_SIZE_BITS 27 (4K/16K) or 29 (64K). */
const layoutOf = (era: Era, pageShift: number, vaBits: number) =>
  makeLayout({ era, pageShift, vaBits, memstart: MEMSTART, sectionShift: pageShift === 16 ? 29 : 27 });
const E3_48_4K = layoutOf('E3', 12, 48);
const E4_48_4K = layoutOf('E4', 12, 48);
// The linear map covers memstart + (PAGE_END - PAGE_OFFSET) = memstart + 2^(VA_BITS_MIN - 1); 48-bit: 2^47.
const LINEAR_END_48 = MEMSTART + (1n << 47n);

function input(over: Partial<NextStepInput> = {}): NextStepInput {
  return { op: 'populate', devicePrivate: false, family: 'memory hotplug outside the vmemmap window', layout: E3_48_4K, linearMapPhysEnd: LINEAR_END_48, ...over };
}

const VA52_ADVICE = /^CONFIG_ARM64_VA_BITS=52 \(64K pages since 5\.4, 4K\/16K with LPA2 since 6\.9\)/;
const E4_ADVICE = /^On 6\.9\+ \(32697ff38287, VMEMMAP_END = -1 GiB\) only 1 GiB of VA/;

describe('device-private memory', () => {
  test('three steps: the PHYSMEM_END clamp with this layout\'s limit, then the two patches that were not applied', () => {
    const steps = nextSteps(input({ devicePrivate: true, family: 'device-private memory placed above the linear map' }));
    expect(steps).toHaveLength(4); // 3 device-private steps + the 48-bit VA advice
    // DIRECT_MAP_PHYSMEM_END = __pa(PAGE_END - 1) = memstart + 2^47 - 1 = 0x80007fffffff (reference §7 [calc]).
    expect((LINEAR_END_48 - 1n).toString(16)).toBe('80007fffffff');
    expect(steps[0]).toContain('__pa(PAGE_END - 1) = 0x80007fffffff here');
    // Both halves of the fix, by commit: kernel/resource.c's clamp (6.11) and arm64's PHYSMEM_END (6.12).
    expect(steps[0]).toMatch(/request_free_mem_region\(\) searches below PHYSMEM_END since ea72ce5da228 /);
    expect(steps[0]).toContain('eeb8fdfcf090 ("arm64: Expose the end of the linear map in PHYSMEM_END", 6.12');
    expect(steps[2]).toMatch(/superseded by his v3, eeb8fdfcf090 above\.$/);
    expect(steps[1]).toMatch(/^Not a fix: John Hubbard's .* were not applied/);
    expect(steps[1]).toContain('it should be a hard error');
    expect(steps[2]).toMatch(/^D Scott Phillips' "arm64: limit MAX_PHYSMEM_BITS based on vmemmap" \(2024-07\) was not applied/);
    expect(steps[3]).toMatch(VA52_ADVICE);
  });

  // Found by review: with memstart not in the log, `__pa(PAGE_END - 1)` was given as this machine's value.
  test('a limit under a memstart nothing gave says so', () => {
    const layout = { ...E3_48_4K, memstart: { value: 0n, source: { kind: 'default' as const }, confidence: 'low' as const } };
    const steps = nextSteps(input({ devicePrivate: true, layout, linearMapPhysEnd: 1n << 47n }));
    expect(steps[0]).toContain('__pa(PAGE_END - 1) = 0x7fffffffffff here (memstart assumed 0x0: add yours), since');
  });

  test('the limit follows linearMapPhysEnd: 39-bit, memstart 0x80_0000_0000', () => {
    const l39 = makeLayout({ era: 'E3', pageShift: 12, vaBits: 39, memstart: 0x80_0000_0000n, sectionShift: 27 });
    // memstart + 2^38 - 1 = 0x80_0000_0000 + 0x40_0000_0000 - 1
    const steps = nextSteps(input({ devicePrivate: true, layout: l39, linearMapPhysEnd: 0x80_0000_0000n + (1n << 38n) }));
    expect(steps[0]).toContain('= 0xbfffffffff here');
  });

  test('39-bit: VA_BITS=48 is offered only when its linear map (memstart + 2^47) would reach the range', () => {
    const l39 = makeLayout({ era: 'E3', pageShift: 12, vaBits: 39, memstart: 0x80_0000_0000n, sectionShift: 27 });
    const at = (physEnd: bigint) => nextSteps(input({ devicePrivate: true, layout: l39, linearMapPhysEnd: 0x80_0000_0000n + (1n << 38n), physEnd }))[3];
    // memstart + 2^47 = 0x80_0000_0000 + 0x8000_0000_0000 = 0x8080_0000_0000.
    expect(at(1n << 48n)).toContain('VA_BITS=48 would map phys only up to 0x808000000000, short of this range\'s end 0x1000000000000. VA_BITS=52');
    expect(at(0x8000_0000_0000n)).toContain('VA_BITS=48 maps phys up to 0x808000000000, which covers this range.');
    // Without a known physical end (memstart assumed) both are offered.
    expect(nextSteps(input({ devicePrivate: true, layout: l39, linearMapPhysEnd: 0x80_0000_0000n + (1n << 38n) }))[3]).toMatch(/use VA_BITS=48 or 52/);
  });

  // Found by review: the step had offered VA_BITS=52 as if it brought the region inside, which it does not with 4K/16K
  // pages (arch/arm64/Kconfig: ARM64_PA_BITS_48 depends on ARM64_64K_PAGES || !ARM64_VA_BITS_52).
  test('VA_BITS=52 is said to be no fix on its own, with the reach of its linear map under this memstart', () => {
    const step = nextSteps(input({ devicePrivate: true, family: 'device-private memory placed above the linear map' }))[3]!;
    // memstart + 2^52 - 2^47 = 0x80000000 + 0xf800000000000.
    expect((MEMSTART + (1n << 52n) - (1n << 47n)).toString(16)).toBe('f800080000000');
    expect(step).toContain('maps phys up to 0xf800080000000');
    expect(step).toContain('It is no fix on its own');
    expect(step).toContain('with 4K or 16K pages VA_BITS=52 forces PA_BITS=52');
    expect(step).toContain('only 64K pages with PA_BITS=48');
    expect(nextSteps(input({ devicePrivate: true }))[0]).toContain("Will Deacon dropped eeb8fdfcf090's Cc: stable");
  });

  test('device-private wins over the misaligned hot-remove family', () => {
    const steps = nextSteps(input({ op: 'free', devicePrivate: true, family: 'misaligned hot-remove' }));
    expect(steps[0]).toMatch(/PHYSMEM_END/);
    expect(steps.join('\n')).not.toMatch(/remove_memory/);
    expect(steps).toHaveLength(4);
  });
});

describe('not device-private', () => {
  test('a misaligned hot-remove: check the removed range against the added one', () => {
    const steps = nextSteps(input({ op: 'free', family: 'misaligned hot-remove' }));
    expect(steps).toEqual([
      'Check that the removed range is the one that was added, on section/subsection boundaries (remove_memory / arch_remove_memory callers).',
      expect.stringMatching(VA52_ADVICE),
    ]);
  });

  test('other memory hotplug: memory above the linear map end should be refused by arch_get_mappable_range()', () => {
    const steps = nextSteps(input({ side: 'above' }));
    expect(steps).toHaveLength(2);
    // First phys the 48-bit linear map misses: 0x80000000 + 2^47 = 0x800080000000.
    expect(steps[0]).toMatch(/^Memory above phys 0x800080000000 cannot be mapped by this layout: arch_get_mappable_range\(\) should refuse it/);
    expect(steps[0]).toContain('mhp_range_allowed()');
    expect(steps.join('\n')).not.toMatch(/DIRECT_MAP_PHYSMEM_END|remove_memory/);
  });

  test('the hot-remove advice needs the exact family name', () => {
    const steps = nextSteps(input({ op: 'free', family: 'memory hotplug outside the vmemmap window', side: 'above' }));
    expect(steps[0]).toMatch(/^Memory above phys 0x800080000000/);
  });

  test('memory below the linear map is named by memstart, where the linear map starts', () => {
    const steps = nextSteps(input({ side: 'below' }));
    expect(steps[0]).toMatch(/^Memory below phys 0x80000000 \(memstart_addr, where the linear map starts\) cannot be mapped by this layout/);
    expect(steps[0]).not.toContain('0x800080000000');
  });

  test("a 52-bit kernel on a 48-bit CPU: below is below DRAM's start, not below the lowered memstart_addr", () => {
    // arm64_memblock_init lowers memstart_addr by 2^52 - 2^48 on such a CPU; the first usable VA, -2^48, maps DRAM.
    const memstart = BigInt.asUintN(64, 0x8000_0000n - ((1n << 52n) - (1n << 48n)));
    const layout = makeLayout({ era: 'E3', pageShift: 16, vaBits: 52, vaBitsActual: 48, memstart, sectionShift: 29 });
    const steps = nextSteps(input({ side: 'below', layout }));
    expect(steps[0]).toMatch(/^Memory below phys 0x80000000 \(where the linear map's first usable VA maps\) cannot be mapped/);
  });

  test('with no side known, both ends of the linear map are given', () => {
    // [memstart, memstart + 2^47) = [0x80000000, 0x800080000000).
    expect(nextSteps(input())[0]).toMatch(/^Memory outside phys 0x80000000-0x800080000000 cannot be mapped by this layout/);
  });
});

describe('CONFIG_ARM64_VA_BITS advice', () => {
  // Below 48 bits VA_BITS_MIN = VA_BITS, and the linear map is _PAGE_END(va) - _PAGE_OFFSET(va) = 2^va - 2^(va-1) = 2^(va-1).
  test.each([
    ['E3', 12, 39, 38],
    ['E3', 14, 36, 35],
    ['E3', 14, 47, 46],
    ['E3', 16, 42, 41],
    ['E2', 16, 42, 41],
  ] as const)('%s %i-bit pages %i-bit VA: a linear map of 2^%i bytes, use 48 or 52', (era, pageShift, vaBits, linearBits) => {
    const steps = nextSteps(input({ layout: layoutOf(era, pageShift, vaBits) }));
    expect(steps).toHaveLength(2);
    expect(steps[1]).toBe(
      `CONFIG_ARM64_VA_BITS=${vaBits} leaves a linear map (and vmemmap) of 2^${linearBits} bytes of physical space: use VA_BITS=48 or 52 for device memory.`,
    );
  });

  test.each([
    ['E3', 12],
    ['E3', 14],
    ['E3', 16],
  ] as const)('%s 48-bit VA with PAGE_SHIFT %i: suggest 52-bit VAs and say they need 52-bit hardware', (era, pageShift) => {
    const steps = nextSteps(input({ layout: layoutOf(era, pageShift, 48) }));
    expect(steps).toHaveLength(2);
    expect(steps[1]).toMatch(VA52_ADVICE);
    expect(steps[1]).toMatch(/on 48-bit hardware the layout falls back to 48 bits\.$/);
  });

  test('52-bit VA: no VA_BITS advice', () => {
    const steps = nextSteps(input({ layout: layoutOf('E3', 16, 52), linearMapPhysEnd: MEMSTART + (1n << 47n) }));
    expect(steps).toHaveLength(1);
    expect(steps.join('\n')).not.toMatch(/CONFIG_ARM64_VA_BITS/);
  });
});

describe('the 6.9+ layout warning', () => {
  test('E4: the 1 GiB above VMEMMAP_END is named last', () => {
    const steps = nextSteps(input({ layout: E4_48_4K }));
    expect(steps).toHaveLength(3);
    expect(steps[1]).toMatch(VA52_ADVICE);
    expect(steps[2]).toMatch(E4_ADVICE);
    // Only struct pages past the 1 GiB wrap and fault; those within it land on PCI I/O or the fixmap.
    expect(steps[2]).toMatch(/run past it wrap into the user half, and the WARN is followed by a fault; those that stay within it can land on PCI I\/O or the fixmap\.$/);
  });

  test('E4 52-bit 4K (LPA2): the warning without VA_BITS advice', () => {
    const steps = nextSteps(input({ devicePrivate: true, layout: layoutOf('E4', 12, 52) }));
    expect(steps).toHaveLength(4); // 3 device-private steps + the 6.9+ warning
    expect(steps[3]).toMatch(E4_ADVICE);
  });

  test('the zone-device Oops brings the warning whatever the era says', () => {
    const steps = nextSteps(input({ op: 'init-zone-device', devicePrivate: true, layout: E3_48_4K }));
    expect(steps.at(-1)).toMatch(E4_ADVICE);
    expect(steps).toHaveLength(5); // 3 device-private + 48-bit VA advice + 6.9+ warning
  });

  test('no warning on E3 for populate or free', () => {
    for (const op of ['populate', 'free'] as const) {
      const steps = nextSteps(input({ op, layout: E3_48_4K }));
      expect(steps.join('\n')).not.toMatch(/32697ff38287/);
    }
  });
});

// Found by a review: a 6.12+ log was told to move to a kernel that has both fixes, which it already had.
describe('the placement step follows the release the log runs', () => {
  const devicePrivate = (release?: string, kind: 'log' | 'default' = 'log') =>
    nextSteps(input({
      devicePrivate: true,
      family: 'device-private memory placed above the linear map',
      layout: { ...E4_48_4K, ...(release !== undefined && { release: { value: release, source: { kind }, confidence: 'high' as const } }) },
    }))[0]!;

  test('6.12 and later have both commits: the step looks for what is missing instead', () => {
    const step = devicePrivate('6.12.3-arch1');
    expect(step).toMatch(/^This kernel, 6\.12\.3-arch1, is of a release that has both ea72ce5da228 .* and eeb8fdfcf090 /);
    expect(step).toContain('below PHYSMEM_END, __pa(PAGE_END - 1) = 0x80007fffffff here.');
    expect(step).toContain('arch/arm64/include/asm/memory.h');
    expect(devicePrivate('7.0.0')).toMatch(/^This kernel, 7\.0\.0, is of a release that has both/);
  });

  test('6.11 has the search below PHYSMEM_END but not arm64\'s PHYSMEM_END', () => {
    const step = devicePrivate('6.11.0');
    expect(step).toMatch(/^Place device-private memory inside the window: this kernel, 6\.11\.0, has ea72ce5da228 /);
    expect(step).toMatch(/but not eeb8fdfcf090 .*, which sets arm64's PHYSMEM_END to the end of the linear map, __pa\(PAGE_END - 1\) = 0x80007fffffff here;/);
  });

  test('before 6.11, with no release, or with one only defaulted: both commits are needed', () => {
    for (const step of [devicePrivate('6.10.0'), devicePrivate(), devicePrivate('6.12.0', 'default')]) {
      expect(step).toMatch(/^Place device-private memory inside the window: request_free_mem_region\(\) searches below PHYSMEM_END since ea72ce5da228 /);
      expect(step).toContain('A kernel needs both');
    }
  });
});
