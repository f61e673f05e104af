import type { EventEmitter } from 'node:events';

/**
 * Resolves on the first of `events` on `emitter`, or when `start` calls the callback it is given, whichever comes
 * first, and removes its listeners then. It never rejects: an `error` among `events` only settles it, and the
 * caller reads the error from a listener of its own.
 */
export function firstEvent(emitter: EventEmitter, events: readonly string[], start?: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      for (const event of events) emitter.off(event, done);
      resolve();
    };
    for (const event of events) emitter.on(event, done);
    start?.(done);
  });
}
