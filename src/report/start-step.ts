import { humanBytes } from './human-bytes.js';

/**
 * A finding's start step for the text and Markdown reports: signed, with its size. The report model holds a
 * negative step (chunks placed top-down) as its u64 two's complement, as every hex field is held; read unsigned, a
 * step of −512 KiB came out as 0xfffffffffff80000, "15.9 EiB of memmap per splat".
 */
export function startStepParts(hex: string): { value: string; note: string } {
  const step = BigInt.asIntN(64, BigInt(hex));
  const size = humanBytes(step < 0n ? -step : step);
  return step < 0n
    ? { value: `-0x${(-step).toString(16)}`, note: `${size} of memmap per splat, each below the one before` }
    : { value: `0x${step.toString(16)}`, note: `${size} of memmap per splat` };
}
