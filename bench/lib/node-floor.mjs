#!/usr/bin/env node
/**
 * What Node itself can do with a log, for scale beside `analyze`: read FILE in 64 KiB synchronous reads (as
 * src/ingest/file-chunks.ts does), count its lines and the `WARNING:` in it with `Buffer.indexOf`, print both.
 * No strings, no parsing: the least any analysis of the file costs in Node, start-up included.
 *
 *   node bench/lib/node-floor.mjs FILE   →   "<lines> <WARNING: count>"
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CHUNK_BYTES = 64 * 1024;
const NEEDLE = Buffer.from('WARNING:');

/** @param {string} path @returns {{ lines: number, warnings: number }} */
export function countLinesAndWarnings(path) {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES + NEEDLE.length - 1);
  let lines = 0;
  let warnings = 0;
  // The last NEEDLE.length - 1 bytes of a chunk are kept in front of the next, so a needle cut by a chunk boundary
  // is still found; a match ending in them was already counted.
  let carried = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, carried, CHUNK_BYTES, null);
      if (read === 0) break;
      const end = carried + read;
      for (let i = buffer.indexOf(10, carried); i !== -1 && i < end; i = buffer.indexOf(10, i + 1)) lines++;
      const view = buffer.subarray(0, end);
      for (let i = view.indexOf(NEEDLE); i !== -1; i = view.indexOf(NEEDLE, i + 1)) {
        if (i + NEEDLE.length > carried) warnings++;
      }
      carried = Math.min(NEEDLE.length - 1, end);
      buffer.copy(buffer, 0, end - carried, end);
    }
  } finally {
    closeSync(fd);
  }
  return { lines, warnings };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node bench/lib/node-floor.mjs FILE\n');
    process.exit(2);
  }
  const { lines, warnings } = countLinesAndWarnings(file);
  process.stdout.write(`${lines} ${warnings}\n`);
}
