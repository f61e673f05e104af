const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** `4 GiB`, `1.5 MiB`: binary units, one decimal when not whole. Accepts a bigint or a `0x` hex string. */
export function humanBytes(size: bigint | string): string {
  let value = typeof size === 'string' ? BigInt(size) : size;
  let unit = 0;
  let rest = 0n;
  while (value >= 1024n && unit < UNITS.length - 1) {
    rest = value % 1024n;
    value /= 1024n;
    unit++;
  }
  const tenths = (rest * 10n) / 1024n;
  return tenths === 0n ? `${value} ${UNITS[unit]}` : `${value}.${tenths} ${UNITS[unit]}`;
}
