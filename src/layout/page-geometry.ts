import { UsageError } from '../errors.js';

/** Page sizes arm64 supports, by PAGE_SHIFT. */
export const PAGE_SHIFTS = [12, 14, 16] as const;

/** SECTION_SIZE_BITS seen upstream (27/29 recent, 30 older) and the 27–30 Kconfig range some vendor trees have. */
export const SECTION_SHIFTS: readonly number[] = [27, 28, 29, 30];

/** CONFIG_ARM64_VA_BITS choices per page size (arch/arm64/Kconfig; 52 with 4K/16K needs LPA2, 6.9+). */
const VALID_VA_BITS: Readonly<Record<number, readonly number[]>> = {
  12: [39, 48, 52],
  14: [36, 47, 48, 52],
  16: [42, 48, 52],
};

/** CONFIG_ARM64_VA_BITS values arm64 has had, over all page sizes: 36, 39, 42, 47, 48, 52. */
export const VA_BITS_CHOICES: readonly number[] = [...new Set(Object.values(VALID_VA_BITS).flat())].sort((a, b) => a - b);

export function validVaBits(pageShift: number): number[] {
  return [...(VALID_VA_BITS[pageShift] ?? [])];
}

export function pageShiftForSize(pageSizeBytes: number): number {
  const shift = Math.log2(pageSizeBytes);
  if (!(PAGE_SHIFTS as readonly number[]).includes(shift)) {
    throw new UsageError(`unsupported page size ${pageSizeBytes}: arm64 uses 4K, 16K or 64K pages`);
  }
  return shift;
}

export function pageSizeLabel(pageShift: number): string {
  return `${2 ** (pageShift - 10)}K`;
}

/**
 * PUD_SHIFT as asm/pgtable-hwdef.h computes it: ARM64_HW_PGTABLE_LEVELS(va) = (va - 4) / (PAGE_SHIFT - 3) and
 * LEVEL_SHIFT(n) = (PAGE_SHIFT - 3) * (4 - n) + 3; with fewer than 4 levels the PUD is folded into the PGD
 * (asm-generic/pgtable-nopud.h), and with 2 levels the PMD too, so PUD_SHIFT becomes PGDIR_SHIFT.
 */
export function pudShift(pageShift: number, vaBits: number): number {
  const levels = Math.floor((vaBits - 4) / (pageShift - 3));
  const levelShift = (n: number): number => (pageShift - 3) * (4 - n) + 3;
  return levels > 3 ? levelShift(1) : levelShift(4 - levels);
}
