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

  test('a source failure reaches the copy', async () => {
    const { stream, done } = detachedCopy((async function* () { yield Buffer.from('a'); throw new Error('boom'); })());
    await expect((async () => { for await (const _ of stream) { /* read */ } })()).rejects.toThrow('boom');
    await done;
  });
});
