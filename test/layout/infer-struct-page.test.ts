import { computeConstants } from '../../src/layout/constants.js';
import { inferLayout } from '../../src/layout/infer.js';

// E3 39-bit/4K with 64-byte struct pages (6.1): a subsection is 512 pages, 0x8000 bytes of memmap; a section 64 of them.
const E3_39_4K = computeConstants({ era: 'E3', pageShift: 12, vaBits: 39, structPageSize: 64, memstart: 0x8000_0000n, sectionShift: 27 });
const SUBSECTION_MEMMAP = E3_39_4K.memmapBytesPerSubsection;
const startAt = (subsection: bigint): bigint => E3_39_4K.vmemmapStart + subsection * SUBSECTION_MEMMAP;

describe('inferStructPageAndShape: storms a 64-byte kernel makes that other sizes could explain', () => {
  // Regions of 56 subsections: 56/64 of a 4K section, which is a whole 4K section of 56-byte struct pages (2^15 × 56),
  // and VMEMMAP_START of 39/4K is the same constant for 56 and 64 bytes (order_base_2 of both is 6).
  const call = 56n * SUBSECTION_MEMMAP;
  const evidence = {
    splatRelease: '6.1.0',
    largestCall: call,
    largestCallStart: startAt(0n),
    startStep: call,
    registerValues: [{ reg: 'x5', value: E3_39_4K.vmemmapStart }],
  };

  test('calls that follow each other on one grid read as whole sections of 56-byte struct pages', () => {
    expect(inferLayout(evidence).structPageSize.value).toBe(56);
  });

  test('a call off that grid (a region cut at a section) leaves 64 bytes, and names 56', () => {
    const l = inferLayout({ ...evidence, callsOnGrid: false });
    expect(l.structPageSize.value).toBe(64);
    expect(l.pageShift.value).toBe(12);
    expect(l.assumptions.join('\n')).toContain('--struct-page-size 56');
  });

  test('a register that is a 64-byte constant of one shape and an 88-byte one of another keeps 64, and names 88', () => {
    // 22 subsections of 39/4K memmap are 2^13 struct pages of 88 bytes: a whole 64K section (SECTION_SIZE_BITS 29). With
    // 88-byte struct pages VMEMMAP_SHIFT is 16 - 7, so 42/64K's VMEMMAP_START is -2^(42 - 9): 39/4K's with 64 bytes.
    const e42 = computeConstants({ era: 'E3', pageShift: 16, vaBits: 42, structPageSize: 88, memstart: 0x8000_0000n, sectionShift: 29 });
    expect(e42.vmemmapStart).toBe(E3_39_4K.vmemmapStart);
    const partial = 22n * SUBSECTION_MEMMAP;
    expect(partial).toBe(e42.memmapBytesPerSection);
    const l = inferLayout({ ...evidence, largestCall: partial, largestCallStart: startAt(22n * 7n), startStep: partial });
    expect(l.structPageSize.value).toBe(64);
    expect(l.assumptions.join('\n')).toMatch(/whole sections of 88-byte|--struct-page-size 88/);
  });
});
