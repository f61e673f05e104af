import { reconstruct } from '../../../src/analyze/vmemmap/reconstruct.js';
import { makeLayout } from './make-layout.js';

const U64 = (x: bigint) => BigInt.asUintN(64, x);
const SP = 64n;

// E3 48/4K (memory.h 5.11–6.8): VMEMMAP_START = -(1 << (48 - (12 - 6))) = -2^42; SIZE = (2^47) >> 6 = 2^41.
const E3_START = U64(-(1n << 42n));
const E3_END = E3_START + (1n << 41n);
const MEMSTART = 0x8000_0000n;
// vmemmap = VMEMMAP_START - (memstart >> PAGE_SHIFT) * 64 = 0xfffffbfffe000000 (reference §4.1).
const E3_VMEMMAP = U64(E3_START - (MEMSTART >> 12n) * SP);
// One 4K/27 section: 2^15 pages, 2^15 * 64 = 0x200000 bytes of memmap.
const SECTION_PAGES = 1n << 15n;
const SEED_PAGE = 0xffff_ffff_aee0_0000n;

describe('reconstruct', () => {
  test('the seed thread struct page under E3 48/4K, memstart 0x80000000', () => {
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });
    const { fields: r, linearMapPhysEnd, inexact } = reconstruct([{ start: SEED_PAGE, end: SEED_PAGE + SECTION_PAGES * SP }], layout);
    const pfn = (SEED_PAGE - E3_VMEMMAP) / SP; // 0xffec38000 in the thread
    expect(pfn).toBe(0xf_fec3_8000n);
    expect(r.pfnHull).toEqual({ start: pfn, end: pfn + SECTION_PAGES });
    expect(r.physHull).toEqual({ start: pfn << 12n, end: (pfn + SECTION_PAGES) << 12n });
    expect(r.pageHull).toEqual({ start: SEED_PAGE, end: SEED_PAGE + SECTION_PAGES * SP });
    expect(r.physSizeBytes).toBe(SECTION_PAGES << 12n);
    expect(r.sectionsTouched).toBe(1); // pfn is a multiple of 2^15
    expect(r.position).toBe('above-window');
    expect(r.warnArm).toBe('end-above'); // SEED_PAGE > E3_END
    expect(SEED_PAGE > E3_END).toBe(true);
    expect(r.wrapped).toBe(false);
    // Linear map: memstart + 2^(VA_BITS_MIN - 1) = 0x80000000 + 2^47.
    expect(linearMapPhysEnd).toBe(MEMSTART + (1n << 47n));
    expect(r.aboveLinearMap).toBe(true);
    expect(inexact).toBe(false);
  });

  test('the same pfn under E4 wraps into the user half (reference §4.2: page 0x000001ff6ee00000)', () => {
    const layout = makeLayout({ era: 'E4', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });
    // E4: VMEMMAP_END = -1 GiB, SIZE = (2^47 >> 12) * 64, START = END - SIZE; vmemmap = START - (memstart >> 12) * 64.
    const vmemmap = U64(U64(-(1n << 30n)) - ((1n << 47n) >> 12n) * SP - (MEMSTART >> 12n) * SP);
    const pfn = 0xf_fec3_8000n;
    const page = U64(vmemmap + pfn * SP);
    expect(page).toBe(0x0000_01ff_6ee0_0000n);
    const r = reconstruct([{ start: page, end: page + SECTION_PAGES * SP }], layout).fields;
    expect(r.pfnHull).toEqual({ start: pfn, end: pfn + SECTION_PAGES });
    expect(r.position).toBe('wraps-to-user');
    expect(r.warnArm).toBe('start-below');
    expect(r.wrapped).toBe(true);
  });

  test("Ard's Seattle numbers: 39-bit/4K, memstart 0x80_0000_0000", () => {
    const memstart = 0x80_0000_0000n;
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 39, memstart, sectionShift: 27 });
    // VMEMMAP_START = -(1 << (39 - 6)) = 0xfffffffe00000000 (seed thread); vmemmap = START - 0x8000000 * 64.
    const vmemmap = U64(-(1n << 33n)) - (memstart >> 12n) * SP;
    const page = (pfn: bigint) => U64(vmemmap + pfn * SP);
    const one = (pfn: bigint) => reconstruct([{ start: page(pfn), end: page(pfn) + SECTION_PAGES * SP }], layout).fields;
    // "x < 0x800_0000 → vmalloc area; 0xc00_0000 < x < 0x1000_0000 → outside vmemmap; x >= 0x1000_0000 → user range"
    expect(one(0x780_0000n)).toMatchObject({ position: 'below-window', warnArm: 'start-below', wrapped: false });
    expect(one(0xc00_0000n)).toMatchObject({ position: 'above-window', warnArm: 'end-above', wrapped: false });
    expect(one(0x1000_0000n)).toMatchObject({ position: 'wraps-to-user', warnArm: 'start-below', wrapped: true });
    expect(one(0x900_0000n)).toMatchObject({ position: 'inside', warnArm: 'none', aboveLinearMap: false });
  });

  test('no range: no position, section count or WARN arm to give', () => {
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });
    const { fields: r } = reconstruct([], layout);
    expect(r).toEqual({ pageRanges: [], physSizeBytes: 0n, wrapped: false });
  });

  test('a range whose end wrapped past 2^64 stays one pfn range', () => {
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });
    const start = (1n << 64n) - 0x10_0000n;
    const r = reconstruct([{ start, end: start + SECTION_PAGES * SP }], layout).fields;
    const pfn = U64(start - E3_VMEMMAP) / SP;
    expect(r.pfnHull).toEqual({ start: pfn, end: pfn + SECTION_PAGES });
    // Found by a review: it had been 'straddles' ("partly outside the window"), though no page of it is inside: it
    // lies past VMEMMAP_END and runs on past 2^64.
    expect(r.position).toBe('wraps-to-user');
    expect(r.wrapped).toBe(true);
  });

  // Found by a review: Ard's Seattle layout with calls above the window and wrapped ones (a 39-bit storm that runs
  // past 2^64) was "partly outside the window (start < VMEMMAP_START and end > VMEMMAP_END)".
  test('Found by a review: ranges above the window and wrapped ones are past the top, each call firing one arm', () => {
    const memstart = 0x80_0000_0000n;
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 39, memstart, sectionShift: 27 });
    const above = (1n << 64n) - 3n * SECTION_PAGES * SP;
    const wrapped = 0x20_0000n;
    const r = reconstruct([{ start: above, end: above + 2n * SECTION_PAGES * SP }, { start: wrapped, end: wrapped + SECTION_PAGES * SP }], layout).fields;
    expect(r).toMatchObject({ position: 'wraps-to-user', warnArm: 'both', wrapped: true });
  });

  // Found by a review: a struct page below vmemmap (pfn 0) has a negative pfn; mod 2^64 it had made a PFN hull up to
  // 0x3ffffffffc88000 and a physical end wider than 64 bits, and a page hull whose end was below its start.
  test('Found by a review: pages below vmemmap (negative pfns) give no PFN or physical hull, and a page hull in address order', () => {
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });
    const below = E3_VMEMMAP - 4n * SECTION_PAGES * SP;
    const above = E3_END + 8n * SECTION_PAGES * SP;
    const { fields: r, negativePfns } = reconstruct([{ start: below, end: below + SECTION_PAGES * SP }, { start: above, end: above + SECTION_PAGES * SP }], layout);
    expect(negativePfns).toBe(true);
    expect(r.pfnHull).toBeUndefined();
    expect(r.physHull).toBeUndefined();
    expect(r.pageHull).toEqual({ start: below, end: above + SECTION_PAGES * SP });
    expect(reconstruct([{ start: above, end: above + SECTION_PAGES * SP }], layout).negativePfns).toBe(false);
  });

  test('a range ending at the top of the address space ends at 2^64, not at 0', () => {
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });
    const start = (1n << 64n) - SECTION_PAGES * SP;
    const r = reconstruct([{ start, end: 1n << 64n }], layout).fields;
    expect(r.pageHull).toEqual({ start, end: 1n << 64n });
    expect(r.pageRanges).toEqual([{ start, end: 1n << 64n }]);
  });

  test('sections: neighbouring ranges in one section count once', () => {
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });
    const page = (pfn: bigint) => E3_VMEMMAP + pfn * SP;
    const base = 0xf_fff0_0000n; // a multiple of 2^15
    const r = reconstruct(
      [
        { start: page(base), end: page(base + 0x200n) },
        { start: page(base + 0x400n), end: page(base + SECTION_PAGES + 0x200n) },
      ],
      layout,
    ).fields;
    expect(r.sectionsTouched).toBe(2);
    expect(r.pageRanges).toHaveLength(2);
    expect(r.physSizeBytes).toBe((0x200n + SECTION_PAGES - 0x200n) << 12n);
  });

  test('an address that is not a whole struct page from vmemmap is flagged', () => {
    const layout = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: MEMSTART, sectionShift: 27 });
    expect(reconstruct([{ start: SEED_PAGE + 8n, end: SEED_PAGE + 8n + 0x8000n }], layout).inexact).toBe(true);
  });

  test('hot-added memory below memstart, read with memstart unknown (0): below the window, not above the linear map', () => {
    // Phys 0x40000000-0x80000000 under the true memstart 0x80000000: pages E3_VMEMMAP + 0x40000 * 64 = 0xfffffbffff000000
    // up to E3_VMEMMAP + 0x80000 * 64 = E3_START. Under memstart 0 they sit below vmemmap = E3_START.
    const assumed = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0n, sectionShift: 27 }, 'default');
    const start = E3_VMEMMAP + 0x4_0000n * SP;
    expect(start).toBe(0xffff_fbff_ff00_0000n);
    const { fields: r } = reconstruct([{ start, end: E3_START }], assumed);
    expect(r.position).toBe('below-window');
    expect(r.warnArm).toBe('start-below');
    expect(r.aboveLinearMap).toBe(false);
  });
});
