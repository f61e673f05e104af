import { unlessAborted, unlessAbortedReleasing, untilAborted } from '../src/until-aborted.js';

async function* chunksThenSilence(chunks: string[]): AsyncGenerator<string> {
  yield* chunks;
  await new Promise<never>(() => undefined);
}

async function collect(input: AsyncIterable<string>): Promise<{ got: string[]; error?: string }> {
  const got: string[] = [];
  try {
    for await (const c of input) got.push(c);
  } catch (error) {
    return { got, error: (error as Error).message };
  }
  return { got };
}

test('without a signal it passes everything through', async () => {
  expect(await collect(untilAborted((async function* () { yield* ['a', 'b']; })(), undefined))).toEqual({ got: ['a', 'b'] });
});

test('an abort during a read that never completes throws at once, after the chunks already read', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 20);
  expect(await collect(untilAborted(chunksThenSilence(['a', 'b']), controller.signal))).toEqual({ got: ['a', 'b'], error: 'interrupted' });
});

test('an already aborted signal reads nothing', async () => {
  expect(await collect(untilAborted(chunksThenSilence(['a']), AbortSignal.abort()))).toEqual({ got: [], error: 'interrupted' });
});

test('the abort listener is removed after each read, so a long read does not pile them up', async () => {
  const controller = new AbortController();
  let added = 0;
  let removed = 0;
  const add = controller.signal.addEventListener.bind(controller.signal);
  const remove = controller.signal.removeEventListener.bind(controller.signal);
  controller.signal.addEventListener = ((...args: Parameters<typeof add>) => (added++, add(...args))) as typeof add;
  controller.signal.removeEventListener = ((...args: Parameters<typeof remove>) => (removed++, remove(...args))) as typeof remove;
  const many = (async function* () { for (let i = 0; i < 100; i++) yield String(i); })();
  expect((await collect(untilAborted(many, controller.signal))).got).toHaveLength(100);
  expect(added).toBe(101);
  expect(removed).toBe(added);
});

test('unlessAborted: the value, or undefined when the abort comes first', async () => {
  expect(await unlessAborted(Promise.resolve(7), new AbortController().signal)).toBe(7);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 10);
  expect(await unlessAborted(new Promise<number>(() => undefined), controller.signal)).toBeUndefined();
  await expect(unlessAborted(Promise.reject(new Error('no such file')), new AbortController().signal)).rejects.toThrow('no such file');
});

describe('unlessAbortedReleasing', () => {
  test('what the work acquires after the abort won is released, before it returns when no I/O was awaited', async () => {
    const released: string[] = [];
    const acquiring = Promise.resolve().then(() => 'descriptor');
    expect(await unlessAbortedReleasing(acquiring, AbortSignal.abort(), (value) => released.push(value))).toBeUndefined();
    expect(released).toEqual(['descriptor']);
  });

  test('work that settles later is released when it settles; without an abort the value is returned, not released', async () => {
    const released: string[] = [];
    let settle: (value: string) => void = () => undefined;
    const slow = new Promise<string>((resolve) => (settle = resolve));
    expect(await unlessAbortedReleasing(slow, AbortSignal.abort(), (value) => released.push(value))).toBeUndefined();
    expect(released).toEqual([]);
    settle('fifo');
    await slow;
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toEqual(['fifo']);
    expect(await unlessAbortedReleasing(Promise.resolve('file'), new AbortController().signal, (value) => released.push(value))).toBe('file');
    expect(released).toEqual(['fifo']);
  });
});
