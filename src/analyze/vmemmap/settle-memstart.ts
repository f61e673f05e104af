import type { Layout } from '../../layout/types.js';
import { hex } from '../../layout/u64.js';
import { anchorMemstart, memstartWasRead } from './anchor-memstart.js';
import type { Interval } from './interval-set.js';
import { reconstruct } from './reconstruct.js';

export interface SettledLayout {
  layout: Layout;
  /** PFNs rest on a memstart that is neither read nor anchored. */
  relativePfns: boolean;
  note?: string;
}

/**
 * Keeps a memstart read from the log (or given by the user); otherwise, for ranges outside the window, tries the
 * top-of-PA anchor and, failing that, says the PFNs are relative to the assumed memstart.
 */
export function settleMemstart(inferred: Layout, pieces: readonly Interval[]): SettledLayout {
  const last = pieces[pieces.length - 1];
  if (!last || memstartWasRead(inferred) || reconstruct(pieces, inferred).fields.position === 'inside') {
    return { layout: inferred, relativePfns: false };
  }
  const anchored = anchorMemstart(inferred, last.end);
  if (anchored) {
    return { layout: anchored, relativePfns: false, note: `memstart ${hex(anchored.memstart.value)} is a heuristic: ${anchored.memstart.source.text}.` };
  }
  return {
    layout: inferred,
    relativePfns: true,
    note: `memstart was not in the log (assumed ${hex(inferred.memstart.value)}): PFNs and physical addresses are relative.`,
  };
}
