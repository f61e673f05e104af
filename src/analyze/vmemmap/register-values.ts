import { readArm64RegisterRow } from '../../parse/fields/arm64-register-row.js';
import type { Splat } from '../../parse/types.js';
import type { RegisterValue } from '../../layout/register-match.js';

/**
 * A splat's x registers with the line each was printed on, as layout evidence. The builder stores values only
 * (register rows are a fifth of a storm's lines), so the kept lines are read again here: callers do this for a few
 * splats. The first row naming a register is the one its value came from.
 */
export function xRegisterValues(s: Splat): Required<RegisterValue>[] {
  const lines = new Map<string, number>();
  for (const rec of s.lines) {
    const row = readArm64RegisterRow(rec.text);
    if (row === undefined) continue;
    for (const { name } of row.regs) if (!lines.has(name)) lines.set(name, rec.lineNo);
  }
  const values: Required<RegisterValue>[] = [];
  for (const [reg, value] of s.regs) if (/^x\d+$/.test(reg)) values.push({ reg, value, lineNo: lines.get(reg) ?? s.firstLine });
  return values;
}
