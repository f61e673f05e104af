import { closeSync, openSync, readSync } from 'node:fs';
import { LineBreakNormalizer } from '../../ingest/line-break-normalizer.js';
import { countNewlinesSimd } from '../../ingest/simd-hit-finder.js';

const READ_BYTES = 1024 * 1024;
const LF = 0x0a;

/**
 * The line breaks in the first `end` bytes of a file, as the reader counts them: CRLF and a lone CR are one break
 * each (LineBreakNormalizer). A part of a log that starts at `end` numbers its first line one past this.
 */
export function countLineBreaks(path: string, end: number): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(READ_BYTES);
    const normalizer = new LineBreakNormalizer();
    let n = 0;
    for (let pos = 0; pos < end; ) {
      const read = readSync(fd, buf, 0, Math.min(READ_BYTES, end - pos), pos);
      if (read === 0) break;
      pos += read;
      n += countLF(normalizer.normalize(buf.subarray(0, read)));
    }
    return n;
  } finally {
    closeSync(fd);
  }
}

function countLF(bytes: Buffer): number {
  const simd = countNewlinesSimd(bytes);
  if (simd !== undefined) return simd;
  let n = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) n++;
  return n;
}
