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

/** `E3 48/4K`: the short form the register readings list layouts in. */
export function shortShapeLabel(s: Shape): string {
  return `${s.era} ${s.vaBits}/${2 ** (s.pageShift - 10)}K`;
}

/** The shape of an inferred layout (or of its report, whose fields hold the same values). */
export function shapeOf(l: Pick<Layout, 'era' | 'pageShift' | 'vaBits'>): Shape {
  return { era: l.era.value, pageShift: l.pageShift.value, vaBits: l.vaBits.value };
}

/** The first era with this VA size and page size (52-bit: E2 with 64K pages, E4 with 4K/16K, LPA2), or undefined if none. */
export function firstEraWithVaBits(pageShift: number, vaBits: number): Era | undefined {
  if (!validVaBits(pageShift).includes(vaBits)) return undefined;
  if (vaBits !== 52) return 'E0';
  return pageShift === 16 ? 'E2' : 'E4';
}

/** Whether an era supports this VA size (firstEraWithVaBits or later). */
export function eraSupportsVaBits(era: Era, pageShift: number, vaBits: number): boolean {
  const first = firstEraWithVaBits(pageShift, vaBits);
  return first !== undefined && eraIndex(era) >= eraIndex(first);
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
