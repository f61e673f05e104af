import { openFileRange } from '../../ingest/open-input.js';
import { LineBreakNormalizer } from '../../ingest/line-break-normalizer.js';
import { countNewlinesSimd } from '../../ingest/simd-hit-finder.js';

const LF = 0x0a;

/**
 * The line breaks in the first `end` bytes of a file, as the reader counts them: CRLF and a lone CR are one break
 * each (LineBreakNormalizer). A part of a log that starts at `end` numbers its first line one past this.
 */
export async function countLineBreaks(path: string, end: number): Promise<number> {
  const normalizer = new LineBreakNormalizer();
  let n = 0;
  for await (const chunk of openFileRange(path, { start: 0, end })) n += countLF(normalizer.normalize(chunk));
  return n;
}

function countLF(bytes: Buffer): number {
  const simd = countNewlinesSimd(bytes);
  if (simd !== undefined) return simd;
  let n = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) n++;
  return n;
}
