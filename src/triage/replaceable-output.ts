import { open } from 'node:fs/promises';
import { EARLIER_OUTPUT_HEAD_BYTES, earlierOutputKind } from './earlier-output.js';

/**
 * What a file the run replaces whole must hold to be written over when a walk meets it among the logs: the summary
 * an earlier vmemwarn output (earlier-output.ts), the history a SQLite database. Anything else is likely a log.
 */
export type ReplaceableContent = 'vmemwarn output' | 'SQLite database';

/** Bytes of a file's head looked at: each of earlierOutputKind's patterns and SQLite's magic fit in it. */
const HEAD_BYTES = EARLIER_OUTPUT_HEAD_BYTES;

/** How every SQLite 3 database file begins. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether the regular file at `path` (whose size is `size`) may be replaced by what the run writes there: empty, or
 * beginning as `content` does. One that cannot be opened is left to the write, which reports it.
 */
export async function mayReplace(path: string, size: number, content: ReplaceableContent): Promise<boolean> {
  if (size === 0) return true;
  const file = await open(path, 'r').catch(() => undefined);
  if (file === undefined) return true;
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    head = buffer.subarray(0, (await file.read(buffer, 0, HEAD_BYTES, 0)).bytesRead);
  } finally {
    await file.close();
  }
  return content === 'vmemwarn output' ? earlierOutputKind(head) !== undefined : head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC);
}
