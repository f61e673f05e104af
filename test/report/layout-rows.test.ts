import { buildReport } from '../../src/report/model.js';
import { constantRows, layoutRows } from '../../src/report/layout-rows.js';
import { armResult, TOOL } from './fixtures.js';

const layout = () => buildReport([armResult()], { tool: TOOL }).inputs[0]!.clusters[0]!.vmemmap[0]!.layout!;

test('one row per parameter with its source and evidence', () => {
  const rows = layoutRows(layout());
  expect(rows.map((r) => r.parameter)).toEqual(['kernel release', 'layout era', 'page size', 'VA_BITS', 'sizeof(struct page)', 'memstart_addr', 'SECTION_SIZE_BITS']);
  // PAGE_SHIFT 12 → 2^12 bytes = 4 KiB.
  expect(rows[2]).toEqual({
    parameter: 'page size',
    value: '4 KiB (PAGE_SHIFT 12)',
    source: 'log, line 7',
    evidence: 'user pgtable: 4k pages, 48-bit VAs, pgdp=0x0000000081234000',
    confidence: 'high',
  });
  expect(rows[4]).toEqual({ parameter: 'sizeof(struct page)', value: '64 bytes', source: 'default', confidence: 'medium' });
});

test('a layout without a release has no release row', () => {
  const l = layout();
  delete l.release;
  expect(layoutRows(l)[0]?.parameter).toBe('layout era');
});

test('constants by kernel macro name', () => {
  expect(constantRows(layout().constants)).toContainEqual(['VMEMMAP_SIZE', '0x20000000000 (2 TiB)']);
});
