// Found by a review: `explain 0xfffffdffbfff0000 --kernel 6.10` said "below VMEMMAP_START (PCI I/O, fixmap or
// vmalloc)", yet from 6.9 PCI I/O and the fixmap sit above the window (PCI_IO_START = VMEMMAP_END + SZ_8M,
// FIXADDR_TOP = -SZ_8M) and VMALLOC_END = VMEMMAP_START - SZ_8M: below the window is an 8 MiB gap, then vmalloc.
import { belowWindowMappings, belowWindowNote, e4VmallocEnd } from '../../src/layout/below-window.js';
import { makeLayout } from '../analyze/vmemmap/make-layout.js';

const MEMSTART = 0x8000_0000n;
// E4 48/4K: VMEMMAP_END = -1G = 0xffffffffc0000000; SIZE = ((_PAGE_END(48) - _PAGE_OFFSET(48)) >> 12) * 64 = 2^47 >> 6
// = 0x20000000000; VMEMMAP_START = END - SIZE = 0xfffffdffc0000000; VMALLOC_END = START - 8M = 0xfffffdffbf800000.
const e4 = makeLayout({ era: 'E4', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });

describe('what lies below VMEMMAP_START, by era (Found by a review)', () => {
  test('6.9+: VMALLOC_END = VMEMMAP_START - 8M', () => {
    expect(e4.constants.vmemmapStart).toBe(0xffff_fdff_c000_0000n);
    expect(e4VmallocEnd(e4)).toBe(0xffff_fdff_bf80_0000n);
  });

  test.each([
    // START - 0x10000: in the gap [VMALLOC_END, START).
    [0xffff_fdff_bfff_0000n, /^in the 8 MiB gap below VMEMMAP_START \(VMALLOC_END = VMEMMAP_START - 8M, unmapped\); from 6\.9 PCI I\/O and the fixmap lie above the window$/],
    // VMALLOC_END itself is the gap's first byte; one page below it is vmalloc.
    [0xffff_fdff_bf80_0000n, /^in the 8 MiB gap/],
    [0xffff_fdff_bf7f_f000n, /^below VMALLOC_END \(0xfffffdffbf800000\): the vmalloc area/],
  ])('6.9+, 48-bit/4K: %s', (page, note) => {
    expect(belowWindowNote(page, e4)).toMatch(note);
    expect(belowWindowNote(page, e4)).not.toMatch(/PCI I\/O, fixmap or vmalloc/);
  });

  test('6.9+, a 52-bit kernel on a 48-bit CPU: vmalloc reaches into the unused start of the window, no gap below it', () => {
    const lva = makeLayout({ era: 'E4', pageShift: 16, vaBits: 52, vaBitsActual: 48, memstart: MEMSTART, sectionShift: 29 });
    // E4 52/64K: SIZE = ((_PAGE_END(48) - _PAGE_OFFSET(52)) >> 16) * 64 = 0x3e000000000; START = -1G - SIZE
    // = 0xfffffc1fc0000000. VMEMMAP_UNUSED_NPAGES = (_PAGE_OFFSET(48) - _PAGE_OFFSET(52)) >> 16 = 2^36 - 2^32;
    // VMALLOC_END = START + (2^36 - 2^32) * 64 - 8M = 0xfffffc1fc0000000 + 0x3c000000000 - 0x800000
    // = 0xffffffdfbf800000: 8 MiB below the struct pages of the 48-bit linear map (the top 2^37 bytes of the window).
    expect(lva.constants.vmemmapStart).toBe(0xffff_fc1f_c000_0000n);
    expect(e4VmallocEnd(lva)).toBe(0xffff_ffdf_bf80_0000n);
    expect(belowWindowNote(0xffff_fc1f_bfff_0000n, lva)).toMatch(/^below VMALLOC_END \(0xffffffdfbf800000\): the vmalloc area/);
  });

  test.each([
    // Up to 4.6: vmemmap = VMALLOC_END + SZ_64K; PCI I/O, fixmap and modules in the PUD_SIZE below PAGE_OFFSET.
    ['E0', 39, 'vmalloc', /^below VMEMMAP_START: vmalloc \(VMALLOC_END = VMEMMAP_START - 64K\)/],
    ['E0b', 39, 'vmalloc', /^below VMEMMAP_START: vmalloc/],
    // 4.7-5.10: PCI_IO_END = VMEMMAP_START - SZ_2M, FIXADDR_TOP = PCI_IO_START - SZ_2M; 5.11-6.8: PCI_IO_END =
    // VMEMMAP_START - SZ_8M, FIXADDR_TOP = VMEMMAP_START - SZ_32M, VMALLOC_END = VMEMMAP_START - SZ_256M.
    ['E1', 48, 'PCI I/O, fixmap or vmalloc', /^below VMEMMAP_START \(PCI I\/O, fixmap or vmalloc\)$/],
    ['E2', 48, 'PCI I/O, fixmap or vmalloc', /^below VMEMMAP_START \(PCI I\/O, fixmap or vmalloc\)$/],
    ['E3', 48, 'PCI I/O, fixmap or vmalloc', /^below VMEMMAP_START \(PCI I\/O, fixmap or vmalloc\)$/],
    ['E4', 48, 'vmalloc', /^in the 8 MiB gap/],
  ] as const)('%s', (era, vaBits, mappings, note) => {
    const layout = makeLayout({ era, pageShift: 12, vaBits, memstart: MEMSTART, sectionShift: 27 });
    expect(belowWindowMappings(layout)).toBe(mappings);
    expect(belowWindowNote(layout.constants.vmemmapStart - 0x1_0000n, layout)).toMatch(note);
  });
});
