import { shapeOf, shortShapeLabel } from '../layout/hypotheses.js';
import type { ConstantRegisterReport, LayoutReport } from './model-types.js';

/**
 * `not the layout taken (E4 48/4K)` when a register equals a constant only of layouts other than the one inferred
 * (GENMASK(63, 32) is E3 39/4K's VMEMMAP_END): listed beside the layout, it would otherwise read as evidence for it.
 */
export function notTakenNote(c: ConstantRegisterReport, layout: LayoutReport | undefined): string | undefined {
  if (layout === undefined) return undefined;
  const taken = shortShapeLabel(shapeOf(layout));
  return c.layouts.includes(taken) ? undefined : `not the layout taken (${taken})`;
}
