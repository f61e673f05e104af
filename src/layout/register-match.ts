import { computeConstants } from './constants.js';
import { shapes, type Shape } from './hypotheses.js';
import type { Era } from './types.js';
import { neg64, u64 } from './u64.js';

export type ConstantForm = 'exact' | 'minus-one' | 'plus-one' | 'negated';

export interface ConstantHit extends Shape {
  reg: string;
  lineNo?: number;
  constant: 'VMEMMAP_START' | 'VMEMMAP_END';
  form: ConstantForm;
  /** The constant itself; `registerValue` is what the register held (the constant in `form`). */
  value: bigint;
  registerValue: bigint;
  /** False when the value is also a common alignment mask (-2^k, k ≤ 30: PMD_MASK, PUD_MASK...), e.g. E2's
   *  VMEMMAP_END = -2M and E4's = -1G: such a hit is weak evidence. */
  strong: boolean;
}

/** A register's value as a splat printed it, evidence for the layout (`LayoutEvidence.registerValues`). */
export interface RegisterValue {
  /** Lower-case name as the dump prints it (`x0`…`x30`). */
  reg: string;
  /** As printed, a u64. */
  value: bigint;
  /** 1-based log line the register was printed on. */
  lineNo?: number;
}

/**
 * A negated constant below this is a size, not an address: -(E2 VMEMMAP_END) is SZ_2M, also the memmap of one 4K
 * section (2^15 pages * 64 bytes), which a vmemmap storm holds in some register; -(E4 VMEMMAP_END) is SZ_1G. The
 * same bound as the vmemmap candidates' (analyze/vmemmap/layout-constant-candidates.ts).
 */
const MIN_NEGATED = 1n << 32n;

function isSmallMask(x: bigint): boolean {
  const n = neg64(x);
  return n !== 0n && (n & (n - 1n)) === 0n && n <= 1n << 30n;
}

/** Where a register value names a layout constant: the shape (by index), the constant (0 START, 1 END), the form. */
interface ConstantEntry {
  shape: number;
  constant: 0 | 1;
  form: ConstantForm;
}

interface ConstantIndex {
  shapes: readonly Shape[];
  constants: readonly { name: 'VMEMMAP_START' | 'VMEMMAP_END'; value: bigint; strong: boolean }[][];
  /** Every value any form of any constant takes, to the entries it names. */
  byValue: Map<bigint, ConstantEntry[]>;
}

const FORM_ORDER: readonly ConstantForm[] = ['exact', 'minus-one', 'plus-one', 'negated'];

/**
 * Per era list and struct page size: the constants never change, and a triage run asks thousands of times. One
 * lookup per register replaces comparing it with every form of every constant of every shape (7,000 bigint
 * comparisons for a 31-register dump, 5 % of a triage run).
 */
const indexCache = new Map<string, ConstantIndex>();

function constantIndex(structPageSize: number, eras: readonly Era[]): ConstantIndex {
  const key = `${structPageSize}|${eras.join(',')}`;
  let cached = indexCache.get(key);
  if (cached !== undefined) return cached;
  const shapeList = shapes(eras);
  const byValue = new Map<bigint, ConstantEntry[]>();
  const constants = shapeList.map((shape, shapeIndex) => {
    const c = computeConstants({ ...shape, structPageSize, memstart: 0n, sectionShift: 30 });
    return ([['VMEMMAP_START', c.vmemmapStart], ['VMEMMAP_END', c.vmemmapEnd]] as const).map(([name, value], constant) => {
      const forms = [value, u64(value - 1n), u64(value + 1n), neg64(value)];
      // The four forms differ for every constant but 0 and 2^63, which no layout has. A small negated form is left out.
      forms.forEach((formValue, f) => {
        if (FORM_ORDER[f] === 'negated' && formValue < MIN_NEGATED) return;
        const entries = byValue.get(formValue) ?? [];
        entries.push({ shape: shapeIndex, constant: constant as 0 | 1, form: FORM_ORDER[f]! });
        byValue.set(formValue, entries);
      });
      return { name, value, strong: !isSmallMask(value) };
    });
  });
  cached = { shapes: shapeList, constants, byValue };
  indexCache.set(key, cached);
  return cached;
}

/**
 * Registers equal to a layout's VMEMMAP_START or VMEMMAP_END (or ±1, or negated for `cmn`-style compares). These
 * constants do not depend on memstart, so a hit names (era, page size, VA bits) directly. Hits come shape by
 * shape, then register by register, START before END.
 */
export function matchRegisterConstants(regs: readonly RegisterValue[], structPageSize: number, eras: readonly Era[] = ['E2', 'E3', 'E4']): ConstantHit[] {
  const index = constantIndex(structPageSize, eras);
  const found: (ConstantEntry & { reg: number })[] = [];
  regs.forEach((r, reg) => {
    for (const entry of index.byValue.get(u64(r.value)) ?? []) found.push({ ...entry, reg });
  });
  found.sort((a, b) => a.shape - b.shape || a.reg - b.reg || a.constant - b.constant);
  return found.map(({ shape, reg, constant, form }) => {
    const r = regs[reg]!;
    const c = index.constants[shape]![constant]!;
    const hit: ConstantHit = { ...index.shapes[shape]!, reg: r.reg, constant: c.name, form, value: c.value, registerValue: u64(r.value), strong: c.strong };
    if (r.lineNo !== undefined) hit.lineNo = r.lineNo;
    return hit;
  });
}
