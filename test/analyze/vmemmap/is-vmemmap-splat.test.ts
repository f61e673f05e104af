import { isVmemmapSplat } from '../../../src/analyze/vmemmap/is-vmemmap-splat.js';
import { frames, makeSplat, regsWith } from './make-splat.js';

const arm64Regs = regsWith({});

describe('isVmemmapSplat', () => {
  test('WARNING at vmemmap_populate / vmemmap_free in arch/arm64/mm/mmu.c', () => {
    expect(isVmemmapSplat(makeSplat({ regs: arm64Regs }))).toBe('populate');
    const free = makeSplat({
      regs: arm64Regs,
      site: { file: 'arch/arm64/mm/mmu.c', line: 1175, func: 'vmemmap_free' },
      pc: { func: 'vmemmap_free' },
    });
    expect(isVmemmapSplat(free)).toBe('free');
  });

  test('the pc names the function when the header has no symbol', () => {
    const s = makeSplat({ regs: arm64Regs, site: { file: 'arch/arm64/mm/mmu.c', line: 1162 } });
    expect(isVmemmapSplat(s)).toBe('populate');
  });

  test('other WARNINGs and other files are not vmemmap splats', () => {
    const other = makeSplat({ regs: arm64Regs, site: { file: 'mm/page_alloc.c', line: 10, func: 'vmemmap_populate' } });
    expect(isVmemmapSplat(other)).toBeUndefined();
    const clk = makeSplat({ regs: arm64Regs, site: { file: 'drivers/clk/clk.c', line: 1090, func: 'clk_core_disable' }, pc: { func: 'clk_core_disable' } });
    expect(isVmemmapSplat(clk)).toBeUndefined();
  });

  test('an x86 vmemmap splat is not run through the arm64 model', () => {
    const x86 = makeSplat({
      site: { file: 'arch/x86/mm/init_64.c', line: 1550, func: 'vmemmap_populate' },
      pc: undefined,
      pstate: undefined,
      regs: new Map([['rip', 0xffffffff81000000n], ['rax', 0n]]),
    });
    expect(isVmemmapSplat(x86)).toBeUndefined();
    const noFile = makeSplat({ site: { func: 'vmemmap_free' }, pstate: undefined, regs: new Map([['rax', 0n]]) });
    expect(isVmemmapSplat(noFile)).toBeUndefined();
  });

  describe('6.9+ paging-request Oops while initialising ZONE_DEVICE struct pages', () => {
    // E4 48/4K, memstart 0x80000000: the seed pfn 0xffec38000 maps to the wrapped page 0x000001ff6ee00000
    // (reference §4.2: 0xfffffdffbe000000 + 0xffec38000 * 64 - 2^64).
    const oops = (addr: string, fn = '__init_zone_device_page') =>
      makeSplat({
        kind: 'oops',
        title: `BUG: unable to handle kernel paging request in ${fn}`,
        header: `Unable to handle kernel paging request at virtual address ${addr}`,
        site: { func: fn },
        pc: { func: fn, off: 0x20n, size: 0x130n },
        regs: arm64Regs,
        frames: frames(fn, 'memmap_init_zone_device', 'memremap_pages'),
      });

    test('on a wrapped (user-half) struct page address', () => {
      expect(isVmemmapSplat(oops('000001ff6ee00000'))).toBe('init-zone-device');
      expect(isVmemmapSplat(oops('000001ff6ee00000', 'memmap_init_zone_device'))).toBe('init-zone-device');
    });

    // D Scott Phillips' Ampere Altra Oops (6.8-rc3 with the LPA2 series, quoted on linux-arm-kernel): the pc named a
    // GCC clone, and the Oops was no vmemmap finding at all.
    test("in a compiler clone of the function (`.constprop.0`), or at a WARNING site's clone", () => {
      expect(isVmemmapSplat(oops('000001ffa6000034', '__init_zone_device_page.constprop.0'))).toBe('init-zone-device');
      const warn = makeSplat({ regs: arm64Regs, site: { file: 'arch/arm64/mm/mmu.c', line: 1162, func: 'vmemmap_populate.part.0' } });
      expect(isVmemmapSplat(warn)).toBe('populate');
    });

    test('not on a kernel-half address or in another function', () => {
      expect(isVmemmapSplat(oops('ffff000012345678'))).toBeUndefined();
      expect(isVmemmapSplat(oops('000001ff6ee00000', 'snd_timer_stop'))).toBeUndefined();
    });
  });
});
