/**
 * Bug: `CPU features: detected: 52-bit Virtual Addressing (LVA)` in a 6.1 log without a `pgtable:` line made
 * `vmemwarn analyze` stop with exit 2, "52-bit VAs with 4K pages need era E4 or later, not E3": the 4K default was
 * combined with 52-bit VAs. Before 6.9 (LPA2) only 64K pages give 52-bit VAs, so that is the page size to assume.
 * Found by fuzzing boot-fact lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/api.js';

const STORM = readFileSync(path.resolve(process.cwd(), 'samples/logs/e3-48-4k-amdgpu-populate-storm.log'), 'utf8');
const FIRST_SPLAT = STORM.slice(STORM.indexOf('[   14.200021]'), STORM.indexOf('[   14.200441]'));

test('52-bit VAs on a 6.1 kernel are analyzed under 64K pages', async () => {
  const result = await analyzeText(`[    0.000040] CPU features: detected: 52-bit Virtual Addressing (LVA)\n${FIRST_SPLAT}`);
  const layout = result.clusters[0]!.vmemmap[0]!.layout!;
  expect(layout.vaBits.value).toBe(52);
  // 64K pages: PAGE_SHIFT 16.
  expect(layout.pageShift.value).toBe(16);
});
