import fc from 'fast-check';
import { computeConstants, validVaBits } from '../../src/layout/constants.js';
import { pageToPfn, pfnToPage, pfnToPhys, physToPfn } from '../../src/layout/convert.js';
import type { Era, LayoutConstants } from '../../src/layout/types.js';
import { UsageError } from '../../src/errors.js';
import { fuzzParams } from './_fuzz-params.js';

interface Geometry {
  c: LayoutConstants;
  structPageSize: number;
}

/** Any era × page size × VA size × memstart × struct page size that computeConstants accepts. */
const layout = fc
  .record({
    era: fc.constantFrom<Era>('E0', 'E0b', 'E1', 'E2', 'E3', 'E4'),
    pageShift: fc.constantFrom(12, 14, 16),
    vaPick: fc.nat(),
    // memstart_addr is aligned to ARM64_MEMSTART_ALIGN, at most 1 GiB on every configuration.
    memstartGiB: fc.bigInt({ min: 0n, max: (1n << 22n) - 1n }),
    structPageSize: fc.constantFrom(56, 64, 72, 80, 128),
    sectionShift: fc.integer({ min: 27, max: 30 }),
  })
  .map(({ era, pageShift, vaPick, memstartGiB, structPageSize, sectionShift }): Geometry | undefined => {
    const vas = validVaBits(pageShift);
    const vaBits = vas[vaPick % vas.length]!;
    try {
      const c = computeConstants({ era, pageShift, vaBits, structPageSize, memstart: memstartGiB << 30n, sectionShift });
      return { c, structPageSize };
    } catch (error) {
      if (error instanceof UsageError) return undefined;
      throw error;
    }
  })
  .filter((g): g is Geometry => g !== undefined);

// PFNs up to 2^52 - 1: the widest physical address (52 bits) over the smallest page.
const pfn = fc.bigInt({ min: 0n, max: (1n << 52n) - 1n });

test('page → pfn → page is the identity for aligned pages, on every layout computeConstants accepts', () => {
  fc.assert(
    fc.property(layout, pfn, ({ c, structPageSize }, n) => {
      const page = pfnToPage(n, c, structPageSize);
      expect(pageToPfn(page, c, structPageSize)).toEqual({ pfn: n, exact: true });
    }),
    fuzzParams(300),
  );
});

test('a page address off the struct page grid maps to the pfn below it, flagged inexact', () => {
  fc.assert(
    fc.property(layout, pfn, fc.nat(), ({ c, structPageSize }, n, offsetSeed) => {
      const offset = BigInt(1 + (offsetSeed % (structPageSize - 1)));
      const page = pfnToPage(n, c, structPageSize) + offset;
      expect(pageToPfn(page & ((1n << 64n) - 1n), c, structPageSize)).toEqual({ pfn: n, exact: false });
    }),
    fuzzParams(300),
  );
});

test('pfn → phys → pfn is the identity for every page size, over 52-bit physical addresses', () => {
  const pagePfn = fc
    .constantFrom(12, 14, 16)
    .chain((pageShift) => fc.tuple(fc.constant(pageShift), fc.bigInt({ min: 0n, max: (1n << BigInt(52 - pageShift)) - 1n })));
  fc.assert(
    fc.property(pagePfn, ([pageShift, n]) => {
      expect(physToPfn(pfnToPhys(n, pageShift), pageShift)).toBe(n);
    }),
    fuzzParams(300),
  );
});
