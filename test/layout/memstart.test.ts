import { hasMemstartAlign, memstartAlignShift, memstartFromDramStart, memstartOn48BitCpu } from '../../src/layout/memstart.js';

test.each([
  // max(PUD_SHIFT 30 | CONT_PMD_SHIFT 30 | PMD_SHIFT 29, SECTION_SIZE_BITS).
  [12, 27, 30],
  [14, 27, 30],
  [16, 29, 29],
  [16, 30, 30],
])('ARM64_MEMSTART_ALIGN shift for PAGE_SHIFT %i, SECTION_SIZE_BITS %i = %i', (ps, ss, shift) => {
  expect(memstartAlignShift(ps, ss)).toBe(shift);
});

test('memstart rounds DRAM start down to the alignment', () => {
  expect(memstartFromDramStart(0x8020_0000n, 12, 27)).toBe(0x8000_0000n);
  // 64K/29: 512 MiB alignment keeps 0xa0000000.
  expect(memstartFromDramStart(0xa000_0000n, 16, 29)).toBe(0xa000_0000n);
  expect(memstartFromDramStart(0xa000_0000n, 12, 27)).toBe(0x8000_0000n);
});

test.each(['E0', 'E0b'] as const)('%s (before 4.6): memstart is PHYS_OFFSET, the 2 MiB-aligned base below the kernel image', (era) => {
  // head.S saved PHYS_OFFSET; memory below it was dropped, so DRAM started there: 0x80200000 stays, 0x80280000 → 0x80200000.
  expect(memstartAlignShift(12, 30, era)).toBe(21);
  expect(memstartFromDramStart(0x8020_0000n, 12, 30, era)).toBe(0x8020_0000n);
  expect(memstartFromDramStart(0x8028_0000n, 12, 30, era)).toBe(0x8020_0000n);
  // From 4.6 (E1): round_down to ARM64_MEMSTART_ALIGN, 1 GiB for 4K pages.
  expect(memstartFromDramStart(0x8020_0000n, 12, 30, 'E1')).toBe(0x8000_0000n);
});

// Found by a review: 4.6 has E0b's vmemmap window and already 4.6's memstart rules (a7f8de168ace).
test('E0b of 4.6: memstart rounds down to ARM64_MEMSTART_ALIGN, as from 4.7; of 4.5 or no release, to 2 MiB', () => {
  expect(hasMemstartAlign('E0b', '4.6.0')).toBe(true);
  expect(memstartFromDramStart(0x8020_0000n, 12, 30, 'E0b', '4.6.0')).toBe(0x8000_0000n);
  expect(hasMemstartAlign('E0b', '4.5.7')).toBe(false);
  expect(hasMemstartAlign('E0b')).toBe(false);
  expect(hasMemstartAlign('E0', '4.6.0')).toBe(false);
  expect(hasMemstartAlign('E1')).toBe(true);
});

test('52-bit kernel on a 48-bit CPU subtracts 2^52 - 2^48 (reference: 0xfff1000080000000)', () => {
  expect(memstartOn48BitCpu(0x8000_0000n, 48)).toBe(0xfff1_0000_8000_0000n);
});
