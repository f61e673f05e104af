import { hex16 } from './hex16.mjs';

/** A plausible value for a register the scenario does not care about: kernel pointers, small counts or zero. */
function fillerRegister(rng) {
  const roll = rng.next();
  if (roll < 0.35) return `ffff0000${rng.hex(8)}`;
  if (roll < 0.55) return `ffff8000${rng.hex(8)}`;
  if (roll < 0.8) return rng.int(0, 0xffff).toString(16).padStart(16, '0');
  return '0000000000000000';
}

/**
 * The register block of arm64 `__show_regs` (6.1): pstate, pc, lr, sp, then x29..x0 three per line with the
 * `x%-2d: %016llx` format. `fixed` maps register numbers to the values the scenario needs (bigint).
 * @param {import('./mulberry32.mjs').Mulberry32} rng
 * @param {{ pstate: string, pc: string, lr: string, sp: bigint, fixed: Map<number, bigint> }} regs
 */
export function registerDump(rng, { pstate, pc, lr, sp, fixed }) {
  const lines = [`pstate: ${pstate}`, `pc : ${pc}`, `lr : ${lr}`, `sp : ${hex16(sp)}`];
  let line = '';
  for (let n = 29; n >= 0; n--) {
    // The frame pointer sits at the bottom of the current frame, i.e. at sp, unless the scenario says otherwise.
    const value = fixed.get(n) ?? (n === 29 ? sp : undefined);
    const text = value === undefined ? fillerRegister(rng) : hex16(value);
    line += `${line === '' ? '' : ' '}x${String(n).padEnd(2, ' ')}: ${text}`;
    if (n % 3 === 0) {
      lines.push(line);
      line = '';
    }
  }
  return lines;
}

/** A kernel stack pointer in the vmalloc'ed stack area, 16-byte aligned. */
export function stackPointer(rng) {
  return 0xffff_8000_0800_0000n + BigInt(rng.int(0, 0x3ffff) * 16);
}

export const PSTATE_WARN = '60400009 (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)';
export const PSTATE_OOPS = '80400005 (Nzcv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)';
