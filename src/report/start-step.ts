import { humanBytes } from './human-bytes.js';
import { toSignedHex } from './hex.js';

/**
 * A finding's start step for the text and Markdown reports: signed, with its size. The report holds it signed
 * (`-0x80000`, schema 1.3.0); a report of an older schema held a negative step as its u64 two's complement, read here
 * as signed too. Read unsigned, a step of −512 KiB had come out as "15.9 EiB of memmap per splat".
 */
export function startStepParts(hex: string): { value: string; note: string } {
  const step = hex.startsWith('-') ? -BigInt(hex.slice(1)) : BigInt.asIntN(64, BigInt(hex));
  const size = humanBytes(step < 0n ? -step : step);
  return { value: toSignedHex(step), note: `${size} of memmap per splat${step < 0n ? ', each below the one before' : ''}` };
}
