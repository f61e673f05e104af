import { anchorMemstart, memstartWasRead } from '../../../src/analyze/vmemmap/anchor-memstart.js';
import { makeLayout } from './make-layout.js';

const U64 = (x: bigint) => BigInt.asUintN(64, x);

describe('anchorMemstart (reference §5.3 top-of-PA heuristic)', () => {
  test('recovers memstart 0x80000000 from a region ending at phys 2^48 (E3 48/4K)', () => {
    const guessed = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0n, sectionShift: 27 }, 'default');
    expect(memstartWasRead(guessed)).toBe(false);
    // Under the true memstart 0x80000000: vmemmap = -2^42 - 0x80000 * 64; page(2^48 >> 12) = vmemmap + 2^36 * 64.
    const vmemmap = U64(-(1n << 42n) - (0x8000_0000n >> 12n) * 64n);
    const highestEnd = U64(vmemmap + ((1n << 48n) >> 12n) * 64n);
    const anchored = anchorMemstart(guessed, highestEnd);
    expect(anchored?.memstart).toMatchObject({ value: 0x8000_0000n, confidence: 'low', source: { kind: 'heuristic' } });
    expect(anchored?.constants.vmemmapBase).toBe(vmemmap);
  });

  test('refuses a memstart off the ARM64_MEMSTART_ALIGN grid', () => {
    const guessed = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0n, sectionShift: 27 }, 'default');
    // An end 0x200000 bytes of memmap (one section) lower would need memstart 0x80000000 + 128 MiB: not 512 MiB aligned.
    const vmemmap = U64(-(1n << 42n) - (0x8000_0000n >> 12n) * 64n);
    expect(anchorMemstart(guessed, U64(vmemmap + ((1n << 48n) >> 12n) * 64n - 0x20_0000n))).toBeUndefined();
  });

  test('a memstart read from the log is kept', () => {
    expect(memstartWasRead(makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0x8000_0000n, sectionShift: 27 }))).toBe(true);
  });
});
