import type { Era } from './types.js';
import { u64 } from './u64.js';

/** Before 4.6 (E0, E0b) memstart_addr was PHYS_OFFSET as head.S saved it: the 2 MiB-aligned base of the kernel image. */
const PHYS_OFFSET_ALIGN_SHIFT = 21;

/**
 * ARM64_MEMSTART_ALIGN (asm/kernel-pgtable.h, from 4.6, a7f8de168ace): 1 << max(ARM64_MEMSTART_SHIFT,
 * SECTION_SIZE_BITS), where the shift is PUD_SHIFT (4K: 30), CONT_PMD_SHIFT (16K: 25 + 5 = 30) or PMD_SHIFT (64K: 29).
 */
export function memstartAlignShift(pageShift: number, sectionShift: number, era?: Era): number {
  if (era === 'E0' || era === 'E0b') return PHYS_OFFSET_ALIGN_SHIFT;
  return Math.max(pageShift === 16 ? 29 : 30, sectionShift);
}

/**
 * arm64_memblock_init: `memstart_addr = round_down(memblock_start_of_DRAM(), ARM64_MEMSTART_ALIGN)`; before 4.6 the
 * memory below PHYS_OFFSET was dropped, so DRAM starts there, 2 MiB aligned.
 */
export function memstartFromDramStart(dramStart: bigint, pageShift: number, sectionShift: number, era?: Era): bigint {
  const align = 1n << BigInt(memstartAlignShift(pageShift, sectionShift, era));
  return dramStart - (dramStart % align);
}

/**
 * A 52-bit kernel on a CPU without 52-bit VAs (init.c): `memstart_addr -= _PAGE_OFFSET(vabits_actual) -
 * _PAGE_OFFSET(52)`, leaving a negative s64, stored here as u64.
 */
export function memstartOn48BitCpu(memstart: bigint, vaBitsActual: number): bigint {
  return u64(memstart - ((1n << 52n) - (1n << BigInt(vaBitsActual))));
}
