const ABORTED = Symbol('aborted');

/** Resolves to ABORTED once `signal` aborts (never rejects, so a race that no longer listens leaks no rejection). */
function abortedPromise(signal: AbortSignal): { promise: Promise<typeof ABORTED>; dispose: () => void } {
  let onAbort = (): void => undefined;
  const promise = new Promise<typeof ABORTED>((resolve) => {
    onAbort = () => resolve(ABORTED);
    if (signal.aborted) resolve(ABORTED);
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/**
 * Yields `input`'s chunks until `signal` aborts, then throws `Error('interrupted')` at once: an idle stdin or FIFO
 * would otherwise hold a Ctrl-C until its writer sent more data.
 */
export async function* untilAborted<T>(input: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  if (signal === undefined) {
    yield* input;
    return;
  }
  const iterator = input[Symbol.asyncIterator]();
  const aborted = abortedPromise(signal);
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted.promise]);
      if (next === ABORTED) {
        // Not awaited: a read that never completes must not hold up the report.
        void iterator.return?.()?.catch(() => undefined);
        throw new Error('interrupted');
      }
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    aborted.dispose();
  }
}

/** `work`'s value, or `undefined` when `signal` aborts first (opening a FIFO or stdin can wait forever). */
export async function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (signal === undefined) return work;
  const aborted = abortedPromise(signal);
  work.catch(() => undefined);
  try {
    const settled = await Promise.race([work, aborted.promise]);
    return settled === ABORTED ? undefined : settled;
  } finally {
    aborted.dispose();
  }
}
