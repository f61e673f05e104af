import { readingUnderLayout, readRegisterPair, readRegisters } from '../../../src/analyze/vmemmap/read-registers.js';
import { computeConstants } from '../../../src/layout/constants.js';
import { makeSplat, regsWith } from './make-splat.js';

// Seed thread (E3 48/4K, memstart 0x80000000): the struct page 0xffffffffaee00000; one 4K/27 section of memmap is
// 2^(27-12) pages * 64 bytes = 0x200000, so end = start + 0x200000.
const START = 0xffff_ffff_aee0_0000n;
const SECTION_MEMMAP_4K = (1n << (27n - 12n)) * 64n;
// E3 48/4K VMEMMAP_START = -(1 << (VA_BITS - VMEMMAP_SHIFT)) = -(1 << (48 - 6)) mod 2^64.
const E3_48_4K_START = (1n << 64n) - (1n << 42n);

describe('readRegisters', () => {
  test('x0/x1 holding one section of memmap: high confidence; constant register noted', () => {
    const r = readRegisters(makeSplat({ regs: regsWith({ x0: START, x1: START + SECTION_MEMMAP_4K, x8: E3_48_4K_START }) }));
    expect(r).toMatchObject({ start: START, end: START + SECTION_MEMMAP_4K, startReg: 'x0', endReg: 'x1', confidence: 'high' });
    expect(r?.constantRegs).toContainEqual(expect.objectContaining({ reg: 'x8', constant: 'VMEMMAP_START', form: 'exact', value: E3_48_4K_START }));
    expect(r?.constantRegs.find((c) => c.reg === 'x8')?.layouts).toContain('E3 48/4K');
  });

  // Found by review on the nouveau sample: x1, the end page(pfn 2^32) = 0xffffffffffe00000, was listed as E2's
  // VMEMMAP_END (-2 MiB).
  test('the registers read as start and end are not listed as layout constants, even when one equals one', () => {
    const start = 0xffff_ffff_ffd8_0000n;
    const end = (1n << 64n) - (2n << 20n);
    const r = readRegisters(makeSplat({ regs: regsWith({ x0: start, x1: end, x8: E3_48_4K_START }) }));
    expect(r).toMatchObject({ startReg: 'x0', endReg: 'x1' });
    expect(r?.constantRegs.map((c) => c.reg)).toEqual(['x8']);
  });

  test('negated and minus-one constants are recognised', () => {
    // -VMEMMAP_START = 2^42; VMEMMAP_END - 1 with END = START + SIZE, SIZE = 2^47 >> 6 = 2^41.
    const end = E3_48_4K_START + (1n << 41n);
    const r = readRegisters(makeSplat({ regs: regsWith({ x0: START, x1: START + SECTION_MEMMAP_4K, x9: 1n << 42n, x10: end - 1n }) }));
    expect(r?.constantRegs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reg: 'x9', constant: 'VMEMMAP_START', form: 'negated', value: 1n << 42n }),
        expect.objectContaining({ reg: 'x10', constant: 'VMEMMAP_END', form: 'minus-one', value: end - 1n }),
      ]),
    );
  });

  test('callee-saved registers when x0/x1 were clobbered (vmemmap_free)', () => {
    const r = readRegisters(makeSplat({ regs: regsWith({ x0: 0x1n, x1: 0x40n, x20: START, x21: START + SECTION_MEMMAP_4K }) }));
    expect(r).toMatchObject({ startReg: 'x20', endReg: 'x21', start: START, confidence: 'medium' });
  });

  test('a partial section: 64K pages, one 2 MiB subsection is 2^(21-16) pages * 64 = 0x800 bytes', () => {
    const sub64k = (1n << (21n - 16n)) * 64n;
    const start = 0xffff_ffff_ffd8_0000n;
    const r = readRegisters(makeSplat({ regs: regsWith({ x0: start, x1: start + sub64k }) }));
    expect(r).toMatchObject({ start, end: start + sub64k, confidence: 'medium' });
  });

  test('x1 below x0 is no argument pair; the general search still finds the pair, with low confidence', () => {
    const r = readRegisters(makeSplat({ regs: regsWith({ x0: START + SECTION_MEMMAP_4K, x1: START }) }));
    expect(r).toMatchObject({ startReg: 'x1', endReg: 'x0', start: START, confidence: 'low' });
    expect(readRegisters(makeSplat({ regs: new Map([['x1', START]]) }))).toBeUndefined();
  });

  test('readRegisterPair finds what readRegisters finds', () => {
    for (const regs of [
      regsWith({ x0: START, x1: START + SECTION_MEMMAP_4K }),
      regsWith({ x0: START + SECTION_MEMMAP_4K, x1: START }),
      regsWith({ x0: 0x1n, x1: 0x40n, x20: START, x21: START + SECTION_MEMMAP_4K }),
      new Map([['x1', START + SECTION_MEMMAP_4K], ['x0', START]]),
      new Map([['x0', START]]),
    ]) {
      const r = readRegisters(makeSplat({ regs }));
      expect(readRegisterPair(makeSplat({ regs }))).toEqual(r && expect.objectContaining({ start: r.start, end: r.end }));
    }
  });

  test('an end that wrapped past 2^64 still pairs with its start', () => {
    const start = (1n << 64n) - 0x100000n;
    const end = SECTION_MEMMAP_4K - 0x100000n; // start + 0x200000 mod 2^64
    expect(readRegisters(makeSplat({ regs: regsWith({ x0: start, x1: end }) }))).toMatchObject({ start, end });
  });

  test('nothing fits: misaligned, too long, or only small values', () => {
    expect(readRegisters(makeSplat({ regs: regsWith({ x0: START + 8n, x1: START + 8n + SECTION_MEMMAP_4K }) }))?.startReg).not.toBe('x0');
    // Longer than a 4K section at SECTION_SIZE_BITS 30 of 120-byte struct pages (2^18 * 120 bytes).
    const tooLong = readRegisters(makeSplat({ regs: regsWith({ x0: START, x1: START + 2n * (1n << 18n) * 120n }) }));
    expect(tooLong?.startReg).not.toBe('x0');
    expect(readRegisters(makeSplat({ regs: new Map([['x0', 0n], ['x1', 0x8000n]]) }))).toBeUndefined();
  });

  // Found by an audit: a 5.10 4K kernel (SECTION_SIZE_BITS 30) with 80-byte struct pages calls with 2^18 * 80 bytes,
  // past the 16 MiB of a 64-byte section: no pair was read.
  test('a whole 4K/30 section of 80-byte struct pages is a call', () => {
    const r = readRegisters(makeSplat({ regs: regsWith({ x0: START, x1: START + (1n << 18n) * 80n }) }));
    expect(r).toMatchObject({ startReg: 'x0', endReg: 'x1', start: START, end: START + (1n << 18n) * 80n });
  });

  test('two equally good pairs lower the confidence', () => {
    const other = 0xffff_ffff_0000_0000n;
    const r = readRegisters(
      makeSplat({ regs: regsWith({ x19: START, x20: START + SECTION_MEMMAP_4K, x21: other, x22: other + SECTION_MEMMAP_4K }) }),
    );
    expect(r?.confidence).toBe('low');
    expect(r?.reason).toMatch(/other register pair/);
  });
});

// Found by a review: the reading's "whole subsections of memmap" (64-byte struct pages) stood beside a layout of
// 80-byte ones, under which the same 0x280000 is one whole section.
describe('readingUnderLayout (Found by a review)', () => {
  // 4K pages, SECTION_SIZE_BITS 27: 2^15 pages per section; a subsection is 2^(21 - 12) = 512 pages.
  const constants = (sp: number) => computeConstants({ era: 'E4', pageShift: 12, vaBits: 48, structPageSize: sp, memstart: 0x8000_0000n, sectionShift: 27 });
  const x0 = 0xffff_f7ff_ffe0_0000n;
  const r = readRegisters(makeSplat({ regs: regsWith({ x0, x1: x0 + 0x28_0000n }) }))!;

  test('0x280000: 80 subsections of 64-byte struct pages (512 * 64 = 0x8000 each), one section of 80-byte ones (2^15 * 80)', () => {
    expect(r.reason).toBe('x0/x1 (the argument registers) differ by 0x280000, whole subsections of memmap');
    expect(r.confidence).toBe('medium');
    const under80 = readingUnderLayout(r, constants(80), 80);
    expect(under80).toMatchObject({ reason: 'x0/x1 (the argument registers) differ by 0x280000, one whole section of memmap', confidence: 'high' });
    // Under 64-byte struct pages the reading stands as it was.
    expect(readingUnderLayout(r, constants(64), 64)).toBe(r);
  });

  test('a span no whole number of subsections under the layout says so', () => {
    // A subsection of 72-byte struct pages is 512 * 72 = 0x9000 bytes; 0x280000 / 0x9000 is not whole.
    expect(readingUnderLayout(r, constants(72), 72).reason).toBe('x0/x1 (the argument registers) differ by 0x280000, no whole number of subsections of 72-byte struct pages');
  });
});
