import { Readable } from 'node:stream';
import { asyncIteratorOf } from '../../src/util/async-iterator-of.js';

async function drain<T>(iterator: AsyncIterator<T>): Promise<T[]> {
  const out: T[] = [];
  for (let step = await iterator.next(); step.done !== true; step = await iterator.next()) out.push(step.value);
  return out;
}

test('an async iterable gives its own iterator', async () => {
  const stream = Readable.from(['a', 'b']);
  expect(await drain(asyncIteratorOf<string>(stream))).toEqual(['a', 'b']);
});

test('a sync iterable (an array of Buffers) is iterated asynchronously, and return() reaches it', async () => {
  expect(await drain(asyncIteratorOf([Buffer.from('a'), Buffer.from('b')]))).toEqual([Buffer.from('a'), Buffer.from('b')]);
  let returned = false;
  const source: Iterable<number> = {
    [Symbol.iterator]: () => ({ next: () => ({ done: false, value: 1 }), return: () => ((returned = true), { done: true, value: undefined }) }),
  };
  const iterator = asyncIteratorOf(source);
  expect(await iterator.next()).toEqual({ done: false, value: 1 });
  await iterator.return?.();
  expect(returned).toBe(true);
});
