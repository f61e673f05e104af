import { closeSync, constants, openSync, writeSync } from 'node:fs';

/** FIFOs whose open is still waiting for a writer, in a thread of libuv's pool. */
export const pendingFifoOpens = new Set<string>();
/** FIFOs open for reading: a read waits in a pool thread while the writer is idle. */
export const fifosBeingRead = new Set<string>();

/**
 * Frees the pool threads blocked on FIFOs, so that a process stopped by Ctrl-C can exit: exit waits for a pool
 * thread blocked in open(2) or read(2). An open waiting for a writer ends when this process is that writer for a
 * moment (the reader then sees an empty input); a read waiting on an idle writer ends when one byte arrives.
 */
export function releaseBlockedFifos(): void {
  for (const path of pendingFifoOpens) {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // Gone, or a writer came meanwhile: nothing to release.
    }
  }
  for (const path of fifosBeingRead) {
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
