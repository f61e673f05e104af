import { DEFAULT_STRUCT_PAGE_SIZE, inferStructPageSize } from '../../src/layout/struct-page-size.js';

// A whole section's memmap is 2^(SECTION_SIZE_BITS - PAGE_SHIFT) struct pages: 2^15 with 4K pages and 2^27 sections.
const SECTION_4K = 1n << 15n;
const storm = (call: bigint) => ({ largestCall: call, startStep: call });

describe('inferStructPageSize', () => {
  test('--struct-page-size wins', () => {
    expect(inferStructPageSize(storm(SECTION_4K * 80n), { override: 72 }, [])).toMatchObject({ value: 72, source: { kind: 'user' }, confidence: 'high' });
  });

  test('no call: the default', () => {
    const notes: string[] = [];
    expect(inferStructPageSize({}, {}, notes)).toMatchObject({ value: DEFAULT_STRUCT_PAGE_SIZE, source: { kind: 'default' }, confidence: 'medium' });
    expect(notes).toEqual([]);
  });

  test('a storm of whole 64-byte sections keeps 64', () => {
    const notes: string[] = [];
    expect(inferStructPageSize(storm(SECTION_4K * 64n), {}, notes).value).toBe(64);
    expect(notes).toEqual([]);
  });

  test.each([80, 72, 96])('calls of 2^15 × %i bytes, end to end, give that size', (size) => {
    const notes: string[] = [];
    const r = inferStructPageSize(storm(SECTION_4K * BigInt(size)), { known: { release: '6.1.0' } }, notes);
    expect(r).toMatchObject({ value: size, source: { kind: 'register' }, confidence: 'medium' });
    expect(r.source.text).toContain(`2^15 struct pages of ${size} bytes (4K pages, SECTION_SIZE_BITS 27)`);
    expect(notes).toEqual([]);
  });

  test('a storm walking down, each call ending where the one before began, counts too', () => {
    const call = SECTION_4K * 80n;
    expect(inferStructPageSize({ largestCall: call, startStep: -call }, {}, []).value).toBe(80);
  });

  test('56 and 112 both fit 7 × 2^18 bytes (4K/2^27 and 64K/2^30): the one nearer 64', () => {
    expect(inferStructPageSize(storm(SECTION_4K * 56n), {}, []).value).toBe(56);
  });

  test('one call, or calls that do not follow each other, only earn a note', () => {
    const call = SECTION_4K * 80n;
    for (const startStep of [undefined, call * 2n]) {
      const notes: string[] = [];
      const r = inferStructPageSize({ largestCall: call, ...(startStep !== undefined && { startStep }) }, {}, notes);
      expect(r.value).toBe(64);
      expect(notes).toEqual([expect.stringContaining('rerun with --struct-page-size 80')]);
    }
  });

  test('one call and a register holding a constant of that size, and of no 64-byte layout, give the size', () => {
    const constantUnder = (size: number) => (size === 80 ? 'x5 = 0x… is VMEMMAP_START of E4 48-bit/4K' : undefined);
    const notes: string[] = [];
    const r = inferStructPageSize({ largestCall: SECTION_4K * 80n }, { constantUnder }, notes);
    expect(r).toMatchObject({ value: 80, source: { kind: 'register' }, confidence: 'medium' });
    expect(r.source.text).toContain('and x5 = 0x… is VMEMMAP_START of E4 48-bit/4K for 80-byte struct pages');
    expect(notes).toEqual([]);
  });

  test('a register that is a constant of a 64-byte layout keeps 64, calls end to end or not, with nothing to note', () => {
    for (const e of [{ largestCall: SECTION_4K * 80n }, storm(SECTION_4K * 80n)]) {
      const notes: string[] = [];
      expect(inferStructPageSize(e, { constantUnder: (size) => (size === 64 ? 'x5 = … is VMEMMAP_START' : undefined) }, notes).value).toBe(64);
      expect(notes).toEqual([]);
    }
  });

  test('a register that is a constant under both sizes (E2/E3 share them across sizes) decides nothing', () => {
    expect(inferStructPageSize(storm(SECTION_4K * 80n), { constantUnder: () => 'x5 = … is VMEMMAP_START' }, []).value).toBe(80);
    const notes: string[] = [];
    expect(inferStructPageSize({ largestCall: SECTION_4K * 80n }, { constantUnder: () => 'x5 = … is VMEMMAP_START' }, notes).value).toBe(64);
    expect(notes).toEqual([expect.stringContaining('rerun with --struct-page-size 80')]);
  });

  // 48 subsections of 512 4K pages of 64 bytes, 0x180000: whole only as 2^14 struct pages of 96 bytes, 64K pages
  // with SECTION_SIZE_BITS 30 (before ~5.12). What else is known rules that out.
  test.each([
    ['a release from 5.12 on (64K sections are 2^29 then)', { release: '6.1.0' }],
    ['a stated page size', { pageShift: 12 }],
    ['a stated SECTION_SIZE_BITS', { sectionShift: 27 }],
  ])('equal calls of 48 subsections are no 96-byte struct pages under %s', (_what, known) => {
    const notes: string[] = [];
    expect(inferStructPageSize(storm(48n * 512n * 64n), { known }, notes).value).toBe(64);
    expect(notes).toEqual([]);
  });

  test('without such knowledge the same calls do read as 96 bytes: the residual risk, kept to pre-5.12 64K geometry', () => {
    const r = inferStructPageSize(storm(48n * 512n * 64n), {}, []);
    expect(r.value).toBe(96);
    expect(r.source.text).toContain('2^14 struct pages of 96 bytes (64K pages, SECTION_SIZE_BITS 30)');
  });

  test('a call shorter than any section (a small region) is no evidence', () => {
    // nouveau's 2 MiB chunks: one subsection, 512 4K pages of 64 bytes.
    const notes: string[] = [];
    expect(inferStructPageSize(storm(512n * 64n), {}, notes).value).toBe(64);
    expect(notes).toEqual([]);
  });
});
