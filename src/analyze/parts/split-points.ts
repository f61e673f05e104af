import { readSync } from 'node:fs';
import { CR, LF } from '../../ingest/line-break-bytes.js';

/** Where a part may start: the line of a `------------[ cut here ]------------`, which ends the report before it. */
const NEEDLE = Buffer.from('[ cut here ]');
/** Bytes searched past each target for such a line before that split is given up. */
const SEARCH_BYTES = 4 * 1024 * 1024;
const WINDOW_BYTES = 256 * 1024;
/** A cut-here line is short; anything longer is not one. */
const MAX_LINE_BYTES = 1024;

/** One line of the file: [start, end), `end` just past its LF. */
export interface SplitLine {
  start: number;
  end: number;
}

/**
 * Lines at which a file of `size` bytes may be cut near each of `targets` (ascending offsets): the first cut-here
 * line at or after each, past the one before. A target with none nearby gives none.
 */
export function findSplitLines(fd: number, size: number, targets: readonly number[]): SplitLine[] {
  const lines: SplitLine[] = [];
  for (const target of targets) {
    const from = Math.max(target, lines[lines.length - 1]?.end ?? 0);
    const line = firstCutLine(fd, from, Math.min(size, from + SEARCH_BYTES));
    if (line !== undefined) lines.push(line);
  }
  return lines;
}

/** `parts` parts of equal size: the offsets where parts 2…n begin. */
export function evenTargets(size: number, parts: number): number[] {
  return Array.from({ length: parts - 1 }, (_, k) => Math.floor((size * (k + 1)) / parts));
}

/** The first cut-here line that starts after an LF at or after `from`, within [from, to). */
function firstCutLine(fd: number, from: number, to: number): SplitLine | undefined {
  const buf = Buffer.allocUnsafe(WINDOW_BYTES + MAX_LINE_BYTES);
  // Windows overlap by a line so that a line across two windows is seen whole in one.
  for (let at = from; at < to; at += WINDOW_BYTES) {
    const read = readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
    if (read === 0) return undefined;
    const bytes = buf.subarray(0, read);
    const firstLF = bytes.indexOf(LF);
    if (firstLF === -1) continue;
    for (let hit = bytes.indexOf(NEEDLE, firstLF + 1); hit !== -1 && hit < WINDOW_BYTES; hit = bytes.indexOf(NEEDLE, hit + 1)) {
      const start = bytes.lastIndexOf(LF, hit) + 1;
      const lf = bytes.indexOf(LF, hit);
      if (lf === -1 || lf - start > MAX_LINE_BYTES) continue;
      // A CR inside the line glues other output onto the cut-here (LineBreakNormalizer drops it); CRs that open it
      // (`\n\r` line ends) or end it (CRLF, `\r\r\n`) leave it as it looks.
      let from = start;
      while (bytes[from] === CR) from++;
      let to = lf;
      while (to > from && bytes[to - 1] === CR) to--;
      if (bytes.subarray(from, to).includes(CR)) continue;
      return { start: at + start, end: at + lf + 1 };
    }
  }
  return undefined;
}
