import { computeConstants, defaultSectionShift } from '../../layout/constants.js';
import { PAGE_SHIFTS, validVaBits } from '../../layout/page-geometry.js';
import type { Era } from '../../layout/types.js';
import { neg64, u64 } from '../../layout/u64.js';
import type { RegisterReading } from '../types.js';
import { DEFAULT_STRUCT_PAGE_SIZE } from './memmap-geometries.js';

export type ConstantMatch = Omit<RegisterReading['constantRegs'][number], 'reg'> & {
  /** Every layout (era VA/page) with this constant, e.g. `E3 48/4K`. */
  layouts: string[];
};

/** The WARN exists from the arm64 hot-remove series (~5.7, era E2) on: only these eras can print it. */
const WARN_ERAS: readonly Era[] = ['E2', 'E3', 'E4'];

function buildTable(): Map<bigint, ConstantMatch> {
  const table = new Map<bigint, ConstantMatch>();
  const note = (value: bigint, m: Omit<ConstantMatch, 'layouts' | 'value'>, layout: string): void => {
    const found = table.get(value);
    if (found) {
      if (!found.layouts.includes(layout)) found.layouts.push(layout);
    } else table.set(value, { ...m, value, layouts: [layout] });
  };
  for (const era of WARN_ERAS) {
    for (const pageShift of PAGE_SHIFTS) {
      for (const vaBits of validVaBits(pageShift)) {
        const c = tryConstants(era, pageShift, vaBits);
        if (!c) continue;
        const layout = `${era} ${vaBits}/${2 ** (pageShift - 10)}K`;
        for (const [constant, v] of [['VMEMMAP_START', c.vmemmapStart], ['VMEMMAP_END', c.vmemmapEnd]] as const) {
          note(u64(v), { constant, form: 'exact' }, layout);
          note(u64(v - 1n), { constant, form: 'minus-one' }, layout);
          // `cmn x, #imm` / `adds` compare against the negated constant (E3 48/4K: -START = 0x40000000000).
          note(neg64(v), { constant, form: 'negated' }, layout);
        }
      }
    }
  }
  return table;
}

function tryConstants(era: Era, pageShift: number, vaBits: number) {
  try {
    return computeConstants({
      era,
      pageShift,
      vaBits,
      structPageSize: DEFAULT_STRUCT_PAGE_SIZE,
      memstart: 0n,
      sectionShift: defaultSectionShift(undefined, pageShift),
    });
  } catch {
    return undefined; // an impossible combination, e.g. 52-bit 4K before LPA2
  }
}

let table: Map<bigint, ConstantMatch> | undefined;

/** VMEMMAP_START/END of every layout that can print the WARN (±1, negated): a register equal to one names the layout. */
export function matchLayoutConstant(value: bigint): ConstantMatch | undefined {
  table ??= buildTable();
  return table.get(value);
}
