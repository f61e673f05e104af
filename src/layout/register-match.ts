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
  value: bigint;
  /** False when the value is also a common alignment mask (-2^k, k ≤ 30: PMD_MASK, PUD_MASK...), e.g. E2's
   *  VMEMMAP_END = -2M and E4's = -1G: such a hit is weak evidence. */
  strong: boolean;
}

export interface RegisterValue {
  reg: string;
  value: bigint;
  lineNo?: number;
}

function isSmallMask(x: bigint): boolean {
  const n = neg64(x);
  return n !== 0n && (n & (n - 1n)) === 0n && n <= 1n << 30n;
}

/** A layout constant and the register values that name it, in the order the forms are tried. */
interface ConstantForms {
  constant: 'VMEMMAP_START' | 'VMEMMAP_END';
  value: bigint;
  strong: boolean;
  forms: readonly (readonly [ConstantForm, bigint])[];
}

interface ShapeConstants {
  shape: Shape;
  /** VMEMMAP_START, then VMEMMAP_END. */
  constants: readonly ConstantForms[];
}

/** Per era list and struct page size: the constants never change, and a triage run asks thousands of times. */
const constantsCache = new Map<string, ShapeConstants[]>();

function shapeConstants(structPageSize: number, eras: readonly Era[]): ShapeConstants[] {
  const key = `${structPageSize}|${eras.join(',')}`;
  let cached = constantsCache.get(key);
  if (cached === undefined) {
    cached = shapes(eras).map((shape) => {
      const c = computeConstants({ ...shape, structPageSize, memstart: 0n, sectionShift: 30 });
      const constants = ([['VMEMMAP_START', c.vmemmapStart], ['VMEMMAP_END', c.vmemmapEnd]] as const).map(([constant, value]) => ({
        constant,
        value,
        strong: !isSmallMask(value),
        forms: [['exact', value], ['minus-one', u64(value - 1n)], ['plus-one', u64(value + 1n)], ['negated', neg64(value)]] as const,
      }));
      return { shape, constants };
    });
    constantsCache.set(key, cached);
  }
  return cached;
}

function formOf(value: bigint, c: ConstantForms): ConstantForm | undefined {
  for (const [form, v] of c.forms) if (v === value) return form;
  return undefined;
}

/**
 * Registers equal to a layout's VMEMMAP_START or VMEMMAP_END (or ±1, or negated for `cmn`-style compares). These
 * constants do not depend on memstart, so a hit names (era, page size, VA bits) directly. Hits come shape by
 * shape, then register by register, START before END.
 */
export function matchRegisterConstants(regs: readonly RegisterValue[], structPageSize: number, eras: readonly Era[] = ['E2', 'E3', 'E4']): ConstantHit[] {
  const hits: ConstantHit[] = [];
  const values = regs.map((r) => u64(r.value));
  for (const { shape, constants } of shapeConstants(structPageSize, eras)) {
    regs.forEach((r, i) => {
      for (const c of constants) {
        const form = formOf(values[i]!, c);
        if (!form) continue;
        const hit: ConstantHit = { ...shape, reg: r.reg, constant: c.constant, form, value: c.value, strong: c.strong };
        if (r.lineNo !== undefined) hit.lineNo = r.lineNo;
        hits.push(hit);
      }
    });
  }
  return hits;
}
