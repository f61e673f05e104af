import { UsageError } from '../errors.js';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4, tib: 1024 ** 4 };

/** `64KiB`, `200M`, `4GiB`, `1TiB`, `65536` → bytes (binary units); a fraction only where it makes whole bytes. */
export function parseByteSize(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = UNITS[m?.[2]?.toLowerCase() ?? 'x'];
  if (!m?.[1] || unit === undefined) throw new UsageError(`${flag} must be a size like 64KiB, 200MiB or 4GiB, not '${text}'`);
  const bytes = Number(m[1]) * unit;
  // `1.5KiB` is 1536 bytes; `1.5` would be half a byte (it had been floored to 1 byte, silently).
  if (!Number.isInteger(bytes)) throw new UsageError(`${flag} must be a whole number of bytes, not '${text}'`);
  if (bytes < 1) throw new UsageError(`${flag} must be at least 1 byte`);
  if (bytes > Number.MAX_SAFE_INTEGER) throw new UsageError(`${flag} is too large: '${text}'`);
  return bytes;
}
