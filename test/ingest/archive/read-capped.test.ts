import { Readable } from 'node:stream';
import { readCapped } from '../../../src/ingest/archive/read-capped.js';

describe('readCapped', () => {
  const chunks = () => Readable.from([Buffer.from('1234'), Buffer.from('5678')]);

  test('at the cap the whole stream is returned', async () => {
    expect((await readCapped(chunks(), 8))?.toString()).toBe('12345678');
  });

  test('one byte over the cap gives undefined and the stream is drained', async () => {
    const input = chunks();
    expect(await readCapped(input, 7)).toBeUndefined();
    expect(input.readableEnded).toBe(true);
  });
});
