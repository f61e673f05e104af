import { closeSync, constants, openSync } from 'node:fs';

/** FIFOs whose open is still waiting for a writer, in a thread of libuv's pool. */
export const pendingFifoOpens = new Set<string>();

/**
 * Ends the opens still waiting for a FIFO's writer by being that writer for a moment: the reader then sees an empty
 * input. Without it a process stopped by Ctrl-C cannot exit, as exit waits for the pool thread blocked in open(2).
 */
export function releasePendingFifoOpens(): void {
  for (const path of pendingFifoOpens) {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // Gone, or a writer came meanwhile: nothing to release.
    }
  }
}
