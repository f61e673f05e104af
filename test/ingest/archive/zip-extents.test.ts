import { ZipExtents } from '../../../src/ingest/archive/zip-extents.js';

test('members of a sound zip, in any order, never overlap (each takes its 30-byte header and its data at least)', () => {
  const extents = new ZipExtents();
  // Three members back to back with 5-byte names: header 30 + name 5 + data.
  const members = [[0, 100], [135, 0], [170, 20]] as const;
  for (const [offset, size] of [members[2], members[0], members[1]]) expect(extents.add(offset, size)).toBe(true);
});

test('an entry whose header lies inside another member, or on it, overlaps', () => {
  const extents = new ZipExtents();
  expect(extents.add(1000, 500)).toBe(true);
  expect(extents.add(1000, 500)).toBe(false);
  expect(extents.add(1200, 10)).toBe(false);
  // Starts before, reaches into it.
  expect(extents.add(900, 100)).toBe(false);
  expect(extents.add(900, 69)).toBe(true);
  expect(extents.add(1530, 0)).toBe(true);
});
