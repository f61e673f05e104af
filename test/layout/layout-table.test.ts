import { inferLayout } from '../../src/layout/infer.js';
import { layoutTable } from '../../src/layout/layout-table.js';

describe('layoutTable', () => {
  const rows = new Map(
    layoutTable(inferLayout({}, { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096, memstart: 0x8000_0000n })).map((r) => [r.name, r]),
  );

  test.each([
    // E3 48/4K: PAGE_OFFSET = -2^48, PAGE_END = -2^47, START = -2^42, END = START + 2^41.
    ['PAGE_OFFSET', '0xffff000000000000'],
    ['PAGE_END', '0xffff800000000000'],
    ['VMEMMAP_START', '0xfffffc0000000000'],
    ['VMEMMAP_END', '0xfffffe0000000000'],
    ['VMEMMAP_SIZE', '0x20000000000'],
    // START - (0x80000000 >> 12) * 64.
    ['vmemmap (struct page of pfn 0)', '0xfffffbfffe000000'],
    // memstart + 2^47.
    ['linear map covers phys up to', '0x800080000000'],
    // 2^(27 - 12) pages, * 64 bytes.
    ['pages per section', '0x8000'],
    ['memmap bytes per section', '0x200000'],
    ['ARM64_MEMSTART_ALIGN', '0x40000000'],
    ['era', 'E3'],
  ])('%s = %s', (name, value) => {
    expect(rows.get(name)?.value).toBe(value);
  });

  test('provenance names the source of each parameter', () => {
    expect(rows.get('VA_BITS')).toMatchObject({ provenance: 'user: --va-bits 48', confidence: 'high' });
    expect(rows.get('era')?.provenance.startsWith('kernel-version default')).toBe(true);
    expect(rows.get('sizeof(struct page)')?.provenance.startsWith('default')).toBe(true);
  });

  test('a flag is named as the user typed it: --section-bits, not the field it sets', () => {
    const table = layoutTable(inferLayout({}, { kernel: '6.1', sectionShift: 28 }));
    expect(table.find((r) => r.name === 'SECTION_SIZE_BITS')).toMatchObject({ value: '28', provenance: 'user: --section-bits 28' });
  });

  test('derived rows carry the weakest confidence of their inputs', () => {
    // era is a version default (medium), so VMEMMAP_START cannot be high.
    expect(rows.get('VMEMMAP_START')?.confidence).toBe('medium');
  });

  // Found by a review: every derived constant took the weakest of era, page size, VA_BITS and sizeof(struct page),
  // so a defaulted struct page size made PAGE_OFFSET and the section geometry "medium".
  test('a derived row is not made weaker by an input its formula does not read', () => {
    const table = layoutTable(inferLayout({}, { kernel: '6.1', era: 'E3', vaBits: 48, pageSizeBytes: 4096, memstart: 0x8000_0000n, sectionShift: 27 }));
    const confidence = (name: string) => table.find((r) => r.name === name)?.confidence;
    expect(confidence('sizeof(struct page)')).toBe('medium');
    for (const name of ['PAGE_OFFSET', 'PAGE_END', 'linear map covers phys up to', 'pages per section', 'ARM64_MEMSTART_ALIGN', 'pages per subsection']) {
      expect([name, confidence(name)]).toEqual([name, 'high']);
    }
    for (const name of ['VMEMMAP_START', 'VMEMMAP_END', 'vmemmap (struct page of pfn 0)', 'memmap bytes per section', 'memmap bytes per subsection']) {
      expect([name, confidence(name)]).toEqual([name, 'medium']);
    }
  });

  // Found on boot__jetson-tx2_4.4.38-tegra_dmesg.txt: its vmemmap was VMEMMAP_START, which the row showed, under the
  // formula of later eras, which gives VMEMMAP_START - 0x80000 * 64 for its memstart.
  test('E0 (4.4) names the formula it uses for vmemmap: VMEMMAP_START, whatever memstart is', () => {
    const e0 = layoutTable(inferLayout({}, { kernel: '4.4', vaBits: 39, pageSizeBytes: 4096, memstart: 0x8000_0000n }));
    const vmemmap = e0.find((r) => r.name === 'vmemmap (struct page of pfn 0)');
    expect(vmemmap?.value).toBe(e0.find((r) => r.name === 'VMEMMAP_START')?.value);
    expect(vmemmap?.provenance).toBe('computed from VMEMMAP_START (up to 4.4 the array starts at pfn 0)');
  });

  test('E1 PAGE_END is the top of the address space', () => {
    const e1 = layoutTable(inferLayout({}, { kernel: '4.14' }));
    expect(e1.find((r) => r.name === 'PAGE_END')?.value).toBe('2^64');
  });
});

// Found by a review: `layout --era E2` without a release printed SECTION_SIZE_BITS 27 ("no kernel version: recent"),
// yet every kernel up to 5.11 used 30 (f0b13ee23241 "arm64/sparsemem: reduce SECTION_SIZE_BITS" is 5.12); and the
// subsection rows were printed at high confidence for 4.x layouts, though subsections exist only from 5.3.
describe('SECTION_SIZE_BITS and subsections by era without a release (Found by a review)', () => {
  const table = (o: Parameters<typeof inferLayout>[1]) => new Map(layoutTable(inferLayout({}, { vaBits: 48, pageSizeBytes: 4096, ...o })).map((r) => [r.name, r]));

  test.each(['E0', 'E0b', 'E1', 'E2'] as const)('%s: 30, and 2^(30 - 12) = 0x40000 pages per section', (era) => {
    const rows = table({ era });
    expect(rows.get('SECTION_SIZE_BITS')).toMatchObject({ value: '30', provenance: `default: no kernel version: every ${era} kernel (before 5.12) used 30` });
    expect(rows.get('pages per section')?.value).toBe('0x40000');
  });

  test('E3 (5.11 with 30, 5.12 on with 27): the recent value, saying that 5.11 differs', () => {
    const rows = table({ era: 'E3' });
    expect(rows.get('SECTION_SIZE_BITS')?.value).toBe('27');
    expect(rows.get('SECTION_SIZE_BITS')?.provenance).toContain('E3 spans 5.11 (SECTION_SIZE_BITS 30) and 5.12 on');
  });

  test('subsection rows: none before 5.3, low for E1 without a release, as before from 5.4', () => {
    for (const o of [{ era: 'E0' as const }, { era: 'E0b' as const }, { kernel: '4.9' }, { kernel: '5.2' }]) {
      expect([o, table(o).has('pages per subsection')]).toEqual([o, false]);
    }
    expect(table({ era: 'E1' }).get('pages per subsection')).toMatchObject({ value: '0x200', confidence: 'low' });
    expect(table({ era: 'E1' }).get('pages per subsection')?.provenance).toContain('subsections exist only from 5.3');
    // 2 MiB >> 12 = 0x200, from 5.3.
    expect(table({ kernel: '5.3' }).get('pages per subsection')).toMatchObject({ value: '0x200', confidence: 'high' });
    expect(table({ era: 'E2' }).get('pages per subsection')).toMatchObject({ value: '0x200', confidence: 'high' });
  });
});
