import type { Layout } from './types.js';

/**
 * The VA bits of TTBR0, the current task's half: TCR_EL1.T0SZ is TCR_T0SZ(vabits_actual) while a task runs
 * (cpu_set_default_tcr_t0sz, asm/mmu_context.h, from 5.4; TCR_T0SZ(VA_BITS) before), so TTBR0 translates
 * [0, 2^bits) and an address from there up to TTBR1's range translates through neither: a translation fault. For a
 * 52-bit kernel whose vabits_actual nothing told, `min` is VA_BITS_MIN and `max` VA_BITS; otherwise they are equal.
 */
export function ttbr0VaBits(layout: Layout): { min: number; max: number } {
  const known = layout.vaBitsActual?.value;
  if (known !== undefined) return { min: known, max: known };
  return { min: layout.constants.vaBitsMin, max: layout.vaBits.value };
}
