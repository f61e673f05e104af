import type { Splat } from '../../parse/types.js';

/** arm64 `do_translation_fault`/`die_kernel_fault`: "Unable to handle kernel paging request at virtual address %016lx". */
// From the first `Unable to handle kernel` on: tried from each of many, the lazy `.*?` had been quadratic.
const FAULT_RE = /Unable to handle kernel (?:(?!Unable to handle kernel ).)*?at virtual address ([0-9a-fA-F]{1,16})/;

/** The faulting virtual address an arm64 Oops reports, from its header or its first lines. */
export function faultAddress(s: Splat): bigint | undefined {
  for (const text of [s.header, ...s.lines.slice(0, 8).map((r) => r.text)]) {
    const m = FAULT_RE.exec(text);
    if (m?.[1]) return BigInt(`0x${m[1]}`);
  }
  return undefined;
}
