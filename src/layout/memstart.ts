import type { Era } from './types.js';
import { u64 } from './u64.js';
import { releaseAtLeast } from './eras.js';

/** Before 4.6 memstart_addr was PHYS_OFFSET as head.S saved it: the 2 MiB-aligned base of the kernel image. */
const PHYS_OFFSET_ALIGN_SHIFT = 21;

/**
 * Whether 4.6's memstart rules hold (a7f8de168ace, the KASLR series): memstart_addr is the DRAM start rounded down to
 * ARM64_MEMSTART_ALIGN, and KASLR may move it. From E1 (4.7) on always; in E0b (4.5-4.6) from 4.6, a release not
 * known being taken as 4.5.
 */
export function hasMemstartAlign(era: Era | undefined, release?: string): boolean {
  if (era === 'E0') return false;
  if (era !== 'E0b') return true;
  return releaseAtLeast(release, { major: 4, minor: 6 }) === true;
}

/**
 * ARM64_MEMSTART_ALIGN (asm/kernel-pgtable.h, from 4.6, a7f8de168ace): 1 << max(ARM64_MEMSTART_SHIFT,
 * SECTION_SIZE_BITS), where the shift is PUD_SHIFT (4K: 30), CONT_PMD_SHIFT (16K: 25 + 5 = 30) or PMD_SHIFT (64K: 29).
 * Before 4.6, PHYS_OFFSET's 2 MiB.
 */
export function memstartAlignShift(pageShift: number, sectionShift: number, era?: Era, release?: string): number {
  if (!hasMemstartAlign(era, release)) return PHYS_OFFSET_ALIGN_SHIFT;
  return Math.max(pageShift === 16 ? 29 : 30, sectionShift);
}

/**
 * arm64_memblock_init: `memstart_addr = round_down(memblock_start_of_DRAM(), ARM64_MEMSTART_ALIGN)`; before 4.6 the
 * memory below PHYS_OFFSET was dropped, so DRAM starts there, 2 MiB aligned.
 */
export function memstartFromDramStart(dramStart: bigint, pageShift: number, sectionShift: number, era?: Era, release?: string): bigint {
  const align = 1n << BigInt(memstartAlignShift(pageShift, sectionShift, era, release));
  return dramStart - (dramStart % align);
}

/**
 * A 52-bit kernel on a CPU without 52-bit VAs (init.c): `memstart_addr -= _PAGE_OFFSET(vabits_actual) -
 * _PAGE_OFFSET(52)`, leaving a negative s64, stored here as u64.
 */
export function memstartOn48BitCpu(memstart: bigint, vaBitsActual: number): bigint {
  return u64(memstart - ((1n << 52n) - (1n << BigInt(vaBitsActual))));
}
