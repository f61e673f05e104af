import { ByteReader } from '../../src/ingest/byte-reader.js';

async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

test('take spans chunks and returns less only at the end', async () => {
  const r = new ByteReader(chunks('ab', '', 'cde', 'f'));
  expect((await r.take(4)).toString()).toBe('abcd');
  expect((await r.take(4)).toString()).toBe('ef');
  expect((await r.take(4)).length).toBe(0);
});

test('unshift puts bytes back in front', async () => {
  const r = new ByteReader(chunks('abc', 'def'));
  const first = await r.next();
  r.unshift(first!.subarray(1));
  expect((await r.take(5)).toString()).toBe('bcdef');
});

test('skipPastZero and onlyZerosLeft', async () => {
  const r = new ByteReader(chunks('name', '\0rest'));
  expect(await r.skipPastZero()).toBe(true);
  expect((await r.take(4)).toString()).toBe('rest');
  expect(await new ByteReader(chunks('\0\0', '\0')).onlyZerosLeft()).toBe(true);
  expect(await new ByteReader(chunks('\0\0', 'x')).onlyZerosLeft()).toBe(false);
  expect(await new ByteReader(chunks('no zero')).skipPastZero()).toBe(false);
});

test('next(maxBytes) hands a large chunk out in pieces, holding the rest', async () => {
  const r = new ByteReader(chunks('abcdefg', 'hi'));
  const got: string[] = [];
  for (let c = await r.next(3); c !== undefined; c = await r.next(3)) got.push(c.toString());
  expect(got).toEqual(['abc', 'def', 'g', 'hi']);
});
