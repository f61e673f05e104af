import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { sniffCompression } from '../../ingest/decompress.js';
import { findSplitLines, type SplitLine } from './split-points.js';

/**
 * Smallest part worth a thread of its own. A worker starts in about 0.1 s and counts the lines before its part at
 * several GB/s, so on a part smaller than this it would gain little or nothing (measured in bench/RESULTS.md).
 */
export const MIN_PART_BYTES = 48 * 1024 * 1024;

export interface PartsPlan {
  path: string;
  /** The lines the second, third… part start with (each also ends the part before it). */
  splits: SplitLine[];
}

/**
 * How to read a file in up to `threads` parts, or undefined to read it in one piece: stdin, anything but a regular
 * file, a compressed or UTF-16 file (their bytes cannot be cut anywhere), a file smaller than two parts, or one
 * with no report start near its cut points.
 */
export function planParts(spec: string, threads: number, minPartBytes = MIN_PART_BYTES): PartsPlan | undefined {
  if (spec === '-' || !(threads >= 2)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(spec, 'r');
    const info = fstatSync(fd);
    const parts = Math.min(Math.floor(threads), Math.floor(info.size / minPartBytes));
    if (!info.isFile() || parts < 2) return undefined;
    const head = Buffer.alloc(8);
    readSync(fd, head, 0, head.length, 0);
    if (sniffCompression(head) !== 'none' || isUtf16Bom(head)) return undefined;
    const splits = findSplitLines(fd, info.size, parts);
    return splits.length === 0 ? undefined : { path: spec, splits };
  } catch {
    // Whatever fails here fails again when the file is read in one piece, and is reported there.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isUtf16Bom(head: Buffer): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}
