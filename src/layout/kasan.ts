import type { BootFacts, KasanMode, KasanReportFact } from '../parse/types.js';
import { eraIndex } from './eras.js';
import { inferred } from './inferred.js';
import type { KernelConfig } from './kconfig.js';
import type { Era, Inferred, KasanShadow } from './types.js';
import { pageEndOf } from './linear-map.js';
import { hex, u64 } from './u64.js';

/** KASAN_SHADOW_SCALE_SHIFT: one shadow byte per 8 bytes (generic) or per 16 (software tags); hardware tags need none. */
function scaleShiftOf(mode: KasanMode): number | undefined {
  if (mode === 'generic') return 3;
  return mode === 'sw-tags' ? 4 : undefined;
}

/**
 * KASAN's mode: a given config first, then the boot's `KernelAddressSanitizer initialized` line where it names the
 * mode (5.16 on), then what a KASAN report of the boot shows (kasan-report-mode.ts), then the bare line.
 */
export function inferKasan(boot: BootFacts | undefined, config: KernelConfig, era: Era): Inferred<KasanMode> | undefined {
  if (config.kasan) return inferred(config.kasan.value, 'config', 'high', { lineNo: config.kasan.lineNo, text: config.kasan.text });
  const line = boot?.kasan;
  if (line && line.value !== 'unnamed') return inferred(line.value, 'log', 'high', { lineNo: line.lineNo, text: line.text });
  if (boot?.kasanReport) return fromReport(boot.kasanReport, era);
  if (!line) return undefined;
  // Before 5.16 the line names no mode: generic, the common one, taken with low confidence (see kasanShadowOf).
  return inferred('generic', 'log', 'low', { lineNo: line.lineNo, text: `${line.text} (no mode named: generic taken)` });
}

/**
 * Tags a report could not place: mainline has hardware tags from 5.11 (E3) only, so before it software tags; from it
 * hardware tags are taken, which leave the linear map as it is without KASAN, with low confidence (see kasanShadowOf).
 */
function fromReport(report: KasanReportFact, era: Era): Inferred<KasanMode> {
  const { lineNo, text, why } = report;
  if (report.value !== 'tags') return inferred(report.value, 'log', 'high', { lineNo, text: `${text} (${why}: ${report.value})` });
  if (eraIndex(era) < eraIndex('E3')) return inferred('sw-tags', 'log', 'medium', { lineNo, text: `${text} (${why}; hardware tags came in 5.11: sw-tags)` });
  return inferred('hw-tags', 'log', 'low', { lineNo, text: `${text} (${why}: hardware tags taken)` });
}

/**
 * The shadow that ends the linear map, from 5.11 (E3) on, when KASAN has one: memory.h then has
 * `PAGE_END = KASAN_SHADOW_END - (1 << (vabits_actual - KASAN_SHADOW_SCALE_SHIFT))`, where before it was
 * `_PAGE_END(VA_BITS_MIN)` with the shadow after it. Undefined when the linear map is not shortened.
 */
export function kasanShadow(mode: KasanMode | undefined, era: Era, config: KernelConfig): KasanShadow | undefined {
  const scaleShift = mode === undefined ? undefined : scaleShiftOf(mode);
  if (scaleShift === undefined || eraIndex(era) < eraIndex('E3')) return undefined;
  const offset = config.kasanShadowOffset?.value;
  return offset === undefined ? { scaleShift } : { scaleShift, offset };
}

/**
 * PAGE_END under a KASAN shadow. KASAN_SHADOW_END = (1 << (64 - KASAN_SHADOW_SCALE_SHIFT)) + KASAN_SHADOW_OFFSET;
 * each arm64 Kconfig default of KASAN_SHADOW_OFFSET (one per VA_BITS, page size and mode) makes that
 * _PAGE_END(VA_BITS_MIN), which stands for it when no config gives the offset.
 */
export function kasanPageEnd(shadow: KasanShadow, vaBitsActual: number, vaBitsMin: number): bigint {
  return u64(kasanShadowEnd(shadow, vaBitsMin) - (1n << BigInt(vaBitsActual - shadow.scaleShift)));
}

/** KASAN_SHADOW_END: the config's offset, else the Kconfig default's _PAGE_END(VA_BITS_MIN). */
export function kasanShadowEnd(shadow: KasanShadow, vaBitsMin: number): bigint {
  if (shadow.offset === undefined) return pageEndOf(vaBitsMin);
  return u64((1n << BigInt(64 - shadow.scaleShift)) + shadow.offset);
}

/** How PAGE_END was computed, for the layout table. */
export function kasanPageEndText(shadow: KasanShadow): string {
  const end = shadow.offset === undefined ? '_PAGE_END(VA_BITS_MIN)' : `2^${64 - shadow.scaleShift} + ${hex(shadow.offset)}`;
  return `KASAN_SHADOW_END (${end}) - 2^(vabits_actual - ${shadow.scaleShift})`;
}
