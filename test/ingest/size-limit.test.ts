import { InputError } from '../../src/errors.js';
import { DecompressBudget, DecompressLimitError, DEFAULT_MAX_DECOMPRESSED_BYTES, limitSize } from '../../src/ingest/size-limit.js';

async function* bytes(...sizes: number[]) {
  for (const size of sizes) yield new Uint8Array(size);
}

async function total(source: AsyncIterable<Buffer>): Promise<number> {
  let n = 0;
  for await (const chunk of source) n += chunk.length;
  return n;
}

test('the default is 4 GiB', () => {
  expect(DEFAULT_MAX_DECOMPRESSED_BYTES).toBe(2 ** 32);
});

test('exactly the limit passes', async () => {
  expect(await total(limitSize(bytes(6, 4), 10, 'a.gz'))).toBe(10);
});

test('one byte over the limit fails naming the input', async () => {
  await expect(total(limitSize(bytes(6, 5), 10, 'a.gz'))).rejects.toThrow(
    new InputError('a.gz', 'decompressed data exceeds the limit of 10 bytes (--max-decompressed; maxDecompressedBytes in the API)'),
  );
});

// Found by review: over the limit, the chunk that crossed it was dropped whole (a gzip log with a 60,000-byte limit
// was analysed from 0 bytes).
test('the bytes up to the limit are passed on before the error', async () => {
  const seen: number[] = [];
  const reading = (async () => {
    for await (const chunk of limitSize(bytes(6, 5), 10, 'a.gz')) seen.push(chunk.length);
  })();
  await expect(reading).rejects.toThrow(InputError);
  expect(seen).toEqual([6, 4]);
});

test('a shared budget is drawn on by every stream that uses it, and marks itself exhausted', async () => {
  const budget = new DecompressBudget(10);
  expect(await total(limitSize(bytes(3, 3), budget, 'a.gz'))).toBe(6);
  expect(budget).toMatchObject({ used: 6, exhausted: false });
  const seen: number[] = [];
  const second = (async () => {
    for await (const chunk of limitSize(bytes(3, 3), budget, 'b.gz')) seen.push(chunk.length);
  })();
  await expect(second).rejects.toThrow(DecompressLimitError);
  await expect(second).rejects.toThrow(new InputError('b.gz', 'decompressed data exceeds the limit of 10 bytes (--max-decompressed; maxDecompressedBytes in the API)'));
  expect(seen).toEqual([3, 1]);
  expect(budget).toMatchObject({ used: 10, exhausted: true });
});

test('a budget used up to the byte is exhausted: the next decompression would cross it (found by a review)', async () => {
  const budget = new DecompressBudget(6);
  expect(await total(limitSize(bytes(3, 3), budget, 'a.gz'))).toBe(6);
  expect(budget).toMatchObject({ used: 6, exhausted: true });
});
