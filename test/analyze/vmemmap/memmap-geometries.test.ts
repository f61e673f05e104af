import { MEMMAP_GEOMETRIES } from '../../../src/analyze/vmemmap/memmap-geometries.js';

describe('MEMMAP_GEOMETRIES', () => {
  // memmap/subsection = (2 MiB >> PAGE_SHIFT) * 64; the longest call is a section at SECTION_SIZE_BITS 30 of the
  // largest struct pages considered, 2^(30 - PAGE_SHIFT) * 120.
  test.each([
    [12, 0x8000n, (1n << 18n) * 120n, 0x20_0000n],
    [14, 0x2000n, (1n << 16n) * 120n, 0x8_0000n],
    [16, 0x800n, (1n << 14n) * 120n, 0x2_0000n],
  ])('PAGE_SHIFT %i', (pageShift, sub, max, at27) => {
    const g = MEMMAP_GEOMETRIES.find((x) => x.pageShift === pageShift)!;
    expect(g.subsectionBytes).toBe(((1n << 21n) >> BigInt(pageShift)) * 64n);
    expect(g.subsectionBytes).toBe(sub);
    expect(g.maxBytes).toBe(max);
    expect(g.sectionBytes).toContain(at27); // 2^(27 - PAGE_SHIFT) * 64
  });
});
