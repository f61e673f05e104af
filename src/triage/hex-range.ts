import type { AddressRange } from '../analyze/types.js';
import type { HexRange } from './summary-types.js';

export function toHex(value: bigint): string {
  return `0x${value.toString(16)}`;
}

export function toHexRange(range: AddressRange | undefined): HexRange | undefined {
  return range ? { start: toHex(range.start), end: toHex(range.end) } : undefined;
}

/** Smallest range covering both (either may be absent). */
export function joinHexRanges(a: HexRange | undefined, b: HexRange | undefined): HexRange | undefined {
  if (!a || !b) return a ?? b;
  const start = BigInt(a.start) <= BigInt(b.start) ? a.start : b.start;
  const end = BigInt(a.end) >= BigInt(b.end) ? a.end : b.end;
  return { start, end };
}
