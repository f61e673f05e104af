import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { sniffCompression } from '../../ingest/decompress.js';
import { byteOrderMark } from '../../ingest/encoding-sniffer.js';
import { HEAD_BYTES, hidesNeedles } from '../../ingest/hidden-needles.js';
import { LF } from '../../ingest/line-break-bytes.js';
import { evenTargets, findSplitLines, type SplitLine } from './split-points.js';
import { balancedStarts, fileCost } from './cost-model.js';

/** Below this a file is read in one piece without a look: no split could pay for a thread's start. */
const MIN_SPLIT_BYTES = 16 * 1024 * 1024;

export interface PlanOptions {
  /** Cut any file with a cut-here line into equal parts, whatever the cost model says (tests, measurements). */
  evenly?: boolean;
}

export interface PartsPlan {
  path: string;
  /** The lines the second, third… part start with (each also ends the part before it). */
  splits: SplitLine[];
  /** The file's size when the plan was made: a read to its end that ends short says the file shrank. */
  size: number;
}

/**
 * How to read a file in up to `threads` parts, or undefined to read it in one piece: stdin, anything but a regular
 * file, a compressed or UTF-16 file (their bytes cannot be cut anywhere), one whose start shows colour codes or
 * journal entries (hidden-needles.ts) or no LF, a file too small for a split to pay
 * (cost-model.ts), or one with no report start near the cut points.
 */
export function planParts(spec: string, threads: number, opts: PlanOptions = {}): PartsPlan | undefined {
  if (spec === '-' || !(threads >= 2)) return undefined;
  let fd: number | undefined;
  try {
    // Looked at before it is opened: opening a FIFO would wait for its writer, and closing it would cut the writer off.
    const info = statSync(spec);
    if (!info.isFile() || (info.size < MIN_SPLIT_BYTES && opts.evenly !== true)) return undefined;
    fd = openSync(spec, 'r');
    const head = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
    const got = readSync(fd, head, 0, head.length, 0);
    // A single read decides on the file's first bytes whether every line must be read (hidden-needles.ts), and
    // whether its lines break at CR (line-break-normalizer.ts); a part starting elsewhere could decide otherwise, so
    // such a file is read in one piece.
    const start = head.subarray(0, got);
    if (sniffCompression(head) !== 'none' || byteOrderMark(head)?.encoding.startsWith('utf-16') || hidesNeedles(start) || !start.includes(LF)) {
      return undefined;
    }
    const parts = Math.floor(threads);
    const targets = opts.evenly === true ? evenTargets(info.size, parts) : balancedStarts(info.size, parts, fileCost(fd, info.size));
    const splits = findSplitLines(fd, info.size, targets);
    return splits.length === 0 ? undefined : { path: spec, splits, size: info.size };
  } catch {
    // Whatever fails here fails again when the file is read in one piece, and is reported there.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
