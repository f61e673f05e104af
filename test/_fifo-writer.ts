import { constants, openSync } from 'node:fs';

/**
 * A writer's descriptor on `fifo`, opened once a reader has opened its end (before that a non-blocking open fails
 * with ENXIO), trying every `waitMs` up to `tries` times; undefined if no reader came.
 */
export async function openFifoWriter(fifo: string, tries = 100, waitMs = 50): Promise<number | undefined> {
  for (let tried = 0; tried < tries; tried++) {
    try {
      return openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
  return undefined;
}
