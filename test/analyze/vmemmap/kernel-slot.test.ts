import { kernelSlotOf, slotText } from '../../../src/analyze/vmemmap/kernel-slot.js';
import { makeLayout } from './make-layout.js';

describe('kernelSlotOf', () => {
  // The two wrapped samples, worked by hand from pgd_index = (addr >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1).
  test('E4 48/4K: 0x1ffba000000 is walked at -2^48 + 0x1ffba000000, in the linear map', () => {
    const layout = makeLayout({ era: 'E4', pageShift: 12, vaBits: 48, memstart: 0x8000_0000n, sectionShift: 27 });
    const slot = kernelSlotOf(0x1ff_ba00_0000n, layout);
    expect(slot).toBe(0xffff_01ff_ba00_0000n);
    // __pa: slot - PAGE_OFFSET (-2^48) + memstart = 0x1ffba000000 + 0x80000000.
    expect(slotText(slot!, layout)).toBe(
      "which is the linear map's entry for phys 0x2003a000000: populate keeps a mapping it finds there (vmemmap_verify) and maps new memmap blocks only where none is",
    );
  });

  test('E3 39/4K: 0x3fbfe000000 is walked at -2^39 + (0x3fbfe000000 mod 2^39), outside the linear map and vmemmap', () => {
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 39, memstart: 0x80_0000_0000n, sectionShift: 27 });
    const slot = kernelSlotOf(0x3fb_fe00_0000n, layout);
    expect(slot).toBe(0xffff_fffb_fe00_0000n);
    // Found by review: this had said populate overwrites what is mapped there; it keeps it (vmemmap_verify).
    // VMEMMAP_START of E3 39/4K is -2^(39-6) = 0xfffffffe00000000: the slot is below the window.
    expect(slotText(slot!, layout)).toBe(
      'which lies outside the linear map and the vmemmap window (below it: KASAN shadow, modules, the kernel image or vmalloc): ' +
        'populate keeps a mapping it finds there (vmemmap_verify) and maps new memmap blocks only where none is, in VA the kernel may hand out later',
    );
    expect(slotText(slot!, layout)).not.toContain('overwrite');
  });

  test('a 52-bit kernel has no slot: its top level depends on the CPU', () => {
    const layout = makeLayout({ era: 'E4', pageShift: 12, vaBits: 52, memstart: 0n, sectionShift: 27 });
    expect(kernelSlotOf(0x1000n, layout)).toBeUndefined();
  });
});

// Found by a review: 5.11-6.8 (E3) were said to have PCI I/O and the fixmap above the window, where 6.9+ has them;
// there they sit just below it (PCI_IO_END = VMEMMAP_START - SZ_8M, FIXADDR_TOP = VMEMMAP_START - SZ_32M).
describe('slotText: what lies beside the window, by era', () => {
  const beside = (era: 'E3' | 'E4', slot: (start: bigint) => bigint) => {
    const layout = makeLayout({ era, pageShift: 12, vaBits: 48, memstart: 0x8000_0000n, sectionShift: 27 });
    return slotText(slot(layout.constants.vmemmapStart), layout);
  };
  const MiB = 1n << 20n;
  test('E3: above the window nothing is mapped; just below it PCI I/O and the fixmap', () => {
    // E3 48/4K: VMEMMAP_END = VMEMMAP_START + 2^41, half of the -2^42 slot: 2^41 + 2^40 past the start is unused.
    expect(beside('E3', (start) => start + (1n << 41n) + (1n << 40n))).toContain('(above it: VA nothing maps)');
    expect(beside('E3', (start) => start - 16n * MiB)).toContain('(just below it: PCI I/O or the fixmap)');
  });

  test('E4: above the window PCI I/O and the fixmap', () => {
    // E4 48/4K: VMEMMAP_END = -1 GiB; PCI_IO_START = VMEMMAP_END + SZ_8M.
    expect(beside('E4', () => BigInt.asUintN(64, -(1n << 30n) + 8n * MiB))).toContain('(above it: PCI I/O or the fixmap)');
  });
});
