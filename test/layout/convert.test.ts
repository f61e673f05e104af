import fc from 'fast-check';
import { computeConstants } from '../../src/layout/constants.js';
import { classifyPage, pageToPfn, pfnToPage, pfnToPhys, physToLinearVa, physToPfn } from '../../src/layout/convert.js';
import type { Era, LayoutParams } from '../../src/layout/types.js';
import { UsageError } from '../../src/errors.js';

const M = (1n << 64n) - 1n;

function layout(era: Era, vaBits: number, pageShift: number, memstart: bigint) {
  const p: LayoutParams = { era, vaBits, pageShift, structPageSize: 64, memstart, sectionShift: 27 };
  return computeConstants(p);
}

describe('seed thread: --kernel 6.1, 48-bit/4K, memstart 0x80000000', () => {
  const e3 = layout('E3', 48, 12, 0x8000_0000n);
  const page = 0xffff_ffff_aee0_0000n;
  // pfn = (0xffffffffaee00000 - 0xfffffbfffe000000) / 64 = 0x3ffb0e00000 / 64 = 0xffec38000.
  const pfn = (page - 0xfffffbfffe000000n) / 64n;

  test('page → pfn 0xffec38000, exact', () => {
    expect(pfn).toBe(0xffec38000n);
    expect(pageToPfn(page, e3, 64)).toEqual({ pfn, exact: true });
  });

  test('pfn → phys 0xffec38000000 (pfn << 12)', () => {
    expect(pfnToPhys(pfn, 12)).toBe(0xffec38000n << 12n);
  });

  test('the page lies above the window, in the unused gap: it does not wrap', () => {
    // vmemmap + pfn * 64 = 0xfffffbfffe000000 + 0x3ffb0e00000 < 2^64.
    expect(0xfffffbfffe000000n + pfn * 64n < 1n << 64n).toBe(true);
    expect(classifyPage(page, e3)).toBe('above-window');
    expect(page > e3.vmemmapEnd).toBe(true);
  });

  test('on E4 the same pfn wraps to a user-half page', () => {
    const e4 = layout('E4', 48, 12, 0x8000_0000n);
    // vmemmap = 0xfffffdffc0000000 - 0x2000000 = 0xfffffdffbe000000; + 0x3ffb0e00000 = 2^64 + 0x1ff6ee00000.
    const wrapped = (0xfffffdffbe000000n + pfn * 64n) & M;
    expect(wrapped).toBe(0x0000_01ff_6ee0_0000n);
    expect(pfnToPage(pfn, e4, 64)).toBe(wrapped);
    expect(classifyPage(wrapped, e4)).toBe('wraps-to-user');
    expect(pageToPfn(wrapped, e4, 64)).toEqual({ pfn, exact: true });
  });
});

describe("Ard's 39-bit Seattle bands (E3 39/4K, memstart 0x80_0000_0000)", () => {
  const c = layout('E3', 39, 12, 0x80_0000_0000n);
  // m = memstart >> 12 = 0x8000000; N = 4 GiB / 64 = 0x4000000; wrap at m + (2^64 - START)/64 = m + 2^33/64.
  const m = 0x80_0000_0000n >> 12n;
  const n = (4n << 30n) / 64n;
  const wrapAt = m + (1n << 33n) / 64n;

  test('the derived band edges are the ones Ard gave', () => {
    expect(m).toBe(0x800_0000n);
    expect(m + n).toBe(0xc00_0000n);
    expect(wrapAt).toBe(0x1000_0000n);
  });

  test.each([
    ['x < 0x800_0000 → vmalloc area', m - 1n, 'below-window'],
    ['first covered pfn', m, 'inside'],
    ['last covered pfn', m + n - 1n, 'inside'],
    ['0xc00_0000 ≤ x < 0x1000_0000 → outside vmemmap', m + n, 'above-window'],
    ['just below the wrap', wrapAt - 1n, 'above-window'],
    ['x ≥ 0x1000_0000 → wraps to user range', wrapAt, 'wraps-to-user'],
  ])('%s', (_name, pfn, position) => {
    expect(classifyPage(pfnToPage(pfn, c, 64), c)).toBe(position);
  });
});

describe('pageToPfn', () => {
  test('a page address that is not a multiple of sizeof(struct page) from vmemmap is inexact', () => {
    const c = layout('E3', 48, 12, 0x8000_0000n);
    expect(pageToPfn(c.vmemmapBase + 64n * 5n + 8n, c, 64)).toEqual({ pfn: 5n, exact: false });
  });

  // Found by a library audit: a size of 0 threw RangeError: Division by zero.
  test('a struct page size that is no positive whole number is a UsageError', () => {
    const c = layout('E3', 48, 12, 0x8000_0000n);
    for (const size of [0, -64, 6.5]) expect(() => pageToPfn(c.vmemmapBase, c, size)).toThrow(UsageError);
    expect(() => pageToPfn(c.vmemmapBase, c, 0)).toThrow('pageToPfn: structPageSize must be a positive whole number (sizeof(struct page): 64), not the number 0');
  });
});

describe('phys ↔ pfn', () => {
  test.each([
    [12, 0x8000_0000n, 0x80000n],
    [14, 0x8000_0000n, 0x20000n],
    [16, 0xffec38000000n, 0xffec38000000n >> 16n],
  ])('PAGE_SHIFT %i phys %s', (ps, phys, pfn) => {
    expect(physToPfn(phys, ps)).toBe(pfn);
    expect(pfnToPhys(pfn, ps)).toBe(phys);
  });

  test('physToPfn drops the in-page offset', () => {
    expect(physToPfn(0x8000_0fffn, 12)).toBe(0x80000n);
  });
});

describe('properties under every supported (era, page size, VA bits)', () => {
  const combos: [Era, number, number][] = [];
  for (const era of ['E0', 'E0b', 'E1', 'E2', 'E3', 'E4'] as Era[]) {
    for (const [ps, vas] of [[12, [39, 48, 52]], [14, [36, 47, 48, 52]], [16, [42, 48, 52]]] as const) {
      for (const va of vas) {
        const lpa2Only = va === 52 && ps !== 16;
        if (va === 52 && (['E0', 'E0b', 'E1'].includes(era) || (lpa2Only && era !== 'E4'))) continue;
        combos.push([era, ps, va]);
      }
    }
  }

  test.each(combos)('%s PAGE_SHIFT %i %i-bit: page → pfn → page, pfn → phys → pfn', (era, ps, va) => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 52n) - 1n }), fc.bigInt({ min: 0n, max: (1n << 40n) - 1n }),
        fc.constantFrom(64, 72, 128), (memstartRaw, pfn, sp) => {
          const memstart = memstartRaw & ~((1n << 30n) - 1n);
          const c = computeConstants({ era, pageShift: ps, vaBits: va, structPageSize: sp, memstart, sectionShift: 30 });
          const page = pfnToPage(pfn, c, sp);
          expect(pageToPfn(page, c, sp)).toEqual({ pfn, exact: true });
          expect(physToPfn(pfnToPhys(pfn, ps), ps)).toBe(pfn);
        }),
      { numRuns: 200 },
    );
  });

  test('every combination was covered', () => {
    // 6 eras × 10 (page, VA) pairs, minus 52-bit everywhere before E2 (3 × 3), minus 4K/16K 52-bit in E2/E3 (2 × 2).
    expect(combos).toHaveLength(6 * 10 - 9 - 4);
  });
});

describe('physToLinearVa', () => {
  test('E3 48/4K: memstart maps to PAGE_OFFSET', () => {
    const c = layout('E3', 48, 12, 0x8000_0000n);
    expect(physToLinearVa(0x8000_0000n, 0x8000_0000n, c)).toBe(c.pageOffset);
    expect(physToLinearVa(0x8000_1000n, 0x8000_0000n, c)).toBe(c.pageOffset + 0x1000n);
  });
});

describe("Ard's Seattle E0 log (dfd55ad85e4a message): 39-bit/4K, DRAM at 0x80_0000_0000", () => {
  // E0 indexes vmemmap by absolute pfn: page(0x8000000) = 0xffffffbdc0000000 + 0x8000000 * 64 = 0xffffffbfc0000000,
  // the "actual" start the log shows — exactly VMEMMAP_END, so the memmap lies outside the 8 GB window.
  const c = layout('E0', 39, 12, 0x80_0000_0000n);
  const firstPfn = physToPfn(0x80_0000_0000n, 12);

  test('the first DRAM page is at VMEMMAP_END, above the window', () => {
    expect(pfnToPage(firstPfn, c, 64)).toBe(0xffffffbdc0000000n + firstPfn * 64n);
    expect(pfnToPage(firstPfn, c, 64)).toBe(0xffffffbfc0000000n);
    expect(classifyPage(pfnToPage(firstPfn, c, 64), c)).toBe('above-window');
  });

  test('256 MB of memmap ends at 0xffffffbfd0000000 (the "actual" end)', () => {
    // 256 MiB / 64 = 0x400000 pages.
    expect(pfnToPage(firstPfn + (256n << 20n) / 64n, c, 64)).toBe(0xffffffbfd0000000n);
  });
});
