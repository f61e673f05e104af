import { computeConstants, defaultSectionShift } from '../../layout/constants.js';
import { shapes } from '../../layout/hypotheses.js';
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

/** E2's -VMEMMAP_END is 0x200000, E4's is 1 GiB: values that sizes and masks take too often to mean anything. */
const MIN_NEGATED = 1n << 32n;

function buildTable(): Map<bigint, ConstantMatch> {
  const table = new Map<bigint, ConstantMatch>();
  const note = (value: bigint, m: Omit<ConstantMatch, 'layouts' | 'value'>, layout: string): void => {
    const found = table.get(value);
    if (found) {
      if (!found.layouts.includes(layout)) found.layouts.push(layout);
    } else table.set(value, { ...m, value, layouts: [layout] });
  };
  for (const { era, pageShift, vaBits } of shapes(WARN_ERAS)) {
    const c = computeConstants({
      era,
      pageShift,
      vaBits,
      structPageSize: DEFAULT_STRUCT_PAGE_SIZE,
      memstart: 0n,
      sectionShift: defaultSectionShift(undefined, pageShift),
    });
    const layout = `${era} ${vaBits}/${2 ** (pageShift - 10)}K`;
    for (const [constant, v] of [['VMEMMAP_START', c.vmemmapStart], ['VMEMMAP_END', c.vmemmapEnd]] as const) {
      note(u64(v), { constant, form: 'exact' }, layout);
      note(u64(v - 1n), { constant, form: 'minus-one' }, layout);
      // `cmn x, #imm` / `adds` compare against the negated constant (E3 48/4K: -START = 0x40000000000).
      if (neg64(v) >= MIN_NEGATED) note(neg64(v), { constant, form: 'negated' }, layout);
    }
  }
  return table;
}

let table: Map<bigint, ConstantMatch> | undefined;

/**
 * An index of VMEMMAP_START/END of every layout that can print the WARN (exact, minus one, negated), built once: a
 * register equal to one names the layout. The layout model's matchRegisterConstants() does the full weighing for
 * inferLayout; this lookup is O(1) per register because it runs on every splat of a storm.
 */
export function matchLayoutConstant(value: bigint): ConstantMatch | undefined {
  table ??= buildTable();
  return table.get(value);
}
