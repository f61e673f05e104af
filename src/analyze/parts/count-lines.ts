import { openFileRange } from '../../ingest/open-input.js';
import { LineBreakNormalizer } from '../../ingest/line-break-normalizer.js';
import { countNewlines } from '../../ingest/simd-hit-finder.js';

/**
 * The line breaks in the first `end` bytes of a file, as the reader counts them (LineBreakNormalizer). A part of a
 * log that starts at `end` numbers its first line one past this.
 */
export async function countLineBreaks(path: string, end: number): Promise<number> {
  const normalizer = new LineBreakNormalizer();
  let n = 0;
  for await (const chunk of openFileRange(path, { start: 0, end })) n += countNewlines(normalizer.normalize(chunk));
  return n + countNewlines(normalizer.end());
}

