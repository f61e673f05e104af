const U64 = 64;

/** `0x`-prefixed lowercase hex. Negative values are shown as their u64 two's complement, as the kernel prints them. */
export function toHex(value: bigint): string {
  const unsigned = value < 0n ? BigInt.asUintN(U64, value) : value;
  return `0x${unsigned.toString(16)}`;
}

export function toHexOpt(value: bigint | undefined): string | undefined {
  return value === undefined ? undefined : toHex(value);
}
