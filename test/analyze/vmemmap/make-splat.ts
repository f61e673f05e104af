import type { Frame, Splat } from '../../../src/parse/types.js';

/** A Splat as the segmenter would build it, with only what a test sets. */
export function makeSplat(over: Partial<Splat> & { regs?: Map<string, bigint> } = {}): Splat {
  return {
    kind: 'warning',
    title: 'WARNING in vmemmap_populate',
    header: 'WARNING: CPU: 0 PID: 100 at arch/arm64/mm/mmu.c:1162 vmemmap_populate+0x30/0x48',
    site: { file: 'arch/arm64/mm/mmu.c', line: 1162, func: 'vmemmap_populate', off: 0x30n, size: 0x48n },
    pstate: '60400009',
    pc: { func: 'vmemmap_populate', off: 0x30n, size: 0x48n },
    regs: new Map(),
    frames: [],
    firstLine: 1,
    lastLine: 40,
    bootIndex: 0,
    lines: [],
    ...over,
  };
}

/** x0..x30 all set to a stack-like filler, then the given overrides. */
export function regsWith(values: Record<string, bigint>): Map<string, bigint> {
  const regs = new Map<string, bigint>();
  for (let i = 30; i >= 0; i--) regs.set(`x${i}`, 0xffff_8000_0800_bb40n + BigInt(i) * 0x18n);
  regs.set('x2', 0n);
  regs.set('x3', 0n);
  for (const [k, v] of Object.entries(values)) regs.set(k, v);
  return regs;
}

export function frames(...funcs: string[]): Frame[] {
  return funcs.map((f, i) => {
    const m = /^(\S+?)(?: \[(\S+)\])?$/.exec(f)!;
    return { func: m[1]!, ...(m[2] !== undefined && { module: m[2] }), lineNo: 100 + i };
  });
}
