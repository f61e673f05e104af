import { closeSync, constants, openSync, writeSync } from 'node:fs';
import type { Readable } from 'node:stream';

/** FIFOs whose open is still waiting for a writer, in a thread of libuv's pool. */
export const pendingFifoOpens = new Set<string>();
/** FIFOs open for reading, with their streams: a read waits in a pool thread while the writer is idle. */
export const fifosBeingRead = new Map<string, Readable>();

/**
 * Frees the pool threads blocked on FIFOs, so that a stopped run lets its process exit: exit waits for a pool thread
 * blocked in open(2) or read(2). An open waiting for a writer ends when this process is that writer for a moment
 * (the reader then sees an empty input); a read waiting on an idle writer ends when one byte arrives. `only`: the
 * FIFOs of one run (the library's, on abort); all of them by default (the CLI, at exit).
 */
export function releaseBlockedFifos(only?: string | ReadonlySet<string>): void {
  const skip = (path: string): boolean => (typeof only === 'string' ? path !== only : only !== undefined && !only.has(path));
  for (const path of pendingFifoOpens) {
    if (skip(path)) continue;
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // Gone, or a writer came meanwhile: nothing to release.
    }
  }
  for (const [path, stream] of fifosBeingRead) {
    if (skip(path)) continue;
    // Destroyed first, so that the stream does not read ahead again once the byte has ended the read in progress.
    stream.destroy();
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        writeSync(fd, '\n');
      } finally {
        closeSync(fd);
      }
    } catch {
      // Gone, or full (then no read is waiting): nothing to release.
    }
  }
}

/**
 * After a stop, nothing a read of `spec` opened may keep the embedding process alive: a FIFO open or read blocked in
 * libuv's pool is released, and stdin (`-`) stops being read (a pipe whose writer idles would otherwise hold the
 * process open).
 */
export function letGoOfInput(spec: string): void {
  if (spec !== '-') return releaseBlockedFifos(spec);
  process.stdin.pause();
  (process.stdin as { unref?: () => void }).unref?.();
}
