import { ChunkPool, RECYCLE_NEVER, RECYCLED_BUFFERS } from '../../src/ingest/chunk-pool.js';

const RECYCLE_ALWAYS = (): boolean => true;

/** Takes `n` buffers, handing each out before the next is taken, as a reader does. */
function readChunks(pool: ChunkPool, n: number): Buffer[] {
  const taken: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const b = pool.take();
    pool.handOut(b);
    taken.push(b);
  }
  return taken;
}

test('without recycling every chunk is a buffer of its own', () => {
  const taken = readChunks(new ChunkPool(16, RECYCLE_NEVER), 3 * RECYCLED_BUFFERS);
  expect(new Set(taken).size).toBe(taken.length);
  expect(taken.every((b) => b.length === 16)).toBe(true);
});

test('with recycling a buffer comes back when the eighth chunk after it is read, never sooner', () => {
  const taken = readChunks(new ChunkPool(16, RECYCLE_ALWAYS), 3 * RECYCLED_BUFFERS);
  expect(new Set(taken).size).toBe(RECYCLED_BUFFERS);
  for (let i = 0; i < taken.length; i++) {
    // The chunks a consumer may still be reading: the one it has and the seven before it.
    const window = taken.slice(Math.max(0, i - (RECYCLED_BUFFERS - 1)), i + 1);
    expect(new Set(window).size).toBe(window.length);
  }
  expect(taken[RECYCLED_BUFFERS]).toBe(taken[0]);
});

test('buffers written ahead of handing out (a bzip2 block) are reused by the next batch, not while handed out', () => {
  const pool = new ChunkPool(16, RECYCLE_ALWAYS);
  const batch = (n: number): Buffer[] => {
    const written = Array.from({ length: n }, () => pool.take());
    for (const b of written) pool.handOut(b);
    return written;
  };
  const first = batch(20);
  const second = batch(20);
  // All but the last seven of the first batch are free again when the second is written.
  expect(second.filter((b) => first.includes(b))).toHaveLength(20 - (RECYCLED_BUFFERS - 1));
  expect(second.some((b) => first.slice(-(RECYCLED_BUFFERS - 1)).includes(b))).toBe(false);
  const third = batch(20);
  expect(new Set([...first, ...second, ...third]).size).toBe(20 + RECYCLED_BUFFERS - 1);
});

test('turned on while it runs, it never writes again a chunk handed out before', () => {
  let on = false;
  const pool = new ChunkPool(16, () => on);
  const before = readChunks(pool, 3);
  on = true;
  const after = readChunks(pool, 4 * RECYCLED_BUFFERS);
  expect(after.some((b) => before.includes(b))).toBe(false);
  expect(new Set(after).size).toBe(RECYCLED_BUFFERS);
});
