/**
 * The async iterator of `input`, or one over its sync iterator: `analyzeStream` takes any iterable of Buffers, and an
 * array of them has no `Symbol.asyncIterator` (a stopped read with a signal had failed on it).
 */
export function asyncIteratorOf<T>(input: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in input) return input[Symbol.asyncIterator]();
  return (async function* (): AsyncGenerator<T, void, undefined> {
    yield* input;
  })();
}
