import { UsageError } from '../../src/errors.js';
import { explainValue, type Explanation, type ValueKind } from '../../src/layout/explain.js';
import { inferLayout, plausibleLayouts } from '../../src/layout/infer.js';

const seed = { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096, memstart: 0x8000_0000n };

describe('explainValue on the seed thread layout (E3 48/4K, memstart 0x80000000)', () => {
  const [e] = explainValue('addr', 0xffff_ffff_aee0_0000n, [inferLayout({}, seed)]);

  test('page → pfn 0xffec38000 → phys 0xffec38000000, above the window, not wrapped', () => {
    // pfn = (0xffffffffaee00000 - 0xfffffbfffe000000) / 64; phys = pfn << 12.
    expect(e?.pfn).toBe(0xffec38000n);
    expect(e?.phys).toBe(0xffec38000n << 12n);
    expect(e?.exact).toBe(true);
    expect(e?.position).toBe('above-window');
    expect(e?.wrapped).toBe(false);
    expect(e?.warnArm).toBe('end-above');
    expect(e?.labels).toContain('in the VA between VMEMMAP_END and 2^64 (unused by vmemmap)');
  });

  test('phys 0xffec38000000 is beyond the linear map (memstart + 2^47 = 0x800080000000)', () => {
    expect(e?.linearVa).toBeUndefined();
    expect(e?.labels.some((l) => l.includes('outside the linear map'))).toBe(true);
  });
});

test('explainValue: an address in a KASAN shadow (6.1, 48-bit generic: PAGE_END 0xffff600000000000 to _PAGE_END(48))', () => {
  const config = ['# Linux/arm64 6.1.0 Kernel Configuration', 'CONFIG_ARM64_4K_PAGES=y', 'CONFIG_ARM64_VA_BITS=48', 'CONFIG_KASAN_GENERIC=y'].join('\n');
  const layout = inferLayout({}, { configText: config, memstart: 0x8000_0000n });
  expect(explainValue('addr', 0xffff_7000_0000_0000n, [layout])[0]?.labels).toContain('in the KASAN shadow (PAGE_END to KASAN_SHADOW_END)');
  expect(explainValue('addr', 0xffff_5000_0000_0000n, [layout])[0]?.labels).toContain("the struct page address lies in the linear map's VA range");
});

describe('explainValue above VMEMMAP_END in 6.9+ (E4 48/4K): PCI I/O, fixmap, guard region', () => {
  const layout = inferLayout({}, { kernel: '6.10', vaBits: 48, pageSizeBytes: 4096, memstart: 0x8000_0000n });
  const labels = (addr: string) => explainValue('addr', BigInt(addr), [layout])[0]?.labels ?? [];

  test.each([
    // VMEMMAP_END = -1G; PCI_IO_START = VMEMMAP_END + 8M, 16M long.
    ['0xffffffffc0800000', 'in the PCI I/O region (VMEMMAP_END + 8M, 16M)'],
    // FIXADDR_TOP = -8M = 0xffffffffff800000; the fixmap ends there and grows down.
    ['0xffffffffff600000', 'below FIXADDR_TOP (-8M): the fixmap, which grows down from there by a size the config sets, or VA nothing maps'],
    ['0xffffffffff7ff000', 'below FIXADDR_TOP (-8M): the fixmap, which grows down from there by a size the config sets, or VA nothing maps'],
    ['0xffffffffff800000', 'in the guard region above FIXADDR_TOP (the top 8 MiB, unmapped)'],
    ['0xfffffffffff00000', 'in the guard region above FIXADDR_TOP (the top 8 MiB, unmapped)'],
  ])('%s', (addr, label) => {
    // The first label names the region; a note on the physical address may follow.
    expect(labels(addr)[0]).toBe(label);
  });
});

describe('explainValue across plausible eras', () => {
  const layouts = plausibleLayouts({}, { memstart: 0x8000_0000n });

  test('pfn 0xffec38000: E3 above the window, E4 wrapped to 0x000001ff6ee00000', () => {
    const byEra = new Map(explainValue('pfn', 0xffec38000n, layouts).map((x) => [x.layout.era.value, x]));
    expect(byEra.get('E3')).toMatchObject({ page: 0xffffffffaee00000n, position: 'above-window', wrapped: false });
    // E4: 0xfffffdffbe000000 + 0xffec38000 * 64 = 2^64 + 0x1ff6ee00000.
    expect(byEra.get('E4')).toMatchObject({ page: 0x1ff6ee00000n, position: 'wraps-to-user', wrapped: true, warnArm: 'start-below' });
    // E2: START = -(2 TiB + 2M); vmemmap = START - 0x2000000; START - 0x2000000 + 0x3ffb0e00000 ≥ 2^64: it wraps too.
    const e2Sum = (1n << 64n) - (2n << 40n) - (2n << 20n) - 0x2000000n + 0xffec38000n * 64n;
    expect(e2Sum >= 1n << 64n).toBe(true);
    expect(byEra.get('E2')).toMatchObject({ page: e2Sum - (1n << 64n), wrapped: true, position: 'wraps-to-user' });
  });

  test('a phys inside RAM maps inside the window with a linear-map VA', () => {
    const [e3] = explainValue('phys', 0x9000_0000n, [inferLayout({}, seed)]);
    // pfn 0x90000; page = 0xfffffbfffe000000 + 0x90000 * 64; VA = (0x90000000 - 0x80000000) | 0xffff000000000000.
    expect(e3).toMatchObject({ pfn: 0x90000n, position: 'inside', warnArm: 'none', wrapped: false });
    expect(e3?.page).toBe(0xfffffbfffe000000n + 0x90000n * 64n);
    expect(e3?.linearVa).toBe(0xffff000010000000n);
  });

  test('an address below pfn 0 reads as a negative pfn, not a wrap', () => {
    const [e3] = explainValue('addr', 0xfffffbf000000000n, [inferLayout({}, seed)]);
    expect(e3?.wrapped).toBe(false);
    expect(e3?.position).toBe('below-window');
    expect(e3?.warnArm).toBe('start-below');
    expect(e3?.labels.some((l) => l.includes('negative'))).toBe(true);
  });

  test('a misaligned address is flagged inexact', () => {
    const [e3] = explainValue('addr', 0xfffffbfffe000008n, [inferLayout({}, seed)]);
    expect(e3?.exact).toBe(false);
  });
});

describe('explainValue on a pfn too large for any arm64 physical address', () => {
  const [e3] = explainValue('pfn', 0xffff_ffff_ffff_ffffn, [inferLayout({}, seed)]);

  test('the struct page sum wraps 2^6 times and lands 64 bytes below vmemmap: below the window, not in the user half', () => {
    // 0xfffffbfffe000000 + (2^64 - 1) * 64 ≡ 0xfffffbfffe000000 - 64 (mod 2^64).
    expect(e3).toMatchObject({ page: 0xfffffbfffe000000n - 64n, position: 'below-window', wrapped: true, warnArm: 'start-below' });
    expect(e3?.labels).toContain('wrapped past 2^64 (the kernel computes it modulo 2^64)');
    expect(e3?.labels.some((l) => l.includes('user half'))).toBe(false);
  });

  test('phys is PFN_PHYS() modulo 2^64, and says so; no arm64 PA is wider than 52 bits', () => {
    expect(e3?.phys).toBe(0xffff_ffff_ffff_f000n);
    expect(e3?.labels).toContain('PFN_PHYS() overflows 64 bits: phys is shown modulo 2^64');
    expect(e3?.labels).toContain('beyond 2^52: no arm64 physical address is this wide');
  });

  test('the largest 52-bit pfn has neither note', () => {
    const [top] = explainValue('pfn', (1n << 40n) - 1n, [inferLayout({}, seed)]);
    expect(top?.labels.some((l) => l.includes('2^52') || l.includes('PFN_PHYS'))).toBe(false);
  });

  test('a wrap into the user half is the position, not a note as well', () => {
    const [e4] = explainValue('pfn', 0xffec38000n, plausibleLayouts({}, { memstart: 0x8000_0000n }).filter((l) => l.era.value === 'E4'));
    expect(e4?.position).toBe('wraps-to-user');
    expect(e4?.labels.some((l) => l.includes('wrapped'))).toBe(false);
  });
});

describe('explainValue: which eras have the WARN', () => {
  test('E3 and E4 have it, E2 only in vmemmap_free, E1 and before not at all', () => {
    const byEra = (era: 'E0' | 'E1' | 'E2' | 'E3' | 'E4') =>
      explainValue('pfn', 0x80000n, [inferLayout({}, { era, vaBits: 48, pageSizeBytes: 4096, memstart: 0x8000_0000n })])[0]?.warnInEra;
    expect(byEra('E4')).toBe('yes');
    expect(byEra('E3')).toBe('yes');
    expect(byEra('E2')).toBe('free-only');
    expect(byEra('E1')).toBe('no');
    expect(byEra('E0')).toBe('no');
  });

  // Found by an audit: `explain --kernel 5.11` said the WARN fires (E3), and `--kernel 5.5` that vmemmap_free
  // warns (E2), which neither release's mmu.c does.
  test.each([
    ['5.5', 'no'],
    ['5.7', 'free-only'],
    ['5.11', 'free-only'],
    ['5.12', 'yes'],
    ['6.10', 'yes'],
  ])('with --kernel %s the release decides: %s', (kernel, warns) => {
    expect(explainValue('pfn', 0x80000n, [inferLayout({}, { kernel, vaBits: 48, pageSizeBytes: 4096, memstart: 0x8000_0000n })])[0]?.warnInEra).toBe(warns);
  });
});

test('a value outside 0..2^64-1 is a usage error, not wrapped to u64 (found by a review embedding the library)', () => {
  const layouts = [inferLayout({}, seed)];
  for (const value of [-1n, 1n << 64n, 1n << 70n]) expect(() => explainValue('addr', value, layouts)).toThrow(UsageError);
  expect(explainValue('addr', (1n << 64n) - 1n, layouts)).toHaveLength(1);
});

// Found by an audit embedding the library: a kind of 'foo' gave an explanation with pfn 0, and no layouts a raw
// TypeError.
test('explainValue: a kind it does not know, or layouts that are no array, are usage errors', () => {
  const layouts = plausibleLayouts({}, seed);
  expect(() => explainValue('foo' as never, 1n, layouts)).toThrow(new UsageError("explainValue: kind must be one of addr, pfn, phys, not the string 'foo'"));
  expect(() => explainValue('addr', 1n, undefined as never)).toThrow(
    new UsageError('explainValue: layouts must be an array of layouts (from candidateLayouts or plausibleLayouts), not undefined'),
  );
});

// Found by a review: `explain pfn:N` without a memstart marked the pfn and phys it was given as relative, and left the
// struct page computed from the assumed memstart unmarked; up to 4.4 (vmemmap = VMALLOC_END + SZ_64K, indexed by
// absolute pfn) a page's pfn and phys were marked relative too. The values said to depend on memstart are exactly
// those that change when memstart does (two 2 MiB-aligned memstarts, below every address used here).
describe('memstartDependent: exactly the values that change with memstart, per direction and era (Found by a review)', () => {
  const MEMSTARTS = [0x8000_0000n, 0x1_0000_0000n];
  const numbers = (x: Explanation) => ({ page: x.page, pfn: x.pfn, phys: x.phys, linearVa: x.linearVa, vmemmapBase: x.layout.constants.vmemmapBase });
  test.each([
    ['4.4', 'E0'],
    ['4.5', 'E0b'],
    ['4.9', 'E1'],
    ['5.10', 'E2'],
    ['6.1', 'E3'],
    ['6.10', 'E4'],
  ])('%s (%s), 48-bit/4K', (kernel, era) => {
    const layouts = MEMSTARTS.map((memstart) => inferLayout({}, { kernel, vaBits: 48, pageSizeBytes: 4096, memstart }));
    expect(layouts[0]!.era.value).toBe(era);
    // A page 0x200000 struct pages into the window: up to 4.4 pfn 0x200000, phys 0x200000000, else that many pages
    // above memstart, in the linear map under both memstarts either way; pfn 0x180000, phys
    // 0x180000000 (above both memstarts, so in the linear map too).
    const inputs: [ValueKind, bigint][] = [['addr', layouts[0]!.constants.vmemmapStart + 0x20_0000n * 64n], ['pfn', 0x18_0000n], ['phys', 0x1_8000_0000n]];
    for (const [kind, value] of inputs) {
      const [a, b] = layouts.map((l) => explainValue(kind, value, [l])[0]!);
      const changed = Object.entries(numbers(a!)).filter(([key, v]) => numbers(b!)[key as keyof ReturnType<typeof numbers>] !== v).map(([key]) => key);
      expect(a!.linearVa).toBeDefined();
      expect(a!.memstartDependent.filter((v) => v !== 'position')).toEqual(changed);
      // The position follows the struct page.
      expect(a!.memstartDependent.includes('position')).toBe(changed.includes('page'));
    }
  });
});

// Found by a review: on 6.9+ the note below the window named PCI I/O and the fixmap, which sit above it there.
test('explainValue 6.10: a page 64K below VMEMMAP_START lies in the 8 MiB gap above VMALLOC_END (Found by a review)', () => {
  const layout = inferLayout({}, { kernel: '6.10', vaBits: 48, pageSizeBytes: 4096, memstart: 0x8000_0000n });
  // VMEMMAP_START = -1G - 2^41 = 0xfffffdffc0000000; VMALLOC_END = START - 8M = 0xfffffdffbf800000.
  const [e] = explainValue('addr', 0xffff_fdff_bfff_0000n, [layout]);
  expect(e?.position).toBe('below-window');
  expect(e?.labels[0]).toBe('in the 8 MiB gap below VMEMMAP_START (VMALLOC_END = VMEMMAP_START - 8M, unmapped); from 6.9 PCI I/O and the fixmap lie above the window');
});
