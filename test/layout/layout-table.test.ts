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
