const ABORTED = Symbol('aborted');

/** What `untilAborted` throws: the read was stopped, not broken; the bytes after the last line break are no line. */
export class ReadInterrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/**
 * `work`'s outcome, or ABORTED as soon as `signal` aborts. The abort listener lives only as long as `work`: racing
 * many reads against one long-lived promise would pin every chunk read (each race leaves a reaction on it).
 */
function settleOrAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
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
export async function* untilAborted<T>(input: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (signal === undefined) {
    yield* input;
    return;
  }
  const iterator = input[Symbol.asyncIterator]();
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
