import { anchorMemstart, memstartWasRead } from '../../../src/analyze/vmemmap/anchor-memstart.js';
import { makeLayout } from './make-layout.js';
import { MEMSTART_UNKNOWN_ASSUMPTION } from '../../../src/layout/infer-memstart.js';

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

  // A real dri-devel report (an amdgpu storm on Ampere Altra) said both that memstart was unknown, pfns relative to 0,
  // and that it was the anchor's 0x80000000: the pfns it printed were the anchor's.
  test('the anchored layout no longer assumes memstart 0; other assumptions stay', () => {
    const guessed = { ...makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0n, sectionShift: 27 }, 'default'), assumptions: [MEMSTART_UNKNOWN_ASSUMPTION, 'another'] };
    const vmemmap = U64(-(1n << 42n) - (0x8000_0000n >> 12n) * 64n);
    expect(anchorMemstart(guessed, U64(vmemmap + ((1n << 48n) >> 12n) * 64n))?.assumptions).toEqual(['another']);
  });

  test('refuses a memstart off the ARM64_MEMSTART_ALIGN grid', () => {
    const guessed = makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0n, sectionShift: 27 }, 'default');
    // An end 0x200000 bytes of memmap (one section) lower would need memstart 0x80000000 + 128 MiB: not 512 MiB aligned.
    const vmemmap = U64(-(1n << 42n) - (0x8000_0000n >> 12n) * 64n);
    expect(anchorMemstart(guessed, U64(vmemmap + ((1n << 48n) >> 12n) * 64n - 0x20_0000n))).toBeUndefined();
  });

  test.each([
    // A storm cut 4 sections (4 * 128 MiB = 512 MiB) below phys 2^48 would put memstart at 0xa0000000: on the
    // 512 MiB grid, but ARM64_MEMSTART_ALIGN for 4K pages is 1 GiB (PUD_SHIFT 30), so it is refused.
    [12, 27, 4n * 0x20_0000n, undefined],
    // 8 sections lower: 1 GiB, on the 4K grid: memstart 0x80000000 + 1 GiB.
    [12, 27, 8n * 0x20_0000n, 0x8000_0000n + (1n << 30n)],
    // 64K pages, 29-bit sections: the grid is 512 MiB (PMD_SHIFT 29); one section lower is memstart + 512 MiB,
    // its memmap (2^29 >> 16) * 64 = 0x80000 bytes.
    [16, 29, 0x8_0000n, 0x8000_0000n + (1n << 29n)],
  ])('page shift %i, section shift %i: an end %s bytes of memmap lower anchors at %s', (pageShift, sectionShift, lower, memstart) => {
    const guessed = makeLayout({ era: 'E3', pageShift, vaBits: 48, memstart: 0n, sectionShift }, 'default');
    const vmemmapStart = guessed.constants.vmemmapStart;
    const vmemmap = U64(vmemmapStart - (0x8000_0000n >> BigInt(pageShift)) * 64n);
    const end = U64(vmemmap + ((1n << 48n) >> BigInt(pageShift)) * 64n - lower);
    expect(anchorMemstart(guessed, end)?.memstart.value).toBe(memstart);
  });

  test('CONFIG_ARM64_PA_BITS from a config sets the top the anchor stands for (52-bit PA under 48-bit VA, 64K pages)', () => {
    const guessed = {
      ...makeLayout({ era: 'E3', pageShift: 16, vaBits: 48, memstart: 0n, sectionShift: 29 }, 'default'),
      paBits: { value: 52, source: { kind: 'config' as const, text: 'CONFIG_ARM64_PA_BITS=52' }, confidence: 'high' as const },
    };
    const vmemmap = U64(guessed.constants.vmemmapStart - (0x8000_0000n >> 16n) * 64n);
    const anchored = anchorMemstart(guessed, U64(vmemmap + ((1n << 52n) >> 16n) * 64n));
    expect(anchored?.memstart.value).toBe(0x8000_0000n);
    expect(anchored?.memstart.source.text).toContain('2^52 (CONFIG_ARM64_PA_BITS;');
    // The same end read as 2^48 puts memstart past the 52-bit top the config allows: no anchor.
    expect(anchorMemstart({ ...guessed, paBits: undefined }, U64(vmemmap + ((1n << 52n) >> 16n) * 64n))).toBeUndefined();
  });

  test('a memstart read from the log is kept', () => {
    expect(memstartWasRead(makeLayout({ era: 'E3', pageShift: 12, vaBits: 48, memstart: 0x8000_0000n, sectionShift: 27 }))).toBe(true);
  });
});
