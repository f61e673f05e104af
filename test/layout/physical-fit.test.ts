import { inferLayout } from '../../src/layout/infer.js';
import { inferred } from '../../src/layout/inferred.js';
import type { Era } from '../../src/layout/types.js';
import { fitsPhysically, physAddressBits, physEndOf, spanOf } from '../../src/layout/physical-fit.js';

describe('physAddressBits (CONFIG_ARM64_PA_BITS)', () => {
  const shape = (pageShift: number, vaBits: number, era: Era, release?: string) => ({
    pageShift: inferred(pageShift, 'user', 'high'),
    vaBits: inferred(vaBits, 'user', 'high'),
    era: inferred(era, 'user', 'high'),
    ...(release !== undefined && { release: inferred(release, 'user', 'high') }),
  });

  it('is 52 with 64K pages or 52-bit VAs (LPA2), else 48', () => {
    const bits = [shape(12, 48, 'E3', '6.1'), shape(14, 47, 'E3', '6.1'), shape(16, 48, 'E3', '6.1'), shape(12, 52, 'E4', '6.9')].map(physAddressBits);
    expect(bits).toEqual([48, 48, 52, 52]);
  });

  it('is 48 with 64K pages before 4.16, which brought ARM64_PA_BITS_52', () => {
    expect([shape(16, 48, 'E1', '4.15.0'), shape(16, 48, 'E1', '4.16.0'), shape(16, 42, 'E1', '4.14.156')].map(physAddressBits)).toEqual([48, 52, 48]);
  });

  it('goes by the era without a release: before E1 (4.6) is before 4.16', () => {
    expect([shape(16, 42, 'E0'), shape(16, 48, 'E0b'), shape(16, 48, 'E1')].map(physAddressBits)).toEqual([48, 48, 52]);
  });
});

describe('physEndOf', () => {
  // E3 48-bit/4K, memstart 0x80000000: vmemmap = -2^42 - (0x80000000 >> 12) * 64, so pfn = (page - vmemmap) / 64.
  const layout = inferLayout({}, { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096, memstart: 0x8000_0000n });
  const vmemmap = (1n << 64n) - (1n << 42n) - (0x8000_0000n >> 12n) * 64n;

  test('is the byte after the last page the span stands for', () => {
    const span = { start: vmemmap + 0x10n * 64n, end: vmemmap + 0x20n * 64n };
    expect(physEndOf(layout, span)).toBe(0x20n << 12n);
    expect(fitsPhysically(layout, span)).toBe(true);
  });

  test('past 2^48 does not fit a 4K kernel; exactly 2^48 does', () => {
    const at = (pfn: bigint) => ({ start: vmemmap + (pfn - 1n) * 64n, end: vmemmap + pfn * 64n });
    expect(fitsPhysically(layout, at(1n << 36n))).toBe(true);
    expect(fitsPhysically(layout, at((1n << 36n) + 1n))).toBe(false);
  });

  test('a span that wrapped past 2^64 is read as the kernel computes it, mod 2^64', () => {
    const span = { start: vmemmap + (1n << 30n) * 64n, end: vmemmap + ((1n << 30n) + 1n) * 64n + (1n << 64n) };
    expect(physEndOf(layout, span)).toBe(((1n << 30n) + 1n) << 12n);
  });
});

test('spanOf: from the lowest start to the highest end, skipping none given', () => {
  expect(spanOf([{ start: 5n, end: 9n }, undefined, { start: 2n, end: 6n }])).toEqual({ start: 2n, end: 9n });
  expect(spanOf([undefined])).toBeUndefined();
});
