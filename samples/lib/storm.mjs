import { fillerRegisters } from './dmesg.mjs';
import { warningSplat } from './splats.mjs';

/** A kernel stack address (thread stacks live in vmalloc space), deliberately not 64-byte aligned. */
const FRAME_POINTER = 0xffff_8000_0a4b_b9b0n;

/**
 * One WARNING per `vmemmap_populate`/`vmemmap_free` call, as __add_pages/__remove_pages loop over sections. `place`
 * puts start/end (and a layout constant) into registers the way the compiled function holds them at the WARN.
 */
export function warnStorm(d, { calls, task, place, seed }) {
  calls.forEach((call, i) => {
    const regs = fillerRegisters(seed + i);
    regs[2] = 0n; // nid
    regs[3] = 0n; // altmap: device-private ranges have none
    place(regs, call);
    regs[29] = FRAME_POINTER - BigInt(i % 3) * 0x10n;
    regs[31] = regs[29]; // sp: the WARN comes before any further stack use

    warningSplat(d, { ...task, tainted: task.tainted || i > 0 }, regs);
  });
}
