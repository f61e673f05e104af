import { compareVersions, parseRelease } from './eras.js';

/**
 * Kernels whose `vmemmap` was a variable set once in arm64_memblock_init(), from round_down(DRAM start,
 * ARM64_MEMSTART_ALIGN), before KASLR moved memstart_addr, and offset by (_PAGE_OFFSET(48) - _PAGE_OFFSET(52)) >>
 * PAGE_SHIFT on a 52-bit kernel whose CPU lacks 52-bit VAs while memstart_addr was not: 5.4 (5383cc6efed1,
 * "Introduce vabits_actual") up to 7bc1a0f9e176 ("use single quantity to represent the PA to VA translation"), which
 * came in 5.10 and to 5.4 stable in 5.4.94. On them PHYS_OFFSET is not what vmemmap was computed from.
 */
export function vmemmapIgnoresPhysOffset(release: string | undefined): boolean {
  const v = release === undefined ? undefined : parseRelease(release);
  if (v === undefined || compareVersions(v, { major: 5, minor: 4 }) < 0 || compareVersions(v, { major: 5, minor: 10 }) >= 0) return false;
  if (v.minor !== 4) return true;
  // Distributions keep 5.4.0 and number their own builds after it (Ubuntu's 5.4.0-150-generic is stable 5.4.233):
  // there the sublevel is not known, and PHYS_OFFSET is taken as the kernel's as before.
  const text = release!.trim();
  const sublevel = Number(/^v?5\.4\.(\d+)/.exec(text)?.[1] ?? 0);
  if (sublevel === 0 && /^v?5\.4(?:\.0)?[-+~_]/.test(text)) return false;
  return sublevel < 94;
}

export const VMEMMAP_VARIABLE_COMMIT = '7bc1a0f9e176';
