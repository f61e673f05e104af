const NUL = 0x00;
/** Long enough that a comparison's native call costs less than the bytes it covers, read one at a time. */
const ZERO_BLOCK = Buffer.alloc(4096);
/** A shorter run is read a byte at a time: a lone NUL (UTF-16 text without a BOM) costs no native call. */
const BYTEWISE_BYTES = 16;

/**
 * The offset after the run of NUL bytes that starts at `from` (`from` itself when `buf[from]` is not NUL, or
 * `buf.length` when the run reaches the end). A long run, such as a log a crash zero-filled or a compressed zero
 * bomb, is compared with a zero block a block at a time, at memcmp speed; reading it a byte at a time in JavaScript
 * was ten times slower on a loaded host, and a native call per byte a hundred times.
 */
export function skipNULs(buf: Buffer, from: number): number {
  let pos = from;
  const bytewiseEnd = Math.min(buf.length, from + BYTEWISE_BYTES);
  while (pos < bytewiseEnd && buf[pos] === NUL) pos++;
  if (pos < bytewiseEnd) return pos;
  while (pos < buf.length) {
    const end = Math.min(buf.length, pos + ZERO_BLOCK.length);
    if (ZERO_BLOCK.compare(buf, pos, end, 0, end - pos) !== 0) break;
    pos = end;
  }
  // Within the block that is not all NUL.
  while (buf[pos] === NUL) pos++;
  return pos;
}
