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

function formOf(reg: bigint, c: bigint): ConstantForm | undefined {
  if (reg === c) return 'exact';
  if (reg === u64(c - 1n)) return 'minus-one';
  if (reg === u64(c + 1n)) return 'plus-one';
  if (reg === neg64(c)) return 'negated';
  return undefined;
}

/**
 * Registers equal to a layout's VMEMMAP_START or VMEMMAP_END (or ±1, or negated for `cmn`-style compares). These
 * constants do not depend on memstart, so a hit names (era, page size, VA bits) directly.
 */
export function matchRegisterConstants(regs: readonly RegisterValue[], structPageSize: number, eras: readonly Era[] = ['E2', 'E3', 'E4']): ConstantHit[] {
  const hits: ConstantHit[] = [];
  for (const shape of shapes(eras)) {
    const c = computeConstants({ ...shape, structPageSize, memstart: 0n, sectionShift: 30 });
    for (const r of regs) {
      for (const [constant, value] of [['VMEMMAP_START', c.vmemmapStart], ['VMEMMAP_END', c.vmemmapEnd]] as const) {
        const form = formOf(u64(r.value), value);
        if (!form) continue;
        const hit: ConstantHit = { ...shape, reg: r.reg, constant, form, value, strong: !isSmallMask(value) };
        if (r.lineNo !== undefined) hit.lineNo = r.lineNo;
        hits.push(hit);
      }
    }
  }
  return hits;
}
