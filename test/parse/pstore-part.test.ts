import { isPstorePartHeader } from '../../src/parse/pstore-part.js';

test('pstore part headers, as pstore_dump writes them', () => {
  for (const line of ['Panic#1 Part1', 'Oops#2 Part13', 'Emergency#1 Part2', 'Shutdown#3 Part1 ']) expect(isPstorePartHeader(line)).toBe(true);
  for (const line of ['Panic#1 Part', 'Oops: 0000 [#1] SMP', 'Panic#1 Part1 of the log', 'panic#1 Part1', 'Part1']) expect(isPstorePartHeader(line)).toBe(false);
});
