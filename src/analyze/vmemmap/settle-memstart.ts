import type { Layout } from '../../layout/types.js';
import { hex } from '../../layout/u64.js';
import { anchorMemstart, memstartWasRead } from './anchor-memstart.js';
import type { Interval } from './interval-set.js';
import { reconstruct } from './reconstruct.js';
import { memstartFromPfnRegister, type FaultRegisters } from './pfn-register-memstart.js';

export interface SettledLayout {
  layout: Layout;
  /** PFNs rest on a memstart that is neither read nor anchored. */
  relativePfns: boolean;
  note?: string;
}

/**
 * Keeps a memstart read from the log (or given by the user); otherwise, for ranges outside the window, takes it from
 * an Oops' page and pfn registers (`fault`), else tries the top-of-PA anchor and, failing that, says the PFNs are
 * relative to the assumed memstart.
 */
export function settleMemstart(inferred: Layout, pieces: readonly Interval[], fault?: FaultRegisters): SettledLayout {
  const last = pieces[pieces.length - 1];
  if (!last || memstartWasRead(inferred) || reconstruct(pieces, inferred).fields.position === 'inside') {
    return { layout: inferred, relativePfns: false };
  }
  const pinned = fault && memstartFromPfnRegister(inferred, fault);
  if (pinned) return { layout: pinned, relativePfns: false, note: `memstart ${hex(pinned.memstart.value)} from the Oops' registers: ${pinned.memstart.source.text}.` };
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
