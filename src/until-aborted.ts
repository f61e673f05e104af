import { turnOfEventLoop } from './util/turn-of-event-loop.js';
import { asyncIteratorOf } from './util/async-iterator-of.js';

const ABORTED = Symbol('aborted');

/**
 * What `untilAborted` throws: the read was stopped, not broken; the bytes after the last line break are no line. A
 * library caller meets it from `runTriage` stopped while it still waits for its `ignoreFile` (a FIFO or `-`): there is
 * nothing to summarize yet. The analyses resolve with `interrupted: true` instead.
 */
export class ReadInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'ReadInterrupted';
  }
}

/**
 * `work`'s outcome, or ABORTED as soon as `signal` aborts. The abort listener lives only as long as `work`: racing
 * many reads against one long-lived promise would pin every chunk read (each race leaves a reaction on it).
 */
function settleOrAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) {
    // Given up on: a read that fails later (its stream destroyed once the run stopped) is no unhandled rejection.
    work.catch(() => undefined);
    return Promise.resolve(ABORTED);
  }
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Yields `input`'s chunks until `signal` aborts, then throws `ReadInterrupted` at once: an idle stdin or FIFO
 * would otherwise hold a Ctrl-C until its writer sent more data.
 */
export async function* untilAborted<T>(input: AsyncIterable<T> | Iterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (signal === undefined) {
    yield* input;
    return;
  }
  const iterator = asyncIteratorOf(input);
  for (;;) {
    const next = await settleOrAbort(iterator.next(), signal);
    if (next === ABORTED) {
      // Not awaited: a read that never completes must not hold up the report.
      void iterator.return?.()?.catch(() => undefined);
      throw new ReadInterrupted();
    }
    if (next.done === true) return;
    yield next.value;
  }
}

/** `work`'s value, or `undefined` when `signal` aborts first (opening a FIFO or stdin can wait forever). */
export async function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (signal === undefined) return work;
  const settled = await settleOrAbort(work, signal);
  return settled === ABORTED ? undefined : settled;
}

/**
 * `unlessAborted` for work that acquires something (an input it opens): when the abort wins, what `work` comes to
 * later is handed to `release`, not dropped. Work that settles without waiting on I/O (a regular file's open and
 * first read) is released before this returns; the rest when it settles (a FIFO open, once a writer comes).
 */
export async function unlessAbortedReleasing<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  release: (value: T) => void,
): Promise<T | undefined> {
  if (signal === undefined) return work;
  const settled = await settleOrAbort(work, signal);
  if (settled !== ABORTED) return settled;
  const released = work.then(release, () => undefined);
  await Promise.race([released, turnOfEventLoop()]);
  return undefined;
}
