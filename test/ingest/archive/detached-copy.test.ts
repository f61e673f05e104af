import { detachedCopy } from '../../../src/ingest/archive/detached-copy.js';

describe('detachedCopy', () => {
  test('copies the source', async () => {
    const { stream, done } = detachedCopy((async function* () { yield Buffer.from('a'); yield Buffer.from('b'); })());
    const parts: Buffer[] = [];
    for await (const c of stream) parts.push(c as Buffer);
    await done;
    expect(Buffer.concat(parts).toString()).toBe('ab');
  });

  test('after the copy is destroyed the source is still read to its end', async () => {
    let produced = 0;
    const source = (async function* () {
      for (let i = 0; i < 100; i++) {
        produced++;
        yield Buffer.alloc(64 * 1024);
      }
    })();
    const { stream, done } = detachedCopy(source);
    stream.destroy();
    await done;
    expect(produced).toBe(100);
  });

  test('a failing source ends the copy after every chunk before the failure, and failure() says why', async () => {
    const copy = detachedCopy((async function* () { yield Buffer.from('a'); yield Buffer.from('b'); throw new Error('boom'); })());
    const read: string[] = [];
    for await (const c of copy.stream) {
      read.push(String(c));
      // A slow reader: the failure comes while it is busy.
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(read).toEqual(['a', 'b']);
    expect(copy.failure()?.message).toBe('boom');
    await copy.done;
  });

  test('a source that ends has no failure', async () => {
    const copy = detachedCopy((async function* () { yield Buffer.from('a'); })());
    for await (const _ of copy.stream) { /* read */ }
    expect(copy.failure()).toBeUndefined();
  });

  test('waiting() is true while the next chunk has not come', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const copy = detachedCopy((async function* () { await gate; yield Buffer.from('a'); })());
    copy.stream.resume();
    await new Promise((r) => setImmediate(r));
    expect(copy.waiting()).toBe(true);
    release();
    await copy.done;
    expect(copy.waiting()).toBe(false);
  });

  test('destroyed while a chunk is on its way, the source is still read to its end', async () => {
    let produced = 0;
    const source = (async function* () {
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 1));
        produced++;
        yield Buffer.from([i]);
      }
    })();
    const { stream, done } = detachedCopy(source);
    stream.once('data', () => stream.destroy());
    await done;
    expect(produced).toBe(5);
  });
});
