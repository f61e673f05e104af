const U64 = 64;

/** `0x`-prefixed lowercase hex. Negative values are shown as their u64 two's complement, as the kernel prints them. */
export function toHex(value: bigint): string {
  const unsigned = value < 0n ? BigInt.asUintN(U64, value) : value;
  return `0x${unsigned.toString(16)}`;
}

export function toHexOpt(value: bigint | undefined): string | undefined {
  return value === undefined ? undefined : toHex(value);
}

/** `0x…` or `-0x…`: a signed quantity (a step between two addresses), which read as u64 would be some 2^64. */
export function toSignedHex(value: bigint): string {
  return value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`;
}
