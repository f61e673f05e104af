/**
 * Bug: a log whose `pgtable:` line is not an arm64 geometry (`swapper pgtable: 0k pages, 0-bit VAs`, a corrupted
 * console line) made `vmemwarn analyze` stop with exit 2, "unsupported page size 0 … Run 'vmemwarn --help'":
 * log content was handled as a bad command-line flag. Found by fuzzing boot-fact lines with random numbers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/api.js';

const STORM = readFileSync(path.resolve(process.cwd(), 'samples/logs/e3-48-4k-amdgpu-populate-storm.log'), 'utf8');
const FIRST_SPLAT = STORM.slice(STORM.indexOf('[   14.200021]'), STORM.indexOf('[   14.200441]'));

test.each([
  '[    0.000000] swapper pgtable: 0k pages, 0-bit VAs, pgdp=00000008812c4000',
  '[    0.000000] user pgtable: 4k pages, 41-bit VAs, pgdp=00000008812c4000',
  '[    0.000000] user pgtable: 8k pages, 48-bit VAs, pgdp=00000008812c4000',
])('%s: the line is ignored, the splat still analyzed', async (line) => {
  const result = await analyzeText(`${line}\n${FIRST_SPLAT}`);
  expect(result.clusters.map((c) => c.title)).toEqual(['WARNING in vmemmap_populate']);
  expect(result.clusters[0]!.vmemmap).toHaveLength(1);
});
