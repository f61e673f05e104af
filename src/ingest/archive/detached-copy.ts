import { Readable } from 'node:stream';

export interface DetachedCopy {
  stream: Readable;
  /** Settles once the source has been read to its end or failed. */
  done: Promise<void>;
  /** Whether the copy is waiting for the source's next chunk. */
  waiting(): boolean;
  /** Why the source failed, once it has; the copy itself ends normally after the chunks that came before. */
  failure(): Error | undefined;
}

/**
 * A stream of `source`'s chunks that the consumer may destroy at will: the source is then drained and discarded
 * instead of being destroyed (destroying a tar-stream entry would destroy the whole archive).
 *
 * A failing source ends the copy as if it had ended, and the failure is kept for `failure()`. Passed on as the
 * copy's error, it would be lost with every chunk still buffered between here and the reader: a stream destroyed
 * with an error drops what it holds, and a member cut short in a truncated archive lost its lines that way.
 */
export function detachedCopy(source: AsyncIterable<Buffer>): DetachedCopy {
  const chunks = source[Symbol.asyncIterator]();
  let settle!: () => void;
  const done = new Promise<void>((resolve) => (settle = resolve));
  let ended = false;
  let failed: Error | undefined;
  let pending: Promise<unknown> | undefined;
  const end = (): void => {
    ended = true;
    settle();
  };
  const drain = async (): Promise<void> => {
    try {
      await pending;
      while (!ended && (await chunks.next()).done !== true);
    } catch {
      // Nobody reads the copy any more: the failure has no one to go to.
    }
    end();
  };
  const stream = new Readable({
    read() {
      const step = chunks.next();
      pending = step.then(
        (s) => {
          pending = undefined;
          if (ended || this.destroyed) return;
          if (s.done === true) {
            end();
            this.push(null);
          } else this.push(s.value);
        },
        (err: unknown) => {
          pending = undefined;
          if (ended) return;
          failed = err instanceof Error ? err : new Error(String(err));
          end();
          this.push(null);
        },
      );
    },
    destroy(err, callback) {
      if (!ended) void drain();
      callback(err);
    },
  });
  return { stream, done, waiting: () => pending !== undefined, failure: () => failed };
}
