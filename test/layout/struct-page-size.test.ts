import { DEFAULT_STRUCT_PAGE_SIZE, inferStructPageSize } from '../../src/layout/struct-page-size.js';

// A whole section's memmap is 2^(SECTION_SIZE_BITS - PAGE_SHIFT) struct pages: 2^15 with 4K pages and 2^27 sections.
const SECTION_4K = 1n << 15n;

describe('inferStructPageSize', () => {
  test('--struct-page-size wins', () => {
    expect(inferStructPageSize({ largestCall: SECTION_4K * 80n, startStep: SECTION_4K * 80n }, 72, [])).toMatchObject({ value: 72, source: { kind: 'user' }, confidence: 'high' });
  });

  test('no call: the default', () => {
    const notes: string[] = [];
    expect(inferStructPageSize({}, undefined, notes)).toMatchObject({ value: DEFAULT_STRUCT_PAGE_SIZE, source: { kind: 'default' }, confidence: 'medium' });
    expect(notes).toEqual([]);
  });

  test('a storm of whole 64-byte sections keeps 64', () => {
    const notes: string[] = [];
    expect(inferStructPageSize({ largestCall: SECTION_4K * 64n, startStep: SECTION_4K * 64n }, undefined, notes).value).toBe(64);
    expect(notes).toEqual([]);
  });

  test.each([80, 72, 96])('calls of 2^15 × %i bytes, end to end, give that size', (size) => {
    const call = SECTION_4K * BigInt(size);
    const notes: string[] = [];
    const r = inferStructPageSize({ largestCall: call, startStep: call }, undefined, notes);
    expect(r).toMatchObject({ value: size, source: { kind: 'register' }, confidence: 'medium' });
    expect(r.source.text).toContain(`2^15 struct pages of ${size} bytes (4K pages, SECTION_SIZE_BITS 27)`);
    expect(notes).toEqual([]);
  });

  test('a storm walking down, each call ending where the one before began, counts too', () => {
    const call = SECTION_4K * 80n;
    expect(inferStructPageSize({ largestCall: call, startStep: -call }, undefined, []).value).toBe(80);
  });

  test('56 and 112 both fit 7 × 2^18 bytes: the one nearer 64', () => {
    const call = SECTION_4K * 56n;
    expect(inferStructPageSize({ largestCall: call, startStep: call }, undefined, []).value).toBe(56);
  });

  test('one call, or calls that do not follow each other, only earn a note', () => {
    const call = SECTION_4K * 80n;
    for (const startStep of [undefined, call * 2n]) {
      const notes: string[] = [];
      const r = inferStructPageSize({ largestCall: call, ...(startStep !== undefined && { startStep }) }, undefined, notes);
      expect(r.value).toBe(64);
      expect(notes).toEqual([expect.stringContaining('rerun with --struct-page-size 80')]);
    }
  });

  test('one call and a register holding a constant of that size, and of no 64-byte layout, give the size', () => {
    const call = SECTION_4K * 80n;
    const constantUnder = (size: number) => (size === 80 ? 'x5 = 0x… is VMEMMAP_START of E4 48-bit/4K' : undefined);
    const notes: string[] = [];
    const r = inferStructPageSize({ largestCall: call }, undefined, notes, constantUnder);
    expect(r).toMatchObject({ value: 80, source: { kind: 'register' }, confidence: 'medium' });
    expect(r.source.text).toContain('and x5 = 0x… is VMEMMAP_START of E4 48-bit/4K for 80-byte struct pages');
    expect(notes).toEqual([]);
  });

  test('a register that is a constant of a 64-byte layout keeps 64', () => {
    const call = SECTION_4K * 80n;
    const notes: string[] = [];
    expect(inferStructPageSize({ largestCall: call }, undefined, notes, () => 'x5 = … is VMEMMAP_START').value).toBe(64);
    expect(notes).toEqual([expect.stringContaining('rerun with --struct-page-size 80')]);
  });

  test('a call shorter than any section (a small region) is no evidence', () => {
    // nouveau's 2 MiB chunks: one subsection, 512 4K pages of 64 bytes.
    const notes: string[] = [];
    expect(inferStructPageSize({ largestCall: 512n * 64n, startStep: 512n * 64n }, undefined, notes).value).toBe(64);
    expect(notes).toEqual([]);
  });
});
