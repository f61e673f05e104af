import { eraIndex } from './eras.js';
import { PAGE_SHIFTS, pageSizeLabel, validVaBits } from './page-geometry.js';
import type { Era, Layout } from './types.js';

export interface Shape {
  era: Era;
  pageShift: number;
  vaBits: number;
}

/** `E3 48-bit/4K`: how reports name a layout's shape. */
export function shapeLabel(s: Shape): string {
  return `${s.era} ${s.vaBits}-bit/${pageSizeLabel(s.pageShift)}`;
}

/** The shape of an inferred layout. */
export function shapeOf(l: Layout): Shape {
  return { era: l.era.value, pageShift: l.pageShift.value, vaBits: l.vaBits.value };
}

/** Whether an era supports this VA size: 52-bit kernels start in E2 (64K) and E4 (4K/16K, LPA2). */
export function eraSupportsVaBits(era: Era, pageShift: number, vaBits: number): boolean {
  if (!validVaBits(pageShift).includes(vaBits)) return false;
  if (vaBits !== 52) return true;
  return eraIndex(era) >= eraIndex(pageShift === 16 ? 'E2' : 'E4');
}

/** Every valid (era, page size, VA size) combination of the given eras. */
export function shapes(eras: readonly Era[]): Shape[] {
  const out: Shape[] = [];
  for (const era of eras) {
    for (const pageShift of PAGE_SHIFTS) {
      for (const vaBits of validVaBits(pageShift)) {
        if (eraSupportsVaBits(era, pageShift, vaBits)) out.push({ era, pageShift, vaBits });
      }
    }
  }
  return out;
}
