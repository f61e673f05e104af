import type { MemRange } from '../types.js';

const MEM_RANGE = /\[mem (0x[0-9a-fA-F]+)-(0x[0-9a-fA-F]+)\]/;

/** `[mem 0x0000000080000000-0x00000000ffffffff]` (mm/mm_init.c `[mem %#018Lx-%#018Lx]`, inclusive end). */
export function parseMemRange(text: string): MemRange | undefined {
  const m = MEM_RANGE.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  return { start: BigInt(m[1]), end: BigInt(m[2]) };
}
