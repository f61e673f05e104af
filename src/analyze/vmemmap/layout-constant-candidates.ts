import { computeConstants, defaultSectionShift } from '../../layout/constants.js';
import { shapes, shortShapeLabel } from '../../layout/hypotheses.js';
import type { Era } from '../../layout/types.js';
import { neg64, u64 } from '../../layout/u64.js';
import type { RegisterReading } from '../types.js';
import { DEFAULT_STRUCT_PAGE_SIZE } from './memmap-geometries.js';

/** A value one constant takes in one form, with every layout (era VA/page, e.g. `E3 48/4K`) where it does. */
export type ConstantMatch = Omit<RegisterReading['constantRegs'][number], 'reg'>;

/** The WARN exists from the arm64 hot-remove series (~5.7, era E2) on: only these eras can print it. */
const WARN_ERAS: readonly Era[] = ['E2', 'E3', 'E4'];

/** E2's -VMEMMAP_END is 0x200000, E4's is 1 GiB: values that sizes and masks take too often to mean anything. */
const MIN_NEGATED = 1n << 32n;

/**
 * One value can be different constants in different layouts (0xffffffc000000000 is VMEMMAP_START of E3 48/64K and
 * VMEMMAP_END of E3 47/16K): each (constant, form) keeps its own list of layouts.
 */
function buildTable(): Map<bigint, ConstantMatch[]> {
  const table = new Map<bigint, ConstantMatch[]>();
  const note = (value: bigint, m: Pick<ConstantMatch, 'constant' | 'form'>, layout: string): void => {
    const matches = table.get(value) ?? [];
    const found = matches.find((f) => f.constant === m.constant && f.form === m.form);
    if (found) {
      if (!found.layouts.includes(layout)) found.layouts.push(layout);
    } else matches.push({ ...m, value, layouts: [layout] });
    table.set(value, matches);
  };
  for (const shape of shapes(WARN_ERAS)) {
    const { era, pageShift, vaBits } = shape;
    const c = computeConstants({
      era,
      pageShift,
      vaBits,
      structPageSize: DEFAULT_STRUCT_PAGE_SIZE,
      memstart: 0n,
      sectionShift: defaultSectionShift(undefined, pageShift),
    });
    const layout = shortShapeLabel(shape);
    for (const [constant, v] of [['VMEMMAP_START', c.vmemmapStart], ['VMEMMAP_END', c.vmemmapEnd]] as const) {
      note(u64(v), { constant, form: 'exact' }, layout);
      note(u64(v - 1n), { constant, form: 'minus-one' }, layout);
      // `cmn x, #imm` / `adds` compare against the negated constant (E3 48/4K: -START = 0x40000000000).
      if (neg64(v) >= MIN_NEGATED) note(neg64(v), { constant, form: 'negated' }, layout);
    }
  }
  return table;
}

let table: Map<bigint, ConstantMatch[]> | undefined;

/**
 * An index of VMEMMAP_START/END of every layout that can print the WARN (exact, minus one, negated), built once: a
 * register equal to one names the layout. The layout model's matchRegisterConstants() does the full weighing for
 * inferLayout; this lookup is O(1) per register because it runs on every splat of a storm.
 */
export function matchLayoutConstant(value: bigint): readonly ConstantMatch[] {
  table ??= buildTable();
  return table.get(value) ?? [];
}
