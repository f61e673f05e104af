import { asBuffer } from '../../src/ingest/as-buffer.js';

test('a Buffer is returned as it is', () => {
  const buffer = Buffer.from('abc');
  expect(asBuffer(buffer)).toBe(buffer);
});

test('a Uint8Array view becomes a Buffer over the same bytes, not a copy', () => {
  const whole = new Uint8Array([1, 2, 3, 4, 5]);
  const view = whole.subarray(1, 4);
  const buffer = asBuffer(view);
  expect(Buffer.isBuffer(buffer)).toBe(true);
  expect([...buffer]).toEqual([...view]);
  whole[2] = 99;
  expect(buffer[1]).toBe(99);
});

test('a string becomes its UTF-8 bytes', () => {
  expect(asBuffer('é')).toEqual(Buffer.from([0xc3, 0xa9]));
});
