import fc from 'fast-check';
import { computeConstants, defaultSectionShift } from '../../src/layout/constants.js';
import { inferLayout } from '../../src/layout/infer.js';
import { validVaBits } from '../../src/layout/page-geometry.js';
import { fuzzParams } from './_fuzz-params.js';

const RELEASE: Record<'E2' | 'E3' | 'E4', string> = { E2: '5.10.0', E3: '6.1.0', E4: '6.10.0' };

/**
 * A storm of whole sections as a kernel with `sp`-byte struct pages makes it: each call one section's memmap,
 * 2^(SECTION_SIZE_BITS - PAGE_SHIFT) struct pages, the next starting where it ended (up or down), sometimes with
 * VMEMMAP_START in a register. With the release known, the size read back is the size the storm was made with; or,
 * where nothing tells the page size the calls need (no register, 16K or 64K pages), 64 with a note naming the size.
 * Never another size; 64 stays 64.
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
    return { era, pageShift, vaBits, sp, release, call, step: down ? -call : call, start: c.vmemmapStart, withRegister };
  });

test('a storm of whole sections gives back the struct page size it was made with', () => {
  fc.assert(
    fc.property(storm, (s) => {
      const l = inferLayout({
        splatRelease: s.release,
        largestCall: s.call,
        startStep: s.step,
        ...(s.withRegister && { registerValues: [{ reg: 'x5', value: s.start }] }),
      });
      if (l.structPageSize.value !== s.sp) {
        expect(l.structPageSize.value).toBe(64);
        expect(l.assumptions.join('\n')).toContain(`--struct-page-size ${s.sp}`);
      } else if (s.sp !== 64) {
        // The layout taken has a page size with which the calls are whole sections.
        expect(l.sectionShift.value - l.pageShift.value).toBe(Number(s.call / BigInt(s.sp)).toString(2).length - 1);
      }
    }),
    fuzzParams(200),
  );
});
