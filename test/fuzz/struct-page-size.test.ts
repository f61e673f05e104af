import fc from 'fast-check';
import { computeConstants, defaultSectionShift } from '../../src/layout/constants.js';
import { inferLayout } from '../../src/layout/infer.js';
import { validVaBits } from '../../src/layout/page-geometry.js';
import { fuzzParams } from './_fuzz-params.js';

const RELEASE: Record<'E2' | 'E3' | 'E4', string> = { E2: '5.10.0', E3: '6.1.0', E4: '6.10.0' };

/**
 * A storm of whole sections as a kernel with `sp`-byte struct pages makes it: each call one section's memmap,
 * 2^(SECTION_SIZE_BITS - PAGE_SHIFT) struct pages, the next starting where it ended (up or down), sometimes with
 * VMEMMAP_START in a register. With the release known, the size read back is the size the storm was made with, or
 * 64: where nothing tells the page size the calls need (no register, 16K or 64K pages), with a note naming the size;
 * where the register is a constant of two VA sizes (E3 16K/47's VMEMMAP_START is 16K/48's VMEMMAP_END) and the one
 * taken does not start the calls on a section, without. Never another size; 64 stays 64.
 */
const storm = fc
  .record({
    era: fc.constantFrom<'E2' | 'E3' | 'E4'>('E2', 'E3', 'E4'),
    pageShift: fc.constantFrom(12, 14, 16),
    vaPick: fc.nat(),
    sp: fc.constantFrom(56, 64, 72, 80, 88, 96, 104, 120),
    down: fc.boolean(),
    withRegister: fc.boolean(),
  })
  .map(({ era, pageShift, vaPick, sp, down, withRegister }) => {
    // 52-bit VAs: 64K pages from E2 on, 4K and 16K (LPA2) in E4 only.
    const vas = validVaBits(pageShift).filter((va) => va !== 52 || pageShift === 16 || era === 'E4');
    const vaBits = vas[vaPick % vas.length]!;
    const release = RELEASE[era];
    const sectionShift = defaultSectionShift(release, pageShift);
    const call = (1n << BigInt(sectionShift - pageShift)) * BigInt(sp);
    const c = computeConstants({ era, pageShift, vaBits, structPageSize: sp, memstart: 0x8000_0000n, sectionShift });
    // The section just below 2^48, where request_free_mem_region() puts device-private memory first.
    const pfn = (1n << BigInt(48 - pageShift)) - c.pagesPerSection;
    const callStart = BigInt.asUintN(64, c.vmemmapBase + pfn * BigInt(sp));
    return { era, pageShift, vaBits, sp, release, call, callStart, step: down ? -call : call, start: c.vmemmapStart, withRegister };
  });

test('a storm of whole sections gives back the struct page size it was made with', () => {
  fc.assert(
    fc.property(storm, (s) => {
      const l = inferLayout({
        splatRelease: s.release,
        largestCall: s.call,
        largestCallStart: s.callStart,
        startStep: s.step,
        ...(s.withRegister && { registerValues: [{ reg: 'x5', value: s.start }] }),
      });
      if (l.structPageSize.value !== s.sp) {
        expect(l.structPageSize.value).toBe(64);
        if (!s.withRegister) expect(l.assumptions.join('\n')).toContain(`--struct-page-size ${s.sp}`);
      } else if (s.sp !== 64) {
        // The layout taken has a page size with which the calls are whole sections.
        expect(l.sectionShift.value - l.pageShift.value).toBe(Number(s.call / BigInt(s.sp)).toString(2).length - 1);
      }
    }),
    fuzzParams(200),
  );
});

/**
 * The common case must not get worse: a 64-byte kernel whose regions are k subsections each (k below a section's
 * worth), placed end to end, makes a storm of equal partial-section calls. Whatever k, the shape, and whether a
 * register holds VMEMMAP_START or VMEMMAP_END, the size read back is 64 (two audits found such storms read as 56 to
 * 120-byte struct pages of 16K and 64K sections).
 */
const partialStorm = fc
  .record({
    era: fc.constantFrom<'E2' | 'E3' | 'E4'>('E2', 'E3', 'E4'),
    pageShift: fc.constantFrom(12, 14, 16),
    vaPick: fc.nat(),
    subsections: fc.integer({ min: 1, max: 255 }),
    firstSubsection: fc.bigInt({ min: 0n, max: 1n << 20n }),
    register: fc.constantFrom<'none' | 'start' | 'end'>('none', 'start', 'end'),
    down: fc.boolean(),
  })
  .map(({ era, pageShift, vaPick, subsections, firstSubsection, register, down }) => {
    const vas = validVaBits(pageShift).filter((va) => va !== 52 || pageShift === 16 || era === 'E4');
    const vaBits = vas[vaPick % vas.length]!;
    const release = RELEASE[era];
    const sectionShift = defaultSectionShift(release, pageShift);
    const c = computeConstants({ era, pageShift, vaBits, structPageSize: 64, memstart: 0x8000_0000n, sectionShift });
    const pages = BigInt(subsections) * c.pagesPerSubsection;
    const call = pages * 64n;
    // DRAM ends at 0x2_8000_0000; the regions sit above it, one after another.
    const pfn = (0x2_8000_0000n >> BigInt(pageShift)) + firstSubsection * c.pagesPerSubsection;
    const start = BigInt.asUintN(64, c.vmemmapBase + pfn * 64n);
    return { release, call, start, step: down ? -call : call, register, c, partial: pages < c.pagesPerSection };
  })
  .filter((s) => s.partial);

test('a 64-byte kernel storm of equal partial-section calls stays 64 bytes', () => {
  fc.assert(
    fc.property(partialStorm, (s) => {
      const value = s.register === 'start' ? s.c.vmemmapStart : s.c.vmemmapEnd;
      const l = inferLayout({
        splatRelease: s.release,
        largestCall: s.call,
        largestCallStart: s.start,
        startStep: s.step,
        ...(s.register !== 'none' && { registerValues: [{ reg: 'x5', value }] }),
      });
      expect(l.structPageSize.value).toBe(64);
    }),
    fuzzParams(300),
  );
});
