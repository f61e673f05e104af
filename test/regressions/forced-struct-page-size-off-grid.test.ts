/**
 * Bug: `analyze storm.log --struct-page-size 72` on a storm of 64-byte struct pages (each call 0x200000 bytes of
 * memmap, x0 on the 64-byte grid) rounded the ranges to whole 72-byte struct pages and said so in a note, yet kept
 * confidence "high". Found by a review of the CLI.
 */
import path from 'node:path';
import { analyzeFile } from '../../src/api.js';

const STORM = path.resolve(process.cwd(), 'samples/logs/e3-48-4k-amdgpu-populate-storm.log');
const OFF_GRID = /^a struct page address is not a whole number of struct pages from vmemmap under this layout/;

test('a struct page size the registers fall between: low confidence beside the note', async () => {
  const forced = (await analyzeFile(STORM, { layout: { structPageSize: 72 } })).clusters[0]!.vmemmap[0]!;
  expect(forced.layout?.structPageSize.value).toBe(72);
  expect(forced.notes.some((n) => OFF_GRID.test(n))).toBe(true);
  expect(forced.confidence).toBe('low');

  const inferred = (await analyzeFile(STORM)).clusters[0]!.vmemmap[0]!;
  expect(inferred.notes.some((n) => OFF_GRID.test(n))).toBe(false);
  expect(inferred.confidence).toBe('high');
});
